// EKS with raw @pulumi/aws: a VPC with private node subnets in every zone and one NAT gateway (or
// the user's VPC), the cluster with API access entries for admins and an OIDC provider for IRSA,
// managed node groups (system, CPU, GPU on the AL2023 NVIDIA AMI, tainted, scaling from zero),
// the EBS CSI driver with a default gp3 StorageClass, the NVIDIA device plugin, and, when asked,
// RDS MySQL and an S3 bucket for Pipelines with IRSA roles scoped to its service accounts.
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { AwsCluster, NodePool, gpusPerNode } from "../config/clusters";
import { GPU_TAINT_TOLERATION, POOL_LABEL, gpuPoolsOf } from "../config/schema";
import { pinnedChart } from "../lib/charts";
import { charts } from "../versions";
import {
  CloudClusterArgs,
  ClusterFacts,
  ClusterLayer,
  execKubeconfig,
  stackClusterName,
} from "./facts";
import { devicePluginValues } from "./gpu";

/** Split a /16 into /20s: private subnets first, public ones from the ninth block on. Pure. */
export function subnetCidrs(
  vpcCidr: string,
  zones: number,
): { private: string[]; public: string[] } {
  const [a, b] = vpcCidr.split("/")[0].split(".").map(Number);
  const block = (i: number) => `${a}.${b}.${i * 16}.0/20`;
  return {
    private: Array.from({ length: zones }, (_, i) => block(i)),
    public: Array.from({ length: zones }, (_, i) => block(8 + i)),
  };
}

/** Tags the cluster autoscaler reads to scale a node group up from zero nodes. Pure. */
export function autoscalerTags(
  clusterName: string,
  pool: NodePool,
  gpus: number,
): Record<string, string> {
  const tags: Record<string, string> = {
    "k8s.io/cluster-autoscaler/enabled": "true",
    [`k8s.io/cluster-autoscaler/${clusterName}`]: "owned",
    [`k8s.io/cluster-autoscaler/node-template/label/${POOL_LABEL}`]: pool.name,
  };
  if (pool.role === "gpu") {
    tags["k8s.io/cluster-autoscaler/node-template/taint/nvidia.com/gpu"] = "present:NoSchedule";
    tags["k8s.io/cluster-autoscaler/node-template/resources/nvidia.com/gpu"] = String(gpus);
  }
  return tags;
}

/** A managed node group's settings for a pool. Pure. */
export function nodeGroupSettings(clusterName: string, pool: NodePool) {
  const gpus = gpusPerNode("aws", pool);
  return {
    amiType: pool.role === "gpu" ? "AL2023_x86_64_NVIDIA" : "AL2023_x86_64_STANDARD",
    instanceTypes: [pool.machineType],
    diskSize: pool.diskGiB,
    scalingConfig: {
      minSize: pool.minSize,
      maxSize: pool.maxSize,
      desiredSize: pool.desiredSize ?? Math.max(pool.minSize, pool.role === "system" ? 1 : 0),
    },
    labels: { [POOL_LABEL]: pool.name, "kubeflow-platform/role": pool.role },
    taints:
      pool.role === "gpu"
        ? [{ key: GPU_TAINT_TOLERATION.key, value: "present", effect: "NO_SCHEDULE" }]
        : [],
    tags: autoscalerTags(clusterName, pool, gpus),
  };
}

/** Trust policy of a role for exact Kubernetes service accounts (IRSA). Pure. */
export function irsaTrustPolicy(
  oidcProviderArn: string,
  issuerHostPath: string,
  serviceAccounts: string[],
): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: oidcProviderArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${issuerHostPath}:aud`]: "sts.amazonaws.com",
            [`${issuerHostPath}:sub`]: serviceAccounts.map((sa) => `system:serviceaccount:${sa}`),
          },
        },
      },
    ],
  };
}

/** A kubeconfig that logs in with `aws eks get-token`. Pure. */
export function eksKubeconfig(args: {
  name: string;
  region: string;
  endpoint: string;
  caData: string;
}): string {
  return execKubeconfig({
    name: args.name,
    server: args.endpoint,
    caData: args.caData,
    exec: {
      command: "aws",
      args: ["eks", "get-token", "--cluster-name", args.name, "--region", args.region],
    },
  });
}

/**
 * An NLB in front of the ingress gateway, made by the cloud provider built into EKS (the AWS Load
 * Balancer Controller is not installed; with it, set the "external" type in ingress.serviceAnnotations).
 */
/** The default StorageClass the cluster layer creates (EKS 1.30+ has none). */
export const AWS_STORAGE_CLASS = "gp3";

export const AWS_INGRESS_ANNOTATIONS = {
  "service.beta.kubernetes.io/aws-load-balancer-type": "nlb",
  "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled": "true",
};

/** The service accounts of Pipelines that read and write the bucket. */
export const PIPELINES_SERVICE_ACCOUNTS = ["kubeflow:ml-pipeline", "kubeflow:ml-pipeline-ui"];

/** What the cluster autoscaler may do: read groups and types; resize only this cluster's groups. */
export function autoscalerPolicy(clusterName: string): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: [
          "autoscaling:DescribeAutoScalingGroups",
          "autoscaling:DescribeAutoScalingInstances",
          "autoscaling:DescribeLaunchConfigurations",
          "autoscaling:DescribeScalingActivities",
          "autoscaling:DescribeTags",
          "ec2:DescribeImages",
          "ec2:DescribeInstanceTypes",
          "ec2:DescribeLaunchTemplateVersions",
          "ec2:GetInstanceTypesFromInstanceRequirements",
          "eks:DescribeNodegroup",
        ],
        Resource: "*",
      },
      {
        Effect: "Allow",
        Action: [
          "autoscaling:SetDesiredCapacity",
          "autoscaling:TerminateInstanceInAutoScalingGroup",
        ],
        Resource: "*",
        Condition: {
          StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: "owned" },
        },
      },
    ],
  };
}

/** Cluster autoscaler chart values: auto-discovery by the node groups' tags. Pure. */
export function autoscalerValues(
  clusterName: string,
  region: string,
  roleArn: pulumi.Input<string>,
) {
  return {
    cloudProvider: "aws",
    awsRegion: region,
    autoDiscovery: { clusterName },
    image: { tag: charts.clusterAutoscaler.images[0].split(":")[1] },
    rbac: {
      serviceAccount: {
        name: "cluster-autoscaler",
        annotations: { "eks.amazonaws.com/role-arn": roleArn },
      },
    },
    extraArgs: {
      "balance-similar-node-groups": true,
      "skip-nodes-with-system-pods": false,
      expander: "least-waste",
    },
    nodeSelector: { "kubeflow-platform/role": "system" },
    resources: { requests: { cpu: "20m", memory: "128Mi" } },
  };
}

export type EksClusterArgs = CloudClusterArgs<AwsCluster>;

const policy = (name: string) => `arn:aws:iam::aws:policy/${name}`;

export class EksCluster extends pulumi.ComponentResource implements ClusterLayer {
  readonly provider: k8s.Provider;
  readonly context: pulumi.Output<string>;
  readonly facts: ClusterFacts;
  readonly ready: pulumi.Resource[];
  /** The kubeconfig (secret), exported by a cluster stack. */
  readonly kubeconfig: pulumi.Output<string>;
  readonly clusterIdentifier: pulumi.Output<string>;

  constructor(name: string, args: EksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    const c = args.cluster;
    super("kubeflow-platform:cluster:EksCluster", name, {}, opts);
    const parent = { parent: this };
    const clusterName = stackClusterName();
    const tags = { "kubeflow-platform/stack": pulumi.getStack() };

    // Network
    let vpcId: pulumi.Input<string>;
    let privateSubnetIds: pulumi.Input<string>[];
    // With an existing VPC, network.cidr is its CIDR (the database accepts connections from it).
    const vpcCidr = c.network.cidr;
    if (c.network.vpcId && c.network.privateSubnetIds) {
      vpcId = c.network.vpcId;
      privateSubnetIds = c.network.privateSubnetIds;
    } else {
      const vpc = new aws.ec2.Vpc(
        `${name}-vpc`,
        {
          cidrBlock: c.network.cidr,
          enableDnsHostnames: true,
          enableDnsSupport: true,
          tags: { ...tags, Name: clusterName },
        },
        { ...parent, protect: true },
      );
      vpcId = vpc.id;
      const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags }, parent);
      const cidrs = subnetCidrs(c.network.cidr, c.zones.length);
      const publicSubnets = c.zones.map(
        (zone, i) =>
          new aws.ec2.Subnet(
            `${name}-public-${zone}`,
            {
              vpcId: vpc.id,
              cidrBlock: cidrs.public[i],
              availabilityZone: zone,
              mapPublicIpOnLaunch: false,
              // Where the AWS Load Balancer Controller puts internet-facing load balancers.
              tags: { ...tags, "kubernetes.io/role/elb": "1" },
            },
            parent,
          ),
      );
      const privateSubnets = c.zones.map(
        (zone, i) =>
          new aws.ec2.Subnet(
            `${name}-private-${zone}`,
            {
              vpcId: vpc.id,
              cidrBlock: cidrs.private[i],
              availabilityZone: zone,
              tags: { ...tags, "kubernetes.io/role/internal-elb": "1" },
            },
            parent,
          ),
      );
      privateSubnetIds = privateSubnets.map((s) => s.id);
      const eip = new aws.ec2.Eip(`${name}-nat-ip`, { domain: "vpc", tags }, parent);
      const nat = new aws.ec2.NatGateway(
        `${name}-nat`,
        { allocationId: eip.id, subnetId: publicSubnets[0].id, tags },
        { ...parent, dependsOn: [igw] },
      );
      const publicRoutes = new aws.ec2.RouteTable(
        `${name}-public-routes`,
        { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }], tags },
        parent,
      );
      const privateRoutes = new aws.ec2.RouteTable(
        `${name}-private-routes`,
        { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }], tags },
        parent,
      );
      c.zones.forEach((zone, i) => {
        new aws.ec2.RouteTableAssociation(
          `${name}-public-${zone}-routes`,
          { subnetId: publicSubnets[i].id, routeTableId: publicRoutes.id },
          parent,
        );
        new aws.ec2.RouteTableAssociation(
          `${name}-private-${zone}-routes`,
          { subnetId: privateSubnets[i].id, routeTableId: privateRoutes.id },
          parent,
        );
      });
    }

    // Cluster
    const clusterRole = new aws.iam.Role(
      `${name}-cluster-role`,
      {
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "eks.amazonaws.com" },
              Action: ["sts:AssumeRole", "sts:TagSession"],
            },
          ],
        }),
        managedPolicyArns: [policy("AmazonEKSClusterPolicy")],
        tags,
      },
      parent,
    );
    const cluster = new aws.eks.Cluster(
      `${name}-eks`,
      {
        name: clusterName,
        version: c.kubernetesVersion,
        roleArn: clusterRole.arn,
        accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true },
        vpcConfig: {
          subnetIds: privateSubnetIds,
          endpointPrivateAccess: true,
          endpointPublicAccess: c.apiAccess.publicEndpoint,
          publicAccessCidrs: c.apiAccess.publicEndpoint ? c.apiAccess.allowedCidrs : undefined,
        },
        enabledClusterLogTypes: ["api", "audit", "authenticator"],
        deletionProtection: true,
        tags,
      },
      { ...parent, protect: true },
    );
    for (const [i, admin] of c.admins.entries()) {
      const entry = new aws.eks.AccessEntry(
        `${name}-admin-${i}-entry`,
        { clusterName: cluster.name, principalArn: admin, tags },
        parent,
      );
      new aws.eks.AccessPolicyAssociation(
        `${name}-admin-${i}-policy`,
        {
          clusterName: cluster.name,
          principalArn: admin,
          policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
          accessScope: { type: "cluster" },
        },
        { ...parent, dependsOn: [entry] },
      );
    }
    const issuer = cluster.identities.apply((ids) => ids[0].oidcs[0].issuer);
    const oidc = new aws.iam.OpenIdConnectProvider(
      `${name}-oidc`,
      { url: issuer, clientIdLists: ["sts.amazonaws.com"], tags },
      parent,
    );
    const issuerHostPath = issuer.apply((u) => u.replace(/^https:\/\//, ""));
    const irsaRole = (role: string, serviceAccounts: string[], managed: string[] = []) =>
      new aws.iam.Role(
        `${name}-${role}`,
        {
          assumeRolePolicy: pulumi
            .all([oidc.arn, issuerHostPath])
            .apply(([arn, host]) => JSON.stringify(irsaTrustPolicy(arn, host, serviceAccounts))),
          managedPolicyArns: managed,
          tags,
        },
        parent,
      );

    // Node groups
    const nodeRole = new aws.iam.Role(
      `${name}-node-role`,
      {
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "ec2.amazonaws.com" },
              Action: "sts:AssumeRole",
            },
          ],
        }),
        managedPolicyArns: [
          policy("AmazonEKSWorkerNodePolicy"),
          policy("AmazonEC2ContainerRegistryReadOnly"),
          policy("AmazonEKS_CNI_Policy"),
        ],
        tags,
      },
      parent,
    );
    const nodeGroups = c.nodePools.map((pool) => {
      const s = nodeGroupSettings(clusterName, pool);
      return new aws.eks.NodeGroup(
        `${name}-${pool.name}`,
        {
          clusterName: cluster.name,
          nodeGroupName: pool.name,
          nodeRoleArn: nodeRole.arn,
          subnetIds: privateSubnetIds,
          ...s,
          tags: { ...tags, ...s.tags },
        },
        // The cluster autoscaler owns the size once the group exists.
        { ...parent, ignoreChanges: ["scalingConfig.desiredSize"] },
      );
    });

    // Storage: the EBS CSI driver (IRSA) and a default gp3 class; EKS 1.30+ has no default class.
    const ebsRole = irsaRole(
      "ebs-csi",
      ["kube-system:ebs-csi-controller-sa"],
      ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"],
    );
    const ebs = new aws.eks.Addon(
      `${name}-ebs-csi`,
      {
        clusterName: cluster.name,
        addonName: "aws-ebs-csi-driver",
        serviceAccountRoleArn: ebsRole.arn,
        tags,
      },
      { ...parent, dependsOn: nodeGroups },
    );

    this.kubeconfig = pulumi.secret(
      pulumi
        .all([cluster.name, cluster.endpoint, cluster.certificateAuthority])
        .apply(([n, endpoint, ca]) =>
          eksKubeconfig({ name: n, region: c.region, endpoint, caData: ca.data ?? "" }),
        ),
    );
    this.context = cluster.name;
    this.clusterIdentifier = cluster.arn;
    this.provider = new k8s.Provider(
      `${name}-k8s`,
      { kubeconfig: this.kubeconfig, clusterIdentifier: cluster.arn, enableServerSideApply: true },
      { parent: this },
    );
    const k8sOpts = { parent: this, provider: this.provider, dependsOn: [ebs, ...nodeGroups] };
    new k8s.storage.v1.StorageClass(
      `${name}-gp3`,
      {
        metadata: {
          name: AWS_STORAGE_CLASS,
          annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
        },
        provisioner: "ebs.csi.aws.com",
        parameters: { type: "gp3", encrypted: "true" },
        volumeBindingMode: "WaitForFirstConsumer",
        allowVolumeExpansion: true,
        reclaimPolicy: "Retain",
      },
      k8sOpts,
    );
    const ready: pulumi.Resource[] = [ebs, ...nodeGroups];
    let rwxStorageClass: string | undefined;
    if (c.rwxStorageClass) {
      // EFS for ReadWriteMany notebook volumes: encrypted, reachable from the cluster's network.
      const efsAccess = new aws.ec2.SecurityGroup(
        `${name}-efs-access`,
        {
          vpcId,
          description: "NFS from the cluster's network only",
          ingress: [{ protocol: "tcp", fromPort: 2049, toPort: 2049, cidrBlocks: [vpcCidr] }],
          tags,
        },
        parent,
      );
      const fs = new aws.efs.FileSystem(
        `${name}-efs`,
        { encrypted: true, performanceMode: "generalPurpose", throughputMode: "elastic", tags },
        { ...parent, protect: true },
      );
      privateSubnetIds.forEach(
        (subnetId, i) =>
          new aws.efs.MountTarget(
            `${name}-efs-${i}`,
            { fileSystemId: fs.id, subnetId, securityGroups: [efsAccess.id] },
            parent,
          ),
      );
      const efsRole = irsaRole(
        "efs-csi",
        ["kube-system:efs-csi-controller-sa"],
        ["arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy"],
      );
      const efsAddon = new aws.eks.Addon(
        `${name}-efs-csi`,
        {
          clusterName: cluster.name,
          addonName: "aws-efs-csi-driver",
          serviceAccountRoleArn: efsRole.arn,
          tags,
        },
        { ...parent, dependsOn: nodeGroups },
      );
      new k8s.storage.v1.StorageClass(
        `${name}-efs`,
        {
          metadata: { name: "efs" },
          provisioner: "efs.csi.aws.com",
          parameters: { provisioningMode: "efs-ap", fileSystemId: fs.id, directoryPerms: "700" },
          reclaimPolicy: "Retain",
        },
        { ...k8sOpts, dependsOn: [efsAddon] },
      );
      ready.push(efsAddon);
      rwxStorageClass = "efs";
    }
    // The cluster autoscaler grows and shrinks the node groups (from zero, thanks to their tags).
    const autoscalerRole = irsaRole("cluster-autoscaler", ["kube-system:cluster-autoscaler"]);
    new aws.iam.RolePolicy(
      `${name}-cluster-autoscaler-policy`,
      { role: autoscalerRole.name, policy: JSON.stringify(autoscalerPolicy(clusterName)) },
      parent,
    );
    ready.push(
      pinnedChart(
        `${name}-cluster-autoscaler-chart`,
        charts.clusterAutoscaler,
        "kube-system",
        autoscalerValues(clusterName, c.region, autoscalerRole.arn),
        { parent: this, provider: this.provider, dependsOn: nodeGroups },
      ),
    );
    if (c.nodePools.some((p) => p.role === "gpu"))
      // The NVIDIA AMI carries the driver, not the device plugin.
      ready.push(
        pinnedChart(
          `${name}-nvidia-device-plugin`,
          charts.nvidiaDevicePlugin,
          "kube-system",
          devicePluginValues(),
          {
            parent: this,
            provider: this.provider,
            dependsOn: nodeGroups,
          },
        ),
      );
    this.ready = ready;

    // Managed data services
    let managedDatabase: ClusterFacts["managedDatabase"];
    if (args.database.kind === "managed") {
      const subnets = new aws.rds.SubnetGroup(
        `${name}-db-subnets`,
        { subnetIds: privateSubnetIds, tags },
        parent,
      );
      const sg = new aws.ec2.SecurityGroup(
        `${name}-db-access`,
        {
          vpcId,
          description: "MySQL from the cluster's network only",
          ingress: [{ protocol: "tcp", fromPort: 3306, toPort: 3306, cidrBlocks: [vpcCidr] }],
          tags,
        },
        parent,
      );
      const params = new aws.rds.ParameterGroup(
        `${name}-db-parameters`,
        {
          family: "mysql8.0",
          // ML Metadata's client logs in with mysql_native_password and without TLS.
          parameters: [
            { name: "require_secure_transport", value: "0" },
            {
              name: "default_authentication_plugin",
              value: "mysql_native_password",
              applyMethod: "pending-reboot",
            },
          ],
          tags,
        },
        parent,
      );
      const password = new random.RandomPassword(
        `${name}-db-admin-password`,
        { length: 32, special: false },
        { ...parent, protect: true },
      );
      // Generated, so secret from the start (not every provider marks its input secret).
      const adminPassword = pulumi.secret(password.result);
      const db = new aws.rds.Instance(
        `${name}-mysql`,
        {
          identifier: `${clusterName}-mysql`,
          engine: "mysql",
          engineVersion: "8.0",
          instanceClass: args.database.instanceClass ?? "db.t4g.medium",
          allocatedStorage: args.database.storageGiB,
          storageType: "gp3",
          storageEncrypted: true,
          username: "kfadmin",
          password: adminPassword,
          dbSubnetGroupName: subnets.name,
          vpcSecurityGroupIds: [sg.id],
          parameterGroupName: params.name,
          publiclyAccessible: false,
          backupRetentionPeriod: args.database.backupRetentionDays,
          deletionProtection: true,
          skipFinalSnapshot: false,
          finalSnapshotIdentifier: `${clusterName}-mysql-final`,
          copyTagsToSnapshot: true,
          tags,
        },
        { ...parent, protect: true },
      );
      managedDatabase = {
        host: db.address,
        port: 3306,
        adminUser: "kfadmin",
        adminPassword,
      };
    }
    let managedObjectStore: ClusterFacts["managedObjectStore"];
    if (args.objectStore.kind === "managed") {
      const bucketName = args.objectStore.bucket ?? `${clusterName}-pipelines`.slice(0, 63);
      const bucket = new aws.s3.Bucket(
        `${name}-pipelines-bucket`,
        { bucket: bucketName, forceDestroy: false, tags },
        { ...parent, protect: true },
      );
      new aws.s3.BucketPublicAccessBlock(
        `${name}-pipelines-public-access`,
        {
          bucket: bucket.id,
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
        },
        parent,
      );
      new aws.s3.BucketServerSideEncryptionConfiguration(
        `${name}-pipelines-encryption`,
        {
          bucket: bucket.id,
          rules: [
            {
              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" },
              bucketKeyEnabled: true,
            },
          ],
        },
        parent,
      );
      new aws.s3.BucketVersioning(
        `${name}-pipelines-versioning`,
        { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
        parent,
      );
      const role = irsaRole("pipelines", PIPELINES_SERVICE_ACCOUNTS);
      new aws.iam.RolePolicy(
        `${name}-pipelines-bucket-access`,
        {
          role: role.name,
          policy: bucket.arn.apply((arn) =>
            JSON.stringify({
              Version: "2012-10-17",
              Statement: [
                {
                  Effect: "Allow",
                  Action: ["s3:ListBucket", "s3:GetBucketLocation"],
                  Resource: [arn],
                },
                {
                  Effect: "Allow",
                  Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                  Resource: [`${arn}/*`],
                },
              ],
            }),
          ),
        },
        parent,
      );
      managedObjectStore = {
        host: `s3.${c.region}.amazonaws.com`,
        port: 443,
        secure: true,
        region: c.region,
        bucket: bucketName,
        workloadIdentity: { "eks.amazonaws.com/role-arn": role.arn },
      };
    }

    this.facts = {
      storageClass: AWS_STORAGE_CLASS,
      rwxStorageClass,
      gpuPools: gpuPoolsOf(c),
      ingressAnnotations: AWS_INGRESS_ANNOTATIONS,
      managedDatabase,
      managedObjectStore,
      tenantIdentity: { oidcProviderArn: oidc.arn, oidcIssuer: issuerHostPath },
    };
    this.registerOutputs({ clusterName: cluster.name, oidcProviderArn: oidc.arn });
  }
}
