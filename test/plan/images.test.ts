// Images a stack runs (npm run images) and the one stack-wide mirror transform.
import { describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../components/config/load";
import { imageLines, stackImages } from "../../components/plan/imageList";
import { currentRecorder } from "../../components/plan/recorder";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import { allImages, charts, images, manifests } from "../../components/versions";
import { LOCAL_CONFIG, plan } from "../mocks";

describe("stack images (pure)", () => {
  it("follow the config: the minimal stack has no KServe or Katib images, the full one has them", () => {
    const minimal = stackImages(parsePlatformConfig(LOCAL_CONFIG));
    const full = stackImages(parsePlatformConfig(readStackPlatformConfig("full")));
    expect(minimal).toEqual(
      expect.arrayContaining([images.mysql, images.minio, ...manifests.pipelines.images]),
    );
    expect(minimal).not.toContain(charts.kserve.images[0]);
    expect(full).toEqual(
      expect.arrayContaining([...charts.kserve.images, ...manifests.katib.images]),
    );
    // Everything listed is pinned in the catalog.
    for (const i of full) expect(allImages()).toContain(i);
  });

  it("with a mirror, each line pairs the source with its mirrored name", () => {
    const lines = imageLines(
      parsePlatformConfig({ ...LOCAL_CONFIG, images: { registry: "registry.example.com/kf" } }),
    );
    expect(lines).toContain(`${images.mysql} registry.example.com/kf/${images.mysql}`);
  });
});

// Besides the API-version aliases (components/lib/apiVersionAliases.ts), always registered.
describe("the mirror transform is registered once, for the whole stack", () => {
  it("with images.registry", async () => {
    await plan({
      ...LOCAL_CONFIG,
      images: { registry: "registry.example.com/kf", pullSecret: "pull" },
    });
    expect(currentRecorder()!.stackTransforms).toBe(2);
  });

  it("not without", async () => {
    await plan(LOCAL_CONFIG);
    expect(currentRecorder()!.stackTransforms).toBe(1);
  });
});
