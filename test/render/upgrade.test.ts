// An upgrade, object by object, on the rendered platform: two real renders of the local stack
// (today's pins, then a changed pin set), compared the way the engine and the provider will
// (components/render/upgradeDiff.ts). Only one kubeflow/manifests release is mirrored offline, so the
// upstream side of a bump is reproduced on the second render: the kinds of change a release brings
// (objects moving to another served version, between components, immutable fields, removals).
import { beforeAll, describe, expect, it } from "vitest";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import {
  UpgradeChange,
  blockingChanges,
  moveToVersion,
  upgradeDiff,
} from "../../components/render/upgradeDiff";
import { RenderedObject } from "../../components/render/objects";
import { renderPlatform } from "../../components/render/render";
import { images } from "../../components/versions";
import { checksumAnnotation, readsSource } from "../../components/lib/rollout";
import { SOURCES_DIR, sourcesAvailable } from "./sources";

const run = sourcesAvailable("upgrade render tests");
const summary = (cs: UpgradeChange[]) => cs.map((c) => `${c.action} ${c.object}`);

describe.runIf(run)("an upgrade of the local stack, rendered twice", () => {
  let before: RenderedObject[];
  let after: RenderedObject[];
  beforeAll(async () => {
    process.env.KUBEFLOW_PLATFORM_SOURCES = SOURCES_DIR;
    const config = readStackPlatformConfig("local");
    before = (await renderPlatform("local", config)).objects;
    // The catalog is read-only to the program; the test swaps one pin for the second render.
    const catalog = images as { mysql: string };
    const pinned = catalog.mysql;
    catalog.mysql = pinned.replace(/:[^:]+$/, ":8.4.7");
    try {
      after = (await renderPlatform("local", config)).objects;
    } finally {
      catalog.mysql = pinned;
    }
  }, 180_000);

  it("every rendered reader of pipeline-install-config carries its checksum (a change rolls it)", () => {
    const source = { kind: "ConfigMap", name: "pipeline-install-config" } as const;
    const readers = before.filter((r) => {
      const t = (r.object.spec as { template?: { spec?: Parameters<typeof readsSource>[0] } })
        ?.template;
      return r.object.kind === "Deployment" && t?.spec && readsSource(t.spec, source);
    });
    expect(readers.map((r) => r.object.metadata.name).sort()).toEqual(
      expect.arrayContaining([
        "cache-server",
        "metadata-grpc-deployment",
        "ml-pipeline",
        "ml-pipeline-ui",
      ]),
    );
    for (const r of readers)
      expect(
        (r.object.spec as { template: { metadata: { annotations: Record<string, string> } } })
          .template.metadata.annotations,
      ).toHaveProperty([checksumAnnotation(source)]);
  });

  it("the same pins render the same objects: nothing changes", () => {
    expect(upgradeDiff(before, before)).toEqual([]);
  });

  it("a changed image pin updates its workloads in place, nothing else", () => {
    const changes = upgradeDiff(before, after);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.action === "update")).toBe(true);
    expect(summary(changes)).toContain("update StatefulSet kubeflow-data/mysql");
    expect(blockingChanges(changes)).toEqual([]);
  });

  it("Istio objects moving to v1 are updates: every one is covered by an alias", () => {
    const istio = before.filter((r) =>
      /^(networking|security)\.istio\.io\/v1(alpha3|beta1)$/.test(r.object.apiVersion),
    );
    expect(istio.length).toBeGreaterThan(10);
    const moved = before.map((r) =>
      istio.includes(r) ? moveToVersion(r, r.object.apiVersion.replace(/v1\w+$/, "v1")) : r,
    );
    const changes = upgradeDiff(before, moved);
    expect(new Set(changes.map((c) => c.action))).toEqual(new Set(["update"]));
    expect(changes).toHaveLength(istio.length);
  });

  it("a move no alias covers is flagged as a collision", () => {
    // An object moving to another component (another URN) with no alias from its old one.
    const deployment = before.find((r) => r.object.kind === "Deployment")!;
    const moved = before.map((r) =>
      r === deployment
        ? {
            ...r,
            urn: `${r.urn.split("::").slice(0, 3).join("::")}::elsewhere-${r.object.metadata.name}`,
          }
        : r,
    );
    expect(summary(blockingChanges(upgradeDiff(before, moved)))).toEqual([
      `collision Deployment ${deployment.object.metadata.namespace}/${deployment.object.metadata.name}`,
    ]);
  });

  it("a changed storage class of a volume claim, or a removed CRD, blocks the upgrade", () => {
    const claim = before.find((r) => r.object.kind === "PersistentVolumeClaim")!;
    const crd = before.find((r) => r.object.kind === "CustomResourceDefinition")!;
    const next = before
      .filter((r) => r !== crd)
      .map((r) =>
        r === claim
          ? {
              ...r,
              object: {
                ...r.object,
                spec: { ...(r.object.spec as object), storageClassName: "other" },
              },
            }
          : r,
      );
    const blocking = blockingChanges(upgradeDiff(before, next));
    expect(blocking.map((c) => [c.action, c.object, c.fields])).toEqual([
      [
        "replace",
        `PersistentVolumeClaim ${claim.object.metadata.namespace}/${claim.object.metadata.name}`,
        [".spec.storageClassName"],
      ],
      ["delete", `CustomResourceDefinition ${crd.object.metadata.name}`, undefined],
    ]);
  });
});
