// Every policy of the pack over hand-made resources: the happy path and each violation, plus the
// GPU capacity property. Self-contained like the pack (no import from outside policies/), so it
// runs with the pack's own `npm test`; the program's Profile builder and every shipped stack's plan
// are checked against the pack in test/policies/.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gpuCapacityViolation, gpuPoolsTaintedAndBounded, gpuQuotaWithinCapacity } from "../gpu";
import { imagesFromMirror } from "../images";
import { noExternalServicesInTenants, tenantNamespacesHaveLimitRange } from "../namespaces";
import { tenantHasQuota, tenantQuotaCeilings } from "../quota";
import {
  policyResourceViolations as resourceViolations,
  policyStackViolations as stackViolations,
  resource,
} from "./harness";

const PROFILE = "kubernetes:kubeflow.org/v1:Profile";
type Quota = { cpu?: string; memory?: string; storage?: string; gpu?: number };
/** A Profile as the program writes one: quota keys as in components/tenants/quota.ts. */
const profileWith = (name: string, quota?: Quota) => {
  const hard: Record<string, string> = {};
  if (quota?.cpu) hard["requests.cpu"] = hard["limits.cpu"] = quota.cpu;
  if (quota?.memory) hard["requests.memory"] = hard["limits.memory"] = quota.memory;
  if (quota?.storage) hard["requests.storage"] = quota.storage;
  if (quota?.gpu !== undefined) hard["requests.nvidia.com/gpu"] = String(quota.gpu);
  return resource(
    PROFILE,
    {
      metadata: { name },
      spec: {
        owner: { kind: "User", name: "a@example.com" },
        ...(quota ? { resourceQuotaSpec: { hard } } : {}),
      },
    },
    name,
  );
};
const existingCluster = (pools: unknown[]) =>
  resource("kubeflow-platform:cluster:ExistingCluster", { gpuPools: pools }, "cluster");
const pool = (over: Record<string, unknown> = {}) => ({
  name: "a100",
  nodeSelector: { gpu: "a100" },
  tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
  gpusPerNode: 8,
  maxNodes: 2,
  ...over,
});

describe("tenant-has-quota", () => {
  it("passes a tenant with CPU, memory and storage quota (our own Profile builder's output)", async () => {
    expect(
      await resourceViolations(
        tenantHasQuota,
        profileWith("t", { cpu: "4", memory: "8Gi", storage: "50Gi" }),
      ),
    ).toEqual([]);
  });
  it("reports each missing dimension", async () => {
    expect(await resourceViolations(tenantHasQuota, profileWith("t"))).toEqual([
      expect.stringContaining("no quota for cpu, memory, storage"),
    ]);
  });
  it("requires a GPU quota when the cluster has GPU pools", async () => {
    const t = profileWith("t", { cpu: "4", memory: "8Gi", storage: "50Gi" });
    expect(await resourceViolations(tenantHasQuota, t, { requireGpuQuota: true })).toEqual([
      expect.stringContaining("no quota for gpu"),
    ]);
  });
  it("ignores other resources", async () => {
    expect(
      await resourceViolations(tenantHasQuota, resource("kubernetes:core/v1:Namespace", {})),
    ).toEqual([]);
  });
});

describe("tenant-quota-ceilings", () => {
  it("passes quotas within the ceilings", async () => {
    expect(
      await resourceViolations(
        tenantQuotaCeilings,
        profileWith("t", { cpu: "8", memory: "32Gi", gpu: 2 }),
      ),
    ).toEqual([]);
  });
  it.each([
    ["cpu", { cpu: "65" }],
    ["memory", { memory: "300Gi" }],
    ["storage", { storage: "3Ti" }],
    ["gpu", { gpu: 9 }],
  ])("reports %s above its ceiling", async (what, quota) => {
    expect(await resourceViolations(tenantQuotaCeilings, profileWith("t", quota))).toEqual([
      expect.stringContaining(`asks for ${what}`),
    ]);
  });
  it("ceilings are configurable", async () => {
    expect(
      await resourceViolations(tenantQuotaCeilings, profileWith("t", { cpu: "8" }), {
        maxCpu: "4",
      }),
    ).toHaveLength(1);
  });
});

describe("gpu-quota-within-capacity (stack)", () => {
  it("passes when the quotas fit the pools", async () => {
    const stack = [
      existingCluster([pool()]),
      profileWith("a", { gpu: 8 }),
      profileWith("b", { gpu: 8 }),
    ];
    expect(await stackViolations(gpuQuotaWithinCapacity, stack)).toEqual([]);
  });
  it("reports a total above capacity, and the overcommit ratio lets it through", async () => {
    const stack = [
      existingCluster([pool()]),
      profileWith("a", { gpu: 8 }),
      profileWith("b", { gpu: 9 }),
    ];
    expect(await stackViolations(gpuQuotaWithinCapacity, stack)).toEqual([
      expect.stringContaining("add up to 17, above the GPU pools' capacity 16"),
    ]);
    expect(await stackViolations(gpuQuotaWithinCapacity, stack, { overcommitRatio: 1.5 })).toEqual(
      [],
    );
  });
  it("counts the platform stack's capacity for a tenants stack, which has no pools of its own", async () => {
    const stack = [profileWith("a", { gpu: 8 }), profileWith("b", { gpu: 8 })];
    expect(await stackViolations(gpuQuotaWithinCapacity, stack)).toEqual([
      expect.stringContaining("add up to 16, above the GPU pools' capacity 0"),
    ]);
    expect(
      await stackViolations(gpuQuotaWithinCapacity, stack, { platformGpuCapacity: 16 }),
    ).toEqual([]);
    expect(
      await stackViolations(gpuQuotaWithinCapacity, stack, { platformGpuCapacity: 15 }),
    ).toEqual([expect.stringContaining("capacity 15 (15 of the platform stack)")]);
  });
  it("counts cloud GPU pools too (EKS, GKE, AKS)", async () => {
    const stack = [
      resource("aws:eks/nodeGroup:NodeGroup", {
        amiType: "AL2023_x86_64_NVIDIA",
        instanceTypes: ["g5.12xlarge"],
        scalingConfig: { maxSize: 2 },
      }),
      resource("gcp:container/nodePool:NodePool", {
        nodeConfig: { guestAccelerators: [{ type: "nvidia-l4", count: 2 }] },
        autoscaling: { maxNodeCount: 3 },
      }),
      resource("azure-native:containerservice:AgentPool", {
        vmSize: "Standard_NC24ads_A100_v4",
        enableAutoScaling: true,
        maxCount: 2,
      }),
      profileWith("a", { gpu: 16 }),
    ];
    // 2×4 + 3×2 + 2×1 = 16
    expect(await stackViolations(gpuQuotaWithinCapacity, stack)).toEqual([]);
    stack.push(profileWith("b", { gpu: 1 }));
    expect(await stackViolations(gpuQuotaWithinCapacity, stack)).toHaveLength(1);
  });
  it("property: a violation exactly when the total exceeds capacity × ratio", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            maxNodes: fc.integer({ min: 0, max: 10 }),
            gpusPerNode: fc.integer({ min: 1, max: 8 }),
          }),
          { maxLength: 4 },
        ),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        (pools, quotas, ratio) => {
          const stack = [
            existingCluster(pools.map((p, i) => pool({ ...p, name: `p${i}` }))),
            ...quotas.map((q, i) => profileWith(`t${i}`, { gpu: q })),
          ];
          const capacity = pools.reduce((n, p) => n + p.maxNodes * p.gpusPerNode, 0);
          const total = quotas.reduce((a, b) => a + b, 0);
          expect(gpuCapacityViolation(stack, ratio) !== undefined).toBe(total > capacity * ratio);
        },
      ),
    );
  });
});

describe("tenant-namespaces-have-limitrange (stack)", () => {
  const ns = resource(
    "kubernetes:core/v1:Namespace",
    { metadata: { name: "team-a", labels: { "app.kubernetes.io/part-of": "kubeflow-profile" } } },
    "ns",
  );
  const lr = resource(
    "kubernetes:core/v1:LimitRange",
    { metadata: { name: "defaults", namespace: "team-a" } },
    "lr",
  );
  it("passes when every tenant namespace has one", async () => {
    expect(
      await stackViolations(tenantNamespacesHaveLimitRange, [ns, lr, profileWith("team-a")]),
    ).toEqual([]);
  });
  it("reports a tenant namespace without one", async () => {
    expect(
      await stackViolations(tenantNamespacesHaveLimitRange, [ns, profileWith("team-a")]),
    ).toEqual(["tenant namespace team-a has no LimitRange"]);
  });
});

describe("gpu-pools-tainted-and-bounded", () => {
  it("passes a tainted, bounded pool", async () => {
    expect(await resourceViolations(gpuPoolsTaintedAndBounded, existingCluster([pool()]))).toEqual(
      [],
    );
  });
  it("reports an untainted pool, an unbounded pool and one above the allowed size", async () => {
    expect(
      await resourceViolations(
        gpuPoolsTaintedAndBounded,
        existingCluster([pool({ tolerations: [] })]),
      ),
    ).toEqual([expect.stringContaining("not tainted")]);
    expect(
      await resourceViolations(
        gpuPoolsTaintedAndBounded,
        resource("aws:eks/nodeGroup:NodeGroup", {
          amiType: "AL2023_x86_64_NVIDIA",
          taints: [{ key: "nvidia.com/gpu", effect: "NO_SCHEDULE" }],
          scalingConfig: {},
        }),
      ),
    ).toEqual([expect.stringContaining("no maximum size")]);
    expect(
      await resourceViolations(
        gpuPoolsTaintedAndBounded,
        existingCluster([pool({ maxNodes: 40 })]),
      ),
    ).toEqual([expect.stringContaining("may grow to 40 nodes")]);
  });
  it("ignores CPU pools", async () => {
    expect(
      await resourceViolations(
        gpuPoolsTaintedAndBounded,
        resource("aws:eks/nodeGroup:NodeGroup", {
          amiType: "AL2023_x86_64_STANDARD",
          scalingConfig: {},
        }),
      ),
    ).toEqual([]);
  });
});

describe("no-external-services-in-tenant-namespaces (stack)", () => {
  const svc = (ns: string, type: string) =>
    resource(
      "kubernetes:core/v1:Service",
      { metadata: { name: "s", namespace: ns }, spec: { type } },
      `${ns}-${type}`,
    );
  it("allows ClusterIP in tenants and LoadBalancers elsewhere", async () => {
    expect(
      await stackViolations(noExternalServicesInTenants, [
        profileWith("team-a"),
        svc("team-a", "ClusterIP"),
        svc("istio-system", "LoadBalancer"),
      ]),
    ).toEqual([]);
  });
  it.each(["LoadBalancer", "NodePort"])("reports a %s in a tenant namespace", async (type) => {
    expect(
      await stackViolations(noExternalServicesInTenants, [
        profileWith("team-a"),
        svc("team-a", type),
      ]),
    ).toEqual([expect.stringContaining(`is a ${type}`)]);
  });
});

describe("images-from-mirror", () => {
  const dep = (image: string) =>
    resource(
      "kubernetes:apps/v1:Deployment",
      { spec: { template: { spec: { containers: [{ name: "c", image }] } } } },
      "d",
    );
  it("checks nothing without a mirror", async () => {
    expect(
      await resourceViolations(imagesFromMirror, dep("docker.io/library/mysql:8.4.6")),
    ).toEqual([]);
  });
  it("passes mirrored images and reports others", async () => {
    const cfg = { registry: "registry.example.com/kf" };
    expect(
      await resourceViolations(
        imagesFromMirror,
        dep("registry.example.com/kf/docker.io/library/mysql:8.4.6"),
        cfg,
      ),
    ).toEqual([]);
    expect(
      await resourceViolations(imagesFromMirror, dep("docker.io/library/mysql:8.4.6"), cfg),
    ).toEqual([expect.stringContaining("not from the mirror")]);
  });
});
