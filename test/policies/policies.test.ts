// The policy pack against the program: our own Profile builder's output, every shipped stack's plan
// with the config CI gives that stack (components/plan/policies.ts), and known-bad plans that must
// fail. The policies' own unit tests are in policies/test/ (the pack's `npm test`).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../components/config/load";
import { TenantSchema } from "../../components/config/schema";
import { evaluatePlatform, referencedStackOutputs } from "../../components/plan/evaluate";
import {
  externalGpuCapacity,
  planViolations,
  readBasePolicyConfig,
  stackPolicyConfig,
} from "../../components/plan/policies";
import { listStacks, readStackPlatformConfig } from "../../components/plan/stackConfig";
import { effectiveTenants } from "../../components/tenants/facts";
import { profile } from "../../components/tenants/namespace";
import { tenantHasQuota } from "../../policies/quota";
import { policyResourceViolations, resource } from "../../policies/test/harness";
import { formatViolation } from "../../policies/run";

const PROFILE = "kubernetes:kubeflow.org/v1:Profile";
const BASE = readBasePolicyConfig();

/** The violations of a stack's plan, with the config CI gives it (or `pack`). */
async function violationsOf(
  stack: string,
  raw: unknown,
  pack = stackPolicyConfig(parsePlatformConfig(raw), BASE),
) {
  return (await planViolations(await evaluatePlatform(stack, raw), pack)).map(formatViolation);
}

describe("the program's own objects", () => {
  it("our Profile builder's output passes tenant-has-quota, GPUs included when asked", async () => {
    const t = TenantSchema.parse({
      name: "t",
      owner: "a@example.com",
      quota: { cpu: "4", memory: "8Gi", storage: "50Gi", gpu: 1 },
    });
    expect(
      await policyResourceViolations(tenantHasQuota, resource(PROFILE, profile(t), "t"), {
        requireGpuQuota: true,
      }),
    ).toEqual([]);
  });
  it("the automatic tenant of the first user has a quota that bounds GPUs too (to none)", async () => {
    const cfg = parsePlatformConfig(readStackPlatformConfig("full"));
    const first = effectiveTenants(cfg).find((t) => t.name === "kubeflow-user-example-com")!;
    expect(first.quota?.gpu).toBe(0);
    expect(
      await policyResourceViolations(tenantHasQuota, resource(PROFILE, profile(first)), {
        requireGpuQuota: true,
      }),
    ).toEqual([]);
  });
});

describe("the config CI gives each stack", () => {
  it("a tenants stack takes its platform stack's exported GPU capacity (mocked StackReference)", () => {
    const dev = parsePlatformConfig(readStackPlatformConfig("tenants-dev"));
    const prod = parsePlatformConfig(readStackPlatformConfig("tenants-prod"));
    // platform-dev: pool l4, 4 nodes × 1 GPU; platform-prod: pool a100, 4 nodes × 8 GPUs.
    expect(
      (referencedStackOutputs(dev.platformStack!).tenantFacts as { gpuCapacity: number })
        .gpuCapacity,
    ).toBe(4);
    expect(externalGpuCapacity(prod, referencedStackOutputs)).toBe(32);
    expect(stackPolicyConfig(dev, BASE)).toMatchObject({
      "tenant-has-quota": { requireGpuQuota: true },
      "gpu-quota-within-capacity": { overcommitRatio: 1.5, platformGpuCapacity: 4 },
    });
  });
  it("a platform stack on a cluster stack counts the cluster stack's GPU pools", () => {
    const cfg = parsePlatformConfig(readStackPlatformConfig("platform-aws-prod"));
    // cluster-aws-prod: gpu-a100, p4d.24xlarge (8 GPUs) × maxSize 2.
    expect(externalGpuCapacity(cfg, referencedStackOutputs)).toBe(16);
  });
  it("a stack without GPU pools does not require GPU quotas; the image mirror is the stack's", () => {
    const cfg = parsePlatformConfig({
      cluster: { kind: "existing", context: "c" },
      images: { registry: "registry.example.com/kf" },
    });
    expect(stackPolicyConfig(cfg, BASE)).toMatchObject({
      "tenant-has-quota": { requireGpuQuota: false },
      "gpu-quota-within-capacity": { platformGpuCapacity: 0 },
      "images-from-mirror": { registry: "registry.example.com/kf" },
    });
  });
});

describe("every shipped stack passes the policy pack", () => {
  it.each(listStacks())("%s", async (stack) => {
    expect(await violationsOf(stack, readStackPlatformConfig(stack))).toEqual([]);
  });
});

describe("known-bad plans fail", () => {
  it("tenants above the platform's GPU capacity", async () => {
    const raw = readStackPlatformConfig("tenants-prod");
    const cfg = parsePlatformConfig(raw);
    const outputs = (s: string) => {
      const o = referencedStackOutputs(s);
      return { tenantFacts: { ...(o.tenantFacts as object), gpuCapacity: 4 } };
    };
    // team-vision asks for 8 GPUs; 4 × 1.5 = 6.
    expect(await violationsOf("tenants-prod", raw, stackPolicyConfig(cfg, BASE, outputs))).toEqual([
      expect.stringMatching(
        /^mandatory gpu-quota-within-capacity: .*add up to 8, above .*capacity 4/,
      ),
    ]);
  });
  it("the config every workflow passed before (no platform capacity) rejects a tenants stack", async () => {
    const raw = readStackPlatformConfig("tenants-prod");
    const old = { ...BASE, "tenant-has-quota": { requireGpuQuota: true } };
    expect(await violationsOf("tenants-prod", raw, old)).toEqual([
      expect.stringContaining("capacity 0"),
    ]);
  });
  it("a tenant without a GPU quota on a cluster with GPU pools", async () => {
    const raw = readStackPlatformConfig("full") as { tenants: unknown[] };
    const bad = {
      ...raw,
      tenants: [
        ...raw.tenants,
        {
          name: "team-x",
          owner: "x@example.com",
          quota: { cpu: "1", memory: "1Gi", storage: "1Gi" },
        },
      ],
    };
    expect(await violationsOf("full", bad)).toEqual([
      expect.stringMatching(
        /^mandatory tenant-has-quota \(kubernetes:kubeflow\.org\/v1:Profile tenants-team-x-profile\): tenant team-x has no quota for gpu/,
      ),
    ]);
  });
});

describe("npm run plan -- --policies", () => {
  it("prints each mandatory violation and exits 5; --policy-config writes the config it used", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "plan-policies-"));
    try {
      fs.mkdirSync(path.join(root, "stacks"));
      fs.mkdirSync(path.join(root, "policies"));
      fs.copyFileSync("policies/config.json", path.join(root, "policies", "config.json"));
      fs.writeFileSync(
        path.join(root, "stacks", "Pulumi.bad.yaml"),
        [
          "config:",
          "  kubeflow-platform:platform:",
          "    cluster:",
          "      kind: existing",
          "      context: lab",
          "      gpuPools: [{ name: a, nodeSelector: { gpu: a }, gpusPerNode: 1, maxNodes: 2 }]",
          "    tenants:",
          "      - { name: team-x, owner: x@example.com, quota: { cpu: '1', memory: 1Gi, storage: 1Gi, gpu: 4 } }",
          "",
        ].join("\n"),
      );
      const r = spawnSync(
        path.resolve("node_modules/.bin/tsx"),
        [
          path.resolve("scripts/plan.ts"),
          "--stack",
          "bad",
          "--policies",
          "--policy-config",
          "pc.json",
        ],
        { cwd: root, encoding: "utf8" },
      );
      expect(r.stderr).toBe("");
      expect(r.status).toBe(5);
      expect(r.stdout).toMatch(
        /mandatory gpu-quota-within-capacity: tenants' GPU quotas add up to 4/,
      );
      expect(JSON.parse(fs.readFileSync(path.join(root, "pc.json"), "utf8"))).toMatchObject({
        "tenant-has-quota": { requireGpuQuota: true },
      });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
