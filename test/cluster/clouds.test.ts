// The managed-cloud cluster layers, planned offline with the providers' computed outputs mocked:
// network, private nodes, node pools (GPU pools tainted, bounded, scaling from zero), identity
// trust scoped to exact service accounts, encryption, protection, and what reaches the platform.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AwsClusterSchema,
  AzureClusterSchema,
  GcpClusterSchema,
  NodePoolSchema,
} from "../../components/config/clusters";
import { gpuPoolsOf } from "../../components/config/schema";
import { nodeGroupSettings } from "../../components/cluster/aws/nodeGroups";
import { aksPoolSettings } from "../../components/cluster/azure";
import { gkeNodePoolSettings, workloadIdentityMember } from "../../components/cluster/gcp";
import { Registration } from "../../components/plan/recorder";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import { byName, plan } from "../mocks";

const plans: Record<string, Registration[]> = {};
beforeAll(async () => {
  for (const s of ["aws-dev", "gcp-dev", "azure-dev"])
    plans[s] = await plan(readStackPlatformConfig(s), s);
});
const inputs = (s: string, n: string) => byName(plans[s], n).inputs as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("GCP (GKE)", () => {
  it("a regional private cluster with Workload Identity, authorized networks and deletion protection", () => {
    const gke = byName(plans["gcp-dev"], "cluster-gke");
    expect(gke.protect).toBe(true);
    expect(gke.inputs).toMatchObject({
      location: "europe-west4",
      minMasterVersion: "1.34",
      privateClusterConfig: { enablePrivateNodes: true },
      workloadIdentityConfig: { workloadPool: "acme-kubeflow-dev.svc.id.goog" },
      deletionProtection: true,
      removeDefaultNodePool: true,
    });
  });

  it("GPU pools: accelerator with GKE-installed drivers, taint, autoscaling from zero; no device plugin chart", () => {
    const pool = NodePoolSchema.parse({
      name: "l4",
      role: "gpu",
      machineType: "g2-standard-8",
      gpu: { type: "nvidia-l4" },
      minSize: 0,
      maxSize: 2,
    });
    const s = gkeNodePoolSettings(pool);
    expect(s.nodeConfig.guestAccelerators).toEqual([
      { type: "nvidia-l4", count: 1, gpuDriverInstallationConfig: { gpuDriverVersion: "LATEST" } },
    ]);
    expect(s.nodeConfig.taints).toEqual([
      { key: "nvidia.com/gpu", value: "present", effect: "NO_SCHEDULE" },
    ]);
    expect(s.autoscaling).toEqual({ minNodeCount: 0, maxNodeCount: 2 });
    expect(plans["gcp-dev"].some((r) => r.name.endsWith("nvidia-device-plugin"))).toBe(false);
  });

  it("Cloud SQL: private IP only, backups, protected; GCS: no public access, versioned; Workload Identity for exactly the Pipelines accounts", () => {
    const db = byName(plans["gcp-dev"], "cluster-mysql");
    expect(db.protect).toBe(true);
    expect(db.inputs).toMatchObject({
      databaseVersion: "MYSQL_8_0",
      deletionProtection: true,
      settings: { ipConfiguration: { ipv4Enabled: false }, backupConfiguration: { enabled: true } },
    });
    const bucket = plans["gcp-dev"].find((r) => r.type === "gcp:storage/bucket:Bucket")!;
    expect(bucket.protect).toBe(true);
    expect(bucket.inputs).toMatchObject({
      publicAccessPrevention: "enforced",
      uniformBucketLevelAccess: true,
      versioning: { enabled: true },
    });
    expect(workloadIdentityMember("p", "kubeflow:ml-pipeline")).toBe(
      "serviceAccount:p.svc.id.goog[kubeflow/ml-pipeline]",
    );
    const members = plans["gcp-dev"]
      .filter((r) => r.type === "gcp:serviceaccount/iAMMember:IAMMember")
      .map((r) => r.inputs.member);
    expect(members.sort()).toEqual([
      "serviceAccount:acme-kubeflow-dev.svc.id.goog[kubeflow/ml-pipeline-ui]",
      "serviceAccount:acme-kubeflow-dev.svc.id.goog[kubeflow/ml-pipeline]",
    ]);
    // Pipelines' S3 client gets HMAC keys, as a secret.
    expect(inputs("gcp-dev", "pipelines-object-store-secret").stringData).toBe("[secret]");
  });
});

describe("Azure (AKS)", () => {
  it("Entra ID admins, Azure RBAC, OIDC issuer and Workload Identity, no local accounts, protected", () => {
    const aks = byName(plans["azure-dev"], "cluster-aks");
    expect(aks.protect).toBe(true);
    expect(aks.inputs).toMatchObject({
      kubernetesVersion: "1.34",
      disableLocalAccounts: true,
      aadProfile: { managed: true, enableAzureRBAC: true },
      oidcIssuerProfile: { enabled: true },
      securityProfile: { workloadIdentity: { enabled: true } },
      networkProfile: { outboundType: "userAssignedNATGateway" },
    });
  });

  it("GPU agent pools: tainted, autoscaling from zero, user mode; the device plugin is installed", () => {
    const pool = NodePoolSchema.parse({
      name: "t4",
      role: "gpu",
      machineType: "Standard_NC8as_T4_v3",
      minSize: 0,
      maxSize: 2,
    });
    expect(aksPoolSettings(pool, ["1", "2"])).toMatchObject({
      nodeTaints: ["nvidia.com/gpu=present:NoSchedule"],
      enableAutoScaling: true,
      minCount: 0,
      maxCount: 2,
      mode: "User",
    });
    expect(plans["azure-dev"].some((r) => r.name === "cluster-nvidia-device-plugin")).toBe(true);
  });

  it("MySQL flexible server on a delegated subnet, protected; the object store stays MinIO", () => {
    const server = byName(plans["azure-dev"], "cluster-mysql");
    expect(server).toBeDefined();
    expect(
      plans["azure-dev"].find((r) => r.type === "azure-native:dbformysql:Server")!.protect,
    ).toBe(true);
    expect(plans["azure-dev"].some((r) => r.name === "minio-statefulset")).toBe(true);
    expect(inputs("azure-dev", "minio-data").spec.storageClassName).toBe("managed-csi-premium");
  });
});

describe("every GPU pool in any valid config is tainted and bounded (property)", () => {
  const kinds = [
    {
      kind: "aws" as const,
      schema: AwsClusterSchema,
      base: { region: "eu-west-1", zones: ["eu-west-1a", "eu-west-1b"] },
      gpu: { machineType: "g5.xlarge" },
    },
    {
      kind: "gcp" as const,
      schema: GcpClusterSchema,
      base: {
        project: "acme-kf",
        region: "europe-west4",
        zones: ["europe-west4-a", "europe-west4-b"],
      },
      gpu: { machineType: "g2-standard-8", gpu: { type: "nvidia-l4" } },
    },
    {
      kind: "azure" as const,
      schema: AzureClusterSchema,
      base: { location: "westeurope", zones: ["1", "2"] },
      gpu: { machineType: "Standard_NC4as_T4_v3" },
    },
  ];
  it("holds for every cloud", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.array(
          fc.record({
            min: fc.integer({ min: 0, max: 5 }),
            extra: fc.integer({ min: 0, max: 20 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (k, sizes) => {
          const parsed = k.schema.safeParse({
            kind: k.kind,
            ...k.base,
            kubernetesVersion: "1.34",
            nodePools: [
              {
                name: "system",
                role: "system",
                machineType:
                  k.kind === "azure"
                    ? "Standard_D4s_v5"
                    : k.kind === "gcp"
                      ? "e2-standard-4"
                      : "m7i.large",
                minSize: 1,
                maxSize: 3,
              },
              ...sizes.map((s, i) => ({
                name: `gpu${i}`,
                role: "gpu",
                ...k.gpu,
                minSize: s.min,
                maxSize: s.min + s.extra + 1,
              })),
            ],
          });
          expect(parsed.success).toBe(true);
          const cluster = parsed.data!;
          for (const pool of cluster.nodePools.filter((p) => p.role === "gpu")) {
            const settings =
              k.kind === "aws"
                ? nodeGroupSettings("c", pool).taints
                : k.kind === "gcp"
                  ? gkeNodePoolSettings(pool).nodeConfig.taints
                  : aksPoolSettings(pool, ["1"]).nodeTaints;
            expect(JSON.stringify(settings)).toContain("nvidia.com/gpu");
            expect(Number.isFinite(pool.maxSize)).toBe(true);
          }
          for (const g of gpuPoolsOf(cluster as never)) {
            expect(g.tolerations).toContainEqual({
              key: "nvidia.com/gpu",
              operator: "Exists",
              effect: "NoSchedule",
            });
            expect(g.maxNodes).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("existing networks", () => {
  it("GKE in the user's VPC creates no network, subnet or NAT", async () => {
    const cfg = readStackPlatformConfig("gcp-dev") as { cluster: Record<string, unknown> };
    const regs = await plan(
      {
        ...cfg,
        cluster: {
          ...cfg.cluster,
          network: {
            existingNetwork: "projects/acme-kubeflow-dev/global/networks/shared",
            existingSubnetwork: "projects/acme-kubeflow-dev/regions/europe-west4/subnetworks/k8s",
          },
        },
      },
      "gcp-existing",
    );
    expect(
      regs.some(
        (r) =>
          r.type.startsWith("gcp:compute/network:") || r.type.startsWith("gcp:compute/routerNat"),
      ),
    ).toBe(false);
    expect(byName(regs, "cluster-gke").inputs).toMatchObject({
      network: "projects/acme-kubeflow-dev/global/networks/shared",
    });
  });

  it("AKS in the user's subnets creates no VNet; the database uses the delegated subnet", async () => {
    const cfg = readStackPlatformConfig("azure-dev") as { cluster: Record<string, unknown> };
    const vnet =
      "/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/hub";
    const regs = await plan(
      {
        ...cfg,
        cluster: {
          ...cfg.cluster,
          network: {
            existingNodeSubnetId: `${vnet}/subnets/aks`,
            existingMysqlSubnetId: `${vnet}/subnets/mysql`,
          },
        },
      },
      "azure-existing",
    );
    expect(regs.some((r) => r.type === "azure-native:network:VirtualNetwork")).toBe(false);
    expect(regs.some((r) => r.type === "azure-native:network:Subnet")).toBe(false);
    expect(byName(regs, "cluster-mysql-dns-link").inputs).toMatchObject({
      virtualNetwork: { id: vnet },
    });
  });
});

describe("generated credentials on every cloud", () => {
  it.each(["aws-dev", "gcp-dev", "azure-dev"])(
    "%s: no generated password appears in plain text in any input",
    async (stack) => {
      const { createHash } = await import("crypto");
      const text = JSON.stringify(plans[stack]);
      const generated = plans[stack].filter((r) => r.type.includes("RandomPassword"));
      expect(generated.length).toBeGreaterThan(3);
      for (const g of generated) {
        const fake = createHash("sha256").update(`plan:${g.name}`).digest("base64url").slice(0, 20);
        expect(text, g.name).not.toContain(fake);
      }
    },
  );
});
