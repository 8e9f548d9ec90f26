// Application presets, per-app overrides and the dependency rules between apps and the rest of
// the config.
import { describe, expect, it } from "vitest";
import { APP_NAMES, AppsSchema, PRESETS, enabledApps } from "../../components/config/apps";
import { ConfigError } from "../../components/config/errors";
import { parsePlatformConfig } from "../../components/config/load";
import { evaluatePlatform } from "../../components/plan/evaluate";
import { currentRecorder } from "../../components/plan/recorder";
import { minimalConfig as base } from "../fixtures/configs";

async function problems(config: unknown): Promise<string[]> {
  const err = await evaluatePlatform("apps", config).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  expect(currentRecorder()!.registrations).toHaveLength(0);
  return (err as ConfigError).problems.map((p) => `${p.path}: ${p.message}`);
}

describe("presets", () => {
  it("minimal runs Pipelines and notebooks; standard adds the training and serving stack; full is everything", () => {
    const none = AppsSchema.parse({});
    expect([...enabledApps("minimal", none)].sort()).toEqual(["notebooks", "pipelines"]);
    expect([...enabledApps("standard", none)].sort()).toEqual(
      [
        "katib",
        "knativeServing",
        "kserve",
        "notebooks",
        "pipelines",
        "tensorboards",
        "trainer",
        "volumes",
      ].sort(),
    );
    expect([...enabledApps("full", none)].sort()).toEqual([...APP_NAMES].sort());
    // Each preset contains the one before it.
    for (const a of PRESETS.minimal) expect(PRESETS.standard).toContain(a);
  });

  it("individual settings override the preset both ways", () => {
    const apps = AppsSchema.parse({ katib: { enabled: true }, notebooks: { enabled: false } });
    const on = enabledApps("minimal", apps);
    expect(on.has("katib")).toBe(true);
    expect(on.has("notebooks")).toBe(false);
  });

  it("the default profile is minimal (lean)", () => {
    expect(parsePlatformConfig(base).profile).toBe("minimal");
  });
});

describe("dependency rules", () => {
  it("KServe in serverless mode needs Knative Serving", async () => {
    expect(
      await problems({
        ...base,
        profile: "standard",
        components: { knativeServing: { enabled: false } },
      }),
    ).toContainEqual(
      expect.stringMatching(/^platform\.components\.knativeServing\.enabled: KServe/),
    );
  });

  it("raw-deployment KServe runs without Knative", () => {
    const cfg = parsePlatformConfig({
      ...base,
      components: { kserve: { enabled: true, mode: "rawDeployment" } },
    });
    expect(enabledApps(cfg.profile, cfg.components).has("knativeServing")).toBe(false);
  });

  it("Pipelines, Katib and Model Registry need a database", async () => {
    const found = await problems({
      ...base,
      profile: "full",
      database: { kind: "none" },
    });
    for (const app of ["pipelines", "katib", "modelRegistry"])
      expect(found).toContainEqual(
        expect.stringContaining(`platform.database.kind: components.${app} needs a database`),
      );
  });

  it("a database-less stack is fine when nothing needs one", () => {
    expect(() =>
      parsePlatformConfig({
        ...base,
        database: { kind: "none" },
        components: { pipelines: { enabled: false } },
      }),
    ).not.toThrow();
  });

  it("GPU notebooks need a GPU pool or explicit tolerations", async () => {
    const gpus = { components: { notebooks: { gpus: { enabled: true } } } };
    expect(await problems({ ...base, ...gpus })).toContainEqual(
      expect.stringMatching(/^platform\.components\.notebooks\.gpus\.enabled: GPU notebooks need/),
    );
    expect(() =>
      parsePlatformConfig({
        ...gpus,
        cluster: {
          ...base.cluster,
          gpuPools: [{ name: "a100", nodeSelector: { gpu: "a100" }, maxNodes: 2 }],
        },
      }),
    ).not.toThrow();
  });

  it("an app's external database only makes sense when the app is on", async () => {
    expect(
      await problems({
        ...base,
        components: {
          katib: {
            database: {
              kind: "external",
              host: "db.example.com",
              name: "katib",
              user: "k",
              password: "p",
            },
          },
        },
      }),
    ).toContainEqual(expect.stringMatching(/^platform\.components\.katib\.database: only used/));
  });

  it("replicas and resources are validated like everything else", async () => {
    const found = await problems({
      ...base,
      components: { katib: { replicas: 0, resources: { requests: { cpu: "lots" } } }, jupyter: {} },
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^platform\.components\.katib\.replicas:/),
        expect.stringMatching(/^platform\.components\.katib\.resources\.requests\.cpu:/),
        expect.stringMatching(/^platform\.components\.jupyter:/),
      ]),
    );
  });
});
