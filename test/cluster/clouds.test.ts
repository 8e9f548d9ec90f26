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
import { irsaTrustPolicy } from "../../components/cluster/aws/identity";
import { subnetCidrs } from "../../components/cluster/aws/network";
import { autoscalerTags, nodeGroupSettings } from "../../components/cluster/aws/nodeGroups";
import { aksPoolSettings } from "../../components/cluster/azure";
import { gkeNodePoolSettings, workloadIdentityMember } from "../../components/cluster/gcp";
import { Registration } from "../../components/plan/recorder";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import { byName, plan, under } from "../mocks";

const plans: Record<string, Registration[]> = {};
beforeAll(async () => {
  for (const s of ["aws-dev", "gcp-dev", "azure-dev"])
    plans[s] = await plan(readStackPlatformConfig(s), s);
});
const inputs = (s: string, n: string) => byName(plans[s], n).inputs as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("AWS (EKS)", () => {
  it("builds a VPC with private and public subnets in every zone and one NAT gateway", () => {
    expect(subnetCidrs("10.0.0.0/16", 3)).toEqual({
      private: ["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"],
      public: ["10.0.128.0/20", "10.0.144.0/20", "10.0.160.0/20"],
    });
    const regs = under(plans["aws-dev"], "cluster");
    expect(regs.filter((r) => r.type === "aws:ec2/subnet:Subnet")).toHaveLength(6);
    expect(regs.filter((r) => r.type === "aws:ec2/natGateway:NatGateway")).toHaveLength(1);
    expect(inputs("aws-dev", "cluster-private-eu-west-1a").tags).toMatchObject({
      "kubernetes.io/role/internal-elb": "1",
    });
  });

  it("the cluster: pinned version, nodes in private subnets, API entries for admins, protected", () => {
    const eks = byName(plans["aws-dev"], "cluster-eks");
    expect(eks.protect).toBe(true);
    expect(eks.inputs).toMatchObject({
      version: "1.34",
      accessConfig: { authenticationMode: "API" },
      vpcConfig: { endpointPrivateAccess: true },
      deletionProtection: true,
    });
    expect(inputs("aws-dev", "cluster-admin-0-policy")).toMatchObject({
      policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
    });
    // The provider's identity is the cluster's ARN, so rotating credentials replaces nothing.
    expect(inputs("aws-dev", "cluster-k8s").clusterIdentifier).toMatch(/^arn:aws:eks:/);
    expect(inputs("aws-dev", "cluster-k8s").kubeconfig).toBe("[secret]");
  });

  it("GPU node groups: NVIDIA AMI, taint, labels, zero minimum, autoscaler tags for scaling from zero, desired size left to the autoscaler", () => {
    const pool = NodePoolSchema.parse({
      name: "gpu",
      role: "gpu",
      machineType: "g5.12xlarge",
      minSize: 0,
      maxSize: 3,
    });
    const s = nodeGroupSettings("c", pool);
    expect(s.amiType).toBe("AL2023_x86_64_NVIDIA");
    expect(s.taints).toEqual([{ key: "nvidia.com/gpu", value: "present", effect: "NO_SCHEDULE" }]);
    expect(s.scalingConfig).toEqual({ minSize: 0, maxSize: 3, desiredSize: 0 });
    expect(autoscalerTags("c", pool, 4)).toMatchObject({
      "k8s.io/cluster-autoscaler/node-template/taint/nvidia.com/gpu": "present:NoSchedule",
      "k8s.io/cluster-autoscaler/node-template/resources/nvidia.com/gpu": "4",
    });
    expect(inputs("aws-dev", "cluster-gpu-a10g").amiType).toBe("AL2023_x86_64_NVIDIA");
  });

  it("IRSA trusts exactly the named service accounts of the cluster's issuer", () => {
    const p = irsaTrustPolicy("arn:oidc", "oidc.example/id/X", ["kubeflow:ml-pipeline"]) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(p.Statement[0].Condition.StringEquals).toEqual({
      "oidc.example/id/X:aud": "sts.amazonaws.com",
      "oidc.example/id/X:sub": ["system:serviceaccount:kubeflow:ml-pipeline"],
    });
    const trust = JSON.parse(inputs("aws-dev", "cluster-pipelines").assumeRolePolicy as string);
    expect(
      trust.Statement[0].Condition.StringEquals["oidc.eks.plan.amazonaws.com/id/PLAN:sub"],
    ).toEqual([
      "system:serviceaccount:kubeflow:ml-pipeline",
      "system:serviceaccount:kubeflow:ml-pipeline-ui",
    ]);
  });

  it("RDS MySQL 8.0: private, encrypted, backed up, protected; S3: public access blocked, encrypted, versioned", () => {
    const db = byName(plans["aws-dev"], "cluster-mysql");
    expect(db.protect).toBe(true);
    expect(db.inputs).toMatchObject({
      engine: "mysql",
      engineVersion: "8.0",
      storageEncrypted: true,
      publiclyAccessible: false,
      deletionProtection: true,
      backupRetentionPeriod: 7,
      password: "[secret]",
    });
    expect(byName(plans["aws-dev"], "cluster-pipelines").type).toBeDefined();
    expect(plans["aws-dev"].find((r) => r.type === "aws:s3/bucket:Bucket")!.protect).toBe(true);
    expect(
      plans["aws-dev"].find(
        (r) => r.type === "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
      )!.inputs,
    ).toMatchObject({
      blockPublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(
      plans["aws-dev"].find((r) => r.type === "aws:s3/bucketVersioning:BucketVersioning")!.inputs,
    ).toMatchObject({
      versioningConfiguration: { status: "Enabled" },
    });
  });

  it("the platform uses the managed services: MySQL through an ExternalName service, S3 with IRSA", () => {
    expect(inputs("aws-dev", "mysql-service").spec).toEqual({
      type: "ExternalName",
      externalName: "cluster-mysql.plan.rds.amazonaws.com".replace(
        "cluster-mysql",
        "kubeflow-platform-aws-dev-mysql",
      ),
    });
    expect(plans["aws-dev"].some((r) => r.name === "minio")).toBe(false);
    expect(inputs("aws-dev", "pipelines-ml-pipeline-identity").metadata.annotations).toEqual({
      "eks.amazonaws.com/role-arn": `arn:aws:iam::123456789012:role/cluster-pipelines`,
    });
    const gateway = inputs("aws-dev", "istio-ingressgateway").values.service.annotations;
    expect(gateway).toMatchObject({
      "service.beta.kubernetes.io/aws-load-balancer-type": "nlb",
    });
    expect(plans["aws-dev"].some((r) => r.name === "cluster-nvidia-device-plugin")).toBe(true);
  });
});

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
      networkProfile: { outboundType: "managedNATGateway" },
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

describe("EKS cluster autoscaler", () => {
  it("discovers the node groups by tag and may resize only this cluster's groups", async () => {
    const { autoscalerPolicy, autoscalerValues } =
      await import("../../components/cluster/aws/autoscaler");
    const policy = autoscalerPolicy("kf") as {
      Statement: { Action: string[]; Condition?: unknown }[];
    };
    const resize = policy.Statement.find((s) =>
      s.Action.includes("autoscaling:SetDesiredCapacity"),
    )!;
    expect(resize.Condition).toEqual({
      StringEquals: { "aws:ResourceTag/k8s.io/cluster-autoscaler/kf": "owned" },
    });
    expect(autoscalerValues("kf", "eu-west-1", "arn:role")).toMatchObject({
      autoDiscovery: { clusterName: "kf" },
      rbac: { serviceAccount: { annotations: { "eks.amazonaws.com/role-arn": "arn:role" } } },
    });
    const chart = byName(plans["aws-dev"], "cluster-cluster-autoscaler-chart");
    expect(chart.inputs).toMatchObject({ chart: "cluster-autoscaler", namespace: "kube-system" });
    const trust = JSON.parse(
      inputs("aws-dev", "cluster-cluster-autoscaler").assumeRolePolicy as string,
    );
    expect(Object.values(trust.Statement[0].Condition.StringEquals)).toContainEqual([
      "system:serviceaccount:kube-system:cluster-autoscaler",
    ]);
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
