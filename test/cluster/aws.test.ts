// The EKS cluster layer, planned offline with the providers' computed outputs and invokes mocked
// (components/plan/recorder.ts): network, control plane and admins, managed add-ons, node groups
// that scale from zero, the autoscaler release per minor, the kubeconfig's identity, RDS, S3 with
// IRSA, deletion protection, and a GPU workload's path from PodDefault to a node group.
import * as pulumi from "@pulumi/pulumi";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { AwsClusterSchema, NodePoolSchema } from "../../components/config/clusters";
import { parsePlatformConfig } from "../../components/config/load";
import { gpuPoolsOf, POOL_LABEL } from "../../components/config/schema";
import { adminEntries } from "../../components/cluster/aws/controlPlane";
import { finalSnapshotName, mysqlParameters } from "../../components/cluster/aws/database";
import { irsaTrustPolicy } from "../../components/cluster/aws/identity";
import { eksKubeconfig, programAwsIdentity } from "../../components/cluster/aws/kubeconfig";
import { subnetCidrs } from "../../components/cluster/aws/network";
import {
  autoscalerTags,
  nodeGroupSettings,
  nodeTemplateTags,
} from "../../components/cluster/aws/nodeGroups";
import { PLAN_CALLER } from "../../components/cluster/aws/planMocks";
import { Registration } from "../../components/plan/recorder";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import { tenantObjects } from "../../components/tenants/podDefaults";
import { quotaHard } from "../../components/tenants/quota";
import { clusterAutoscalerReleases, eksAddons, rdsMysql } from "../../components/versions";
import { parse } from "yaml";
import { renderPlatform } from "../../components/render/render";
import { byName, plan, under } from "../mocks";
import { SOURCES_DIR } from "../render/sources";

/* eslint-disable @typescript-eslint/no-explicit-any */
const plans: Record<string, Registration[]> = {};
beforeAll(async () => {
  for (const s of ["aws-dev", "cluster-aws-prod"])
    plans[s] = await plan(readStackPlatformConfig(s), s);
});
const inputs = (s: string, n: string) => byName(plans[s], n).inputs as Record<string, any>;
const awsDev = () =>
  readStackPlatformConfig("aws-dev") as { cluster: Record<string, any> } & Record<string, any>;
const minorOf = (v: string) => v.replace(/^v/, "").split(".").slice(0, 2).join(".");

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
    const p = irsaTrustPolicy("arn:oidc", "oidc.example/id/X", ["kubeflow:ml-pipeline"]) as any;
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

  it("RDS MySQL (the catalog's major): private, encrypted, backed up, protected; S3: public access blocked, encrypted, versioned", () => {
    const db = byName(plans["aws-dev"], "cluster-mysql");
    expect(db.protect).toBe(true);
    expect(db.inputs).toMatchObject({
      engine: "mysql",
      engineVersion: rdsMysql.engineVersion,
      storageEncrypted: true,
      publiclyAccessible: false,
      deletionProtection: true,
      backupRetentionPeriod: 7,
      password: "[secret]",
    });
    expect(byName(plans["aws-dev"], "cluster-pipelines").type).toBe("aws:iam/role:Role");
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
    // The role reaches the Pipelines ServiceAccounts through the kustomization's transforms
    // (pipelinesTransforms.test.ts), not through a patch applied after the bundle.
    expect(plans["aws-dev"].some((r) => r.type.endsWith(":ServiceAccountPatch"))).toBe(false);
    const gateway = inputs("aws-dev", "istio-ingressgateway").values.service.annotations;
    expect(gateway).toMatchObject({
      "service.beta.kubernetes.io/aws-load-balancer-type": "nlb",
    });
    expect(plans["aws-dev"].some((r) => r.name === "cluster-nvidia-device-plugin")).toBe(true);
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

describe("EKS managed add-ons", () => {
  it("vpc-cni, kube-proxy and coredns are EKS add-ons at the version resolved for the cluster's Kubernetes version, adopting the bootstrap copies", () => {
    expect(eksAddons.core).toEqual(["vpc-cni", "kube-proxy", "coredns"]);
    for (const addon of eksAddons.core) {
      const a = byName(plans["aws-dev"], `cluster-${addon}`);
      expect(a.type).toBe("aws:eks/addon:Addon");
      expect(a.inputs).toMatchObject({
        addonName: addon,
        // The mock answers aws.eks.getAddonVersion with what it was asked (never a real version).
        addonVersion: `resolved-at-deploy:${addon}@1.34`,
        resolveConflictsOnCreate: "OVERWRITE",
        resolveConflictsOnUpdate: "OVERWRITE",
        preserve: true,
      });
    }
    expect(inputs("aws-dev", "cluster-ebs-csi")).toMatchObject({
      addonVersion: "resolved-at-deploy:aws-ebs-csi-driver@1.34",
      resolveConflictsOnCreate: "OVERWRITE",
    });
    // Nodes join with the managed CNI; CoreDNS waits for nodes to run on.
    const urn = (n: string) => byName(plans["aws-dev"], n).urn;
    expect(byName(plans["aws-dev"], "cluster-system").dependsOn).toContain(urn("cluster-vpc-cni"));
    expect(byName(plans["aws-dev"], "cluster-coredns").dependsOn).toContain(urn("cluster-system"));
  });
});

describe("EKS node groups", () => {
  it("are named from a prefix (a replacement cannot collide) and run the cluster's Kubernetes version", () => {
    for (const pool of ["system", "cpu", "gpu-a10g"]) {
      const g = inputs("aws-dev", `cluster-${pool}`);
      expect(g.nodeGroupName).toBeUndefined();
      expect(g.nodeGroupNamePrefix).toBe(`${pool}-`);
      expect(g.version).toBe("1.34");
      expect(g.releaseVersion).toBeUndefined();
    }
  });

  it("their Auto Scaling groups carry the node template the autoscaler reads to scale from zero", () => {
    const tags = plans["aws-dev"]
      .filter((r) => r.type === "aws:autoscaling/tag:Tag" && r.name.startsWith("cluster-gpu-a10g-"))
      .map((r) => r.inputs as Record<string, any>);
    // The ASG EKS made for this node group (the mock names it after the group).
    expect(new Set(tags.map((t) => t.autoscalingGroupName))).toEqual(
      new Set(["eks-cluster-gpu-a10g-plan-asg"]),
    );
    expect(Object.fromEntries(tags.map((t) => [t.tag.key, t.tag.value]))).toEqual({
      [`k8s.io/cluster-autoscaler/node-template/label/${POOL_LABEL}`]: "gpu-a10g",
      "k8s.io/cluster-autoscaler/node-template/label/kubeflow-platform/role": "gpu",
      "k8s.io/cluster-autoscaler/node-template/taint/nvidia.com/gpu": "present:NoSchedule",
      "k8s.io/cluster-autoscaler/node-template/resources/nvidia.com/gpu": "1",
    });
    expect(tags.every((t) => t.tag.propagateAtLaunch === false)).toBe(true);
  });
});

describe("EKS cluster autoscaler release per Kubernetes minor", () => {
  it("every pinned release: chart appVersion, image and the minor it serves agree", () => {
    expect(Object.keys(clusterAutoscalerReleases).length).toBeGreaterThan(0);
    for (const [minor, pin] of Object.entries(clusterAutoscalerReleases)) {
      const tag = pin.images[0].split(":")[1];
      expect(minorOf(tag), `${pin.chart} ${pin.version}`).toBe(minor);
    }
  });

  it("the planned chart and image are the release of the cluster's minor", async () => {
    for (const s of ["aws-dev", "cluster-aws-prod"]) {
      const chart = inputs(s, "cluster-cluster-autoscaler-chart");
      const minor = inputs(s, "cluster-eks").version;
      expect(chart.version).toBe(clusterAutoscalerReleases[minor].version);
      expect(minorOf(chart.values.image.tag)).toBe(minor);
    }
    const cfg = awsDev();
    const regs = await plan(
      { ...cfg, cluster: { ...cfg.cluster, kubernetesVersion: "1.35" } },
      "aws-135",
    );
    const chart = byName(regs, "cluster-cluster-autoscaler-chart").inputs as Record<string, any>;
    expect(chart.version).toBe("9.59.0");
    expect(chart.values.image.tag).toBe("v1.35.0");
  });

  it("a minor with no pinned release is refused by the config, naming key, value and fix", () => {
    const cfg = awsDev();
    const bad = AwsClusterSchema.safeParse({ ...cfg.cluster, kubernetesVersion: "1.36" });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error!.issues)).toContain("has no cluster-autoscaler release pinned");
    expect(() =>
      parsePlatformConfig({ ...cfg, cluster: { ...cfg.cluster, kubernetesVersion: "1.36" } }),
    ).toThrow(/kubernetesVersion.*--type string 1\.35/s);
  });
});

describe("EKS admins", () => {
  it("the identity creating the cluster gets no second access entry, with a message", () => {
    expect(adminEntries(["arn:a", "arn:me", "arn:b"], "arn:me")).toEqual({
      create: [
        { index: 0, principalArn: "arn:a" },
        { index: 2, principalArn: "arn:b" },
      ],
      skipped: [
        expect.stringContaining("cluster.admins[1]: arn:me is the identity creating the cluster"),
      ],
    });
  });

  it("planned: an admins list naming the program's own role creates entries for the others only", async () => {
    const cfg = awsDev();
    const regs = await plan(
      {
        ...cfg,
        cluster: {
          ...cfg.cluster,
          admins: [PLAN_CALLER.roleArn, "arn:aws:iam::123456789012:role/ops"],
        },
      },
      "aws-admins",
    );
    const entries = regs.filter((r) => r.type === "aws:eks/accessEntry:AccessEntry");
    expect(entries.map((r) => [r.name, r.inputs.principalArn])).toEqual([
      ["cluster-admin-1-entry", "arn:aws:iam::123456789012:role/ops"],
    ]);
  });
});

describe("EKS kubeconfig", () => {
  const saved = process.env.AWS_PROFILE;
  afterEach(() => {
    if (saved === undefined) delete process.env.AWS_PROFILE;
    else process.env.AWS_PROFILE = saved;
  });

  it("logs in as the program's identity: its profile and the role it assumes", () => {
    const user = (identity?: { profile?: string; roleArn?: string }) =>
      parse(
        eksKubeconfig({
          name: "kf",
          region: "eu-west-1",
          endpoint: "https://x",
          caData: "y",
          identity,
        }),
      ).users[0].user.exec;
    expect(user({ profile: "kf-admin", roleArn: "arn:aws:iam::1:role/deployer" })).toMatchObject({
      command: "aws",
      args: [
        "eks",
        "get-token",
        "--cluster-name",
        "kf",
        "--region",
        "eu-west-1",
        "--role-arn",
        "arn:aws:iam::1:role/deployer",
      ],
      env: [{ name: "AWS_PROFILE", value: "kf-admin" }],
    });
    expect(user().env).toBeUndefined();
    expect(user().args).not.toContain("--role-arn");
  });

  it("reads aws:profile and aws:assumeRoles from the stack, else AWS_PROFILE", () => {
    expect(programAwsIdentity({ AWS_PROFILE: "from-env" })).toEqual({
      profile: "from-env",
      roleArn: undefined,
    });
    pulumi.runtime.setAllConfig({
      "aws:profile": "kf-admin",
      "aws:assumeRoles": JSON.stringify([{ roleArn: "arn:aws:iam::1:role/deployer" }]),
    });
    try {
      expect(programAwsIdentity({ AWS_PROFILE: "from-env" })).toEqual({
        profile: "kf-admin",
        roleArn: "arn:aws:iam::1:role/deployer",
      });
    } finally {
      pulumi.runtime.setAllConfig({});
    }
  });
});

describe("RDS MySQL version", () => {
  it("the catalog's supported major with its parameter group family and parameters that exist there", () => {
    expect(rdsMysql).toEqual({ engineVersion: "8.4", parameterGroupFamily: "mysql8.4" });
    expect(inputs("aws-dev", "cluster-db-parameters").family).toBe("mysql8.4");
    const names = (inputs("aws-dev", "cluster-db-parameters").parameters as { name: string }[]).map(
      (p) => p.name,
    );
    // Removed in 8.4; a mysql8.4 group refuses it.
    expect(names).not.toContain("default_authentication_plugin");
    expect(mysqlParameters("mysql8.0").map((p) => p.name)).toContain(
      "default_authentication_plugin",
    );
    expect(inputs("aws-dev", "cluster-mysql")).toMatchObject({
      engineVersion: "8.4",
      allowMajorVersionUpgrade: true,
    });
  });
});

describe("deletion protection follows cluster.deletionProtection", () => {
  const statefulNames = [
    "cluster-vpc",
    "cluster-eks",
    "cluster-mysql",
    "cluster-db-admin-password",
    "cluster-pipelines-bucket",
    "cluster-efs",
  ];

  it("on (the default): Pulumi protect and the cloud's own protection on every stateful resource", async () => {
    const cfg = awsDev();
    const regs = await plan(
      { ...cfg, cluster: { ...cfg.cluster, rwxStorageClass: true } },
      "aws-on",
    );
    for (const n of statefulNames) expect(byName(regs, n).protect, n).toBe(true);
    expect(byName(regs, "cluster-eks").inputs.deletionProtection).toBe(true);
    expect(byName(regs, "cluster-mysql").inputs).toMatchObject({
      deletionProtection: true,
      skipFinalSnapshot: false,
    });
    expect(byName(regs, "cluster-pipelines-bucket").inputs.forceDestroy).toBe(false);
  });

  it("off: nothing protected, cloud protection off, so set false + pulumi up + pulumi destroy goes through", async () => {
    const cfg = awsDev();
    const regs = await plan(
      { ...cfg, cluster: { ...cfg.cluster, rwxStorageClass: true, deletionProtection: false } },
      "aws-off",
    );
    expect(
      under(regs, "cluster")
        .filter((r) => r.protect)
        .map((r) => r.name),
    ).toEqual([]);
    expect(byName(regs, "cluster-eks").inputs.deletionProtection).toBe(false);
    expect(byName(regs, "cluster-mysql").inputs).toMatchObject({
      deletionProtection: false,
      skipFinalSnapshot: false,
    });
    // The data is kept in a final snapshot whose name cannot collide with an earlier teardown's.
    expect(byName(regs, "cluster-mysql").inputs.finalSnapshotIdentifier).toMatch(
      /^kubeflow-platform-aws-off-mysql-final-[0-9a-f]{8}$/,
    );
    expect(byName(regs, "cluster-pipelines-bucket").inputs.forceDestroy).toBe(true);
    expect(finalSnapshotName("kf", "1a2b3c4d")).toBe("kf-mysql-final-1a2b3c4d");
  });
});

describe("a GPU workload on aws-dev, end to end", () => {
  it("gets the pool's toleration from the GPU PodDefault, fits the tenant's quota, and lands on a node group the autoscaler can scale from zero", async () => {
    const cfg = awsDev();
    const tenant = {
      name: "team-gpu",
      owner: "g@example.com",
      quota: { cpu: "16", memory: "64Gi", gpu: 2 },
    };
    const regs = await plan({ ...cfg, tenants: [tenant] }, "aws-gpu");
    const cluster = parsePlatformConfig({ ...cfg, tenants: [tenant] }).cluster as any;
    const [pool] = gpuPoolsOf(cluster);
    const nodePool = cluster.nodePools.find((p: any) => p.name === pool.name);
    const group = byName(regs, `cluster-${pool.name}`).inputs as Record<string, any>;

    // A notebook that selects the GPU PodDefault gets tolerations for the group's taint.
    const pd = byName(regs, "tenants-team-gpu-poddefault-gpu-nodes").inputs as Record<string, any>;
    expect(group.taints.length).toBeGreaterThan(0);
    for (const taint of group.taints)
      expect(
        pd.spec.tolerations.some(
          (t: any) =>
            t.key === taint.key &&
            t.operator === "Exists" &&
            t.effect === "NoSchedule" &&
            taint.effect === "NO_SCHEDULE",
        ),
      ).toBe(true);
    // Tolerations only: the taint and the GPU request steer the pod, no node selector to keep in
    // step with the group's labels (a selector here would need to match them).
    expect(pd.spec).not.toHaveProperty("nodeSelector");
    expect(
      tenantObjects(tenant as never, { gpuTolerations: pool.tolerations })[0].spec,
    ).toMatchObject({
      tolerations: pool.tolerations,
    });

    // Its requests fit the tenant's quota, and the quota fits the pool's capacity.
    const profile = byName(regs, "tenants-team-gpu-profile").inputs as Record<string, any>;
    const quota = profile.spec.resourceQuotaSpec;
    expect(quota.hard["requests.nvidia.com/gpu"]).toBe(
      quotaHard(tenant.quota as never)!["requests.nvidia.com/gpu"],
    );
    expect(Number(quota.hard["requests.nvidia.com/gpu"])).toBeLessThanOrEqual(
      pool.gpusPerNode * pool.maxNodes,
    );

    // From zero nodes, the autoscaler knows from the ASG's tags that a node of this group has the
    // labels the pod selects, the taint it tolerates and the GPUs it requests.
    expect(group.scalingConfig.minSize).toBe(0);
    const asg = Object.fromEntries(
      regs
        .filter(
          (r) =>
            r.type === "aws:autoscaling/tag:Tag" && r.name.startsWith(`cluster-${pool.name}-asg-`),
        )
        .map((r) => [(r.inputs as any).tag.key, (r.inputs as any).tag.value]),
    );
    expect(asg).toEqual(nodeTemplateTags(nodePool, pool.gpusPerNode));
    expect(Object.keys(pool.nodeSelector).length).toBeGreaterThan(0);
    for (const [k, v] of Object.entries(pool.nodeSelector))
      expect(asg[`k8s.io/cluster-autoscaler/node-template/label/${k}`]).toBe(v);
    expect(
      Number(asg["k8s.io/cluster-autoscaler/node-template/resources/nvidia.com/gpu"]),
    ).toBeGreaterThan(0);
    // And the device plugin runs on the group, advertising nvidia.com/gpu.
    const plugin = byName(regs, "cluster-nvidia-device-plugin").inputs as Record<string, any>;
    const terms =
      plugin.values.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution
        .nodeSelectorTerms;
    expect(
      terms.some((t: any) =>
        t.matchExpressions.every((e: any) => e.values.includes(group.labels[e.key])),
      ),
    ).toBe(true);
  });
});

describe.runIf(Boolean(SOURCES_DIR))("Pipelines with IRSA on aws-dev, rendered for real", () => {
  it("the ServiceAccounts kustomize renders carry the role ARN themselves", async () => {
    process.env.KUBEFLOW_PLATFORM_SOURCES = SOURCES_DIR;
    const { objects } = await renderPlatform("aws-dev", readStackPlatformConfig("aws-dev"));
    const accounts = objects.filter(
      (o) =>
        o.object.kind === "ServiceAccount" &&
        o.object.metadata.namespace === "kubeflow" &&
        ["ml-pipeline", "ml-pipeline-ui"].includes(o.object.metadata.name),
    );
    expect(accounts.map((o) => o.origin)).toEqual(["kustomize", "kustomize"]);
    for (const a of accounts)
      expect(a.object.metadata.annotations?.["eks.amazonaws.com/role-arn"]).toBe(
        "arn:aws:iam::123456789012:role/cluster-pipelines",
      );
  }, 300_000);
});
