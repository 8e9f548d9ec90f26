// Layered stacks: a platform stack without tenants, and a tenants stack that reads the platform's
// facts by StackReference, so a tenant's change previews and updates nothing else.
import { describe, expect, it } from "vitest";
import { AppsConfig } from "../../components/config/apps";
import { ConfigError } from "../../components/config/errors";
import { parsePlatformConfig } from "../../components/config/load";
import { gpuPoolsOf } from "../../components/config/schema";
import { evaluatePlatform, referencedStackOutputs } from "../../components/plan/evaluate";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import { APPS, appTenantObjects } from "../../components/kubeflow/registry";
import { tenantLayerFacts } from "../../components/tenants/facts";
import { FAKE_TRACKER, withApp } from "../kubeflow/fakeApp";
import { byName } from "../mocks";

const tenantsDev = readStackPlatformConfig("tenants-dev") as Record<string, unknown>;
const PLATFORM_DEV = tenantsDev.platformStack as string;

describe("a tenants stack", () => {
  it("registers only its provider and its tenants", async () => {
    const regs = await evaluatePlatform("tenants-dev", tenantsDev);
    const top = regs.filter((r) => r.parent === "").map((r) => r.name);
    expect(top.sort()).toEqual(["cluster", "tenants"]);
    expect(regs.some((r) => r.name === "tenants-team-vision-profile")).toBe(true);
  });

  it("takes GPU tolerations and the object store from the platform stack's facts", async () => {
    const regs = await evaluatePlatform("tenants-dev", tenantsDev);
    const gpu = regs.find((r) => r.name === "tenants-team-vision-poddefault-gpu-nodes")!;
    expect((gpu.inputs.spec as { tolerations: unknown[] }).tolerations).toEqual([
      { key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" },
    ]);
    expect(regs.some((r) => r.name === "tenants-minio-provision")).toBe(true);
  });

  it("on an older platform stack, whose facts have no appObjects, still gets the GPU PodDefault", async () => {
    // tenantFacts as a platform stack exported it before the apps could give tenants objects.
    const old = {
      objectStore: { kind: "minio", bucket: "mlpipeline", shared: false },
      gpuTolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
      gpuCapacity: 4,
    };
    const regs = await evaluatePlatform("tenants-dev", tenantsDev, {}, (name) =>
      name === PLATFORM_DEV ? { tenantFacts: old } : {},
    );
    const gpu = byName(regs, "tenants-team-vision-poddefault-gpu-nodes");
    expect((gpu.inputs.spec as { tolerations: unknown[] }).tolerations).toEqual(old.gpuTolerations);
    const podDefaults = regs.filter(
      (r) => r.type === "kubernetes:kubeflow.org/v1alpha1:PodDefault",
    );
    expect(podDefaults.map((r) => r.name)).toEqual(["tenants-team-vision-poddefault-gpu-nodes"]);
  });

  it("gives each tenant a copy of the objects the platform's apps contribute", async () => {
    const platform = parsePlatformConfig(readStackPlatformConfig("platform-dev"));
    const appObjects = appTenantObjects(
      {
        ...platform,
        components: { ...platform.components, fakeTracker: { enabled: true } } as AppsConfig,
      },
      withApp(APPS, FAKE_TRACKER),
    );
    const facts = tenantLayerFacts(platform, gpuPoolsOf(platform.cluster), undefined, appObjects);
    const regs = await evaluatePlatform("tenants-dev", tenantsDev, {}, (name) =>
      name === PLATFORM_DEV ? { tenantFacts: JSON.parse(JSON.stringify(facts)) } : {},
    );
    for (const team of ["team-nlp", "team-vision"]) {
      const pd = byName(regs, `tenants-${team}-poddefault-fake-tracker`);
      expect(pd.inputs.metadata).toMatchObject({ name: "fake-tracker", namespace: team });
      expect(pd.dependsOn).toContain(byName(regs, `tenants-${team}-namespace`).urn);
    }
  });

  it("a new tenant changes the tenants stack's plan and not the platform's", async () => {
    const platformBefore = await evaluatePlatform(
      "platform-dev",
      readStackPlatformConfig("platform-dev"),
    );
    const before = await evaluatePlatform("tenants-dev", tenantsDev);
    const after = await evaluatePlatform("tenants-dev", {
      ...tenantsDev,
      tenants: [
        {
          name: "team-new",
          owner: "n@example.com",
          quota: { cpu: "2", memory: "4Gi", storage: "10Gi" },
        },
      ],
    });
    const added = after.filter((r) => !before.some((b) => b.urn === r.urn)).map((r) => r.name);
    expect(added).toEqual(
      expect.arrayContaining(["tenants-team-new-namespace", "tenants-team-new-profile"]),
    );
    // The platform stack has no tenant in it at all, so nothing there can change.
    expect(platformBefore.some((r) => r.name.startsWith("tenants-"))).toBe(false);
    expect(platformBefore.some((r) => r.name === "tenants")).toBe(false);
  });

  it("fails clearly when the platform stack exports no facts", async () => {
    const err = await evaluatePlatform("tenants-x", {
      ...tenantsDev,
      platformStack: "organization/kubeflow-platform/does-not-exist",
    }).catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/exports no tenantFacts/);
  });

  it("needs platformStack, which only a tenants stack may set", () => {
    const problems = (raw: unknown) => {
      try {
        parsePlatformConfig(raw);
        return [];
      } catch (e) {
        return (e as ConfigError).problems.map((p) => p.path);
      }
    };
    const cluster = { kind: "existing", context: "dev" };
    expect(problems({ cluster, layers: "tenants" })).toEqual(["platform.platformStack"]);
    expect(problems({ cluster, platformStack: "a/b/c" })).toEqual(["platform.platformStack"]);
  });
});

describe("a platform stack", () => {
  it("exports the facts its tenants stack reads", () => {
    const cfg = parsePlatformConfig(readStackPlatformConfig("platform-dev"));
    const outputs = referencedStackOutputs("organization/kubeflow-platform/platform-dev");
    expect(outputs.tenantFacts).toEqual(
      tenantLayerFacts(cfg, gpuPoolsOf(cfg.cluster), {
        accessKey: "[secret]",
        secretKey: "[secret]",
      }),
    );
    expect(tenantLayerFacts(cfg, []).objectStore).toMatchObject({
      kind: "minio",
      bucket: "mlpipeline",
    });
  });
});

describe("the plan tree", () => {
  it("marks components and resources with neither + nor - (Pulumi's create and delete)", async () => {
    const { formatTree } = await import("../../components/plan/report");
    const { plan } = await import("../mocks");
    const lines = formatTree(await plan()).split("\n");
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line.trimStart()).toMatch(/^[▸·] /);
  });
});
