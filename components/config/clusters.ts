// The managed-cloud cluster kinds (aws: EKS, gcp: GKE, azure: AKS): network, node pools (system,
// CPU and GPU), API access and storage. Rules that need the cloud's facts (GPU machine types, zones
// of a region) live here beside the fields they check.
import { z } from "zod";
import { AWS_GPU_INSTANCES, AZURE_GPU_VM_SIZES, GCP_ACCELERATORS } from "../lib/gpuTypes";
import { clusterAutoscalerReleases } from "../versions";
import { cidr, dnsLabel, kubernetesMinorVersion, sizeGiB } from "./fields";
import { RuleCtx as Ctx, issue } from "./issue";
import { MACHINE_TYPE, wrongCloudSize } from "./machineTypes";
import {
  AKS_DEFAULT_RANGES,
  awsCarvedSubnets,
  azureCarvedSubnets,
  cidrsOverlap,
  networkOf,
  overlappingPairs,
  prefixOf,
  subnetOutside,
} from "./network";

const count = () =>
  z.int({ error: "must be a whole number" }).min(0, { error: "must not be negative" });

export const NodePoolSchema = z.strictObject({
  name: dnsLabel().meta({ description: "Pool name.", examples: ["gpu-a10g"] }),
  role: z
    .enum(["system", "cpu", "gpu"], { error: 'must be "system", "cpu" or "gpu"' })
    .default("cpu")
    .meta({
      description:
        "system runs the platform; cpu and gpu run tenants' work (gpu pools are tainted nvidia.com/gpu:NoSchedule).",
      examples: ["gpu"],
    }),
  machineType: z
    .string()
    .min(1)
    .meta({
      description: "Instance type (AWS), machine type (GCP) or VM size (Azure).",
      examples: ["g5.2xlarge"],
    }),
  gpu: z
    .strictObject({
      type: z
        .string()
        .min(1)
        .meta({ examples: ["nvidia-l4"] }),
      count: z.int().min(1).default(1),
    })
    .optional()
    .meta({
      description:
        "GKE accelerator of a GPU pool (type and count per node). AWS and Azure infer GPUs from the machine type.",
    }),
  minSize: count().meta({
    description: "Fewest nodes; GPU and CPU pools can scale to zero.",
    examples: [0],
  }),
  maxSize: z
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .meta({ description: "Most nodes: the autoscaler's bound.", examples: [4] }),
  desiredSize: count().optional().meta({
    description:
      "Nodes at creation; afterwards the cluster autoscaler owns the size. @default minSize (at least 1 for system pools)",
  }),
  diskGiB: sizeGiB(100).meta({ description: "Node disk size.", examples: [200] }),
});
export type NodePool = z.output<typeof NodePoolSchema>;

/** GPUs per node of a pool, or 0 for a CPU pool. Pure. */
export function gpusPerNode(kind: "aws" | "gcp" | "azure", pool: NodePool): number {
  if (pool.role !== "gpu") return 0;
  if (kind === "gcp") return pool.gpu?.count ?? 0;
  return (kind === "aws" ? AWS_GPU_INSTANCES : AZURE_GPU_VM_SIZES)[pool.machineType] ?? 0;
}

/** Node pool rules every cloud shares, plus the cloud's own GPU machine types. */
function checkNodePools(kind: "aws" | "gcp" | "azure", pools: NodePool[], ctx: Ctx) {
  if (!pools.some((p) => p.role === "system"))
    issue(
      ctx,
      ["nodePools"],
      "needs a pool with role system for the platform itself",
      pools.length,
      "add a pool with role: system",
    );
  const names = new Set<string>();
  pools.forEach((p, i) => {
    if (names.has(p.name))
      issue(
        ctx,
        ["nodePools", i, "name"],
        "duplicate pool name",
        p.name,
        "give each pool its own name",
      );
    names.add(p.name);
    if (p.minSize > p.maxSize)
      issue(
        ctx,
        ["nodePools", i, "minSize"],
        `must not exceed maxSize (${p.maxSize})`,
        p.minSize,
        "lower minSize or raise maxSize",
      );
    if (p.desiredSize !== undefined && (p.desiredSize < p.minSize || p.desiredSize > p.maxSize))
      issue(
        ctx,
        ["nodePools", i, "desiredSize"],
        `must be between minSize and maxSize (${p.minSize}-${p.maxSize})`,
        p.desiredSize,
        "change desiredSize",
      );
    const wrongCloud = wrongCloudSize(kind, "machine", p.machineType);
    if (wrongCloud)
      issue(
        ctx,
        ["nodePools", i, "machineType"],
        wrongCloud,
        p.machineType,
        "use one of the cluster's cloud, e.g.",
        [{ value: MACHINE_TYPE[kind].example }],
      );
    if (p.role === "system" && p.minSize < 1)
      issue(
        ctx,
        ["nodePools", i, "minSize"],
        "a system pool needs at least one node",
        p.minSize,
        "set minSize to 1 or more",
      );
    if (p.role !== "gpu") {
      if (p.gpu)
        issue(
          ctx,
          ["nodePools", i, "gpu"],
          'only applies to pools with role "gpu"',
          p.gpu,
          "remove it or set role: gpu",
        );
      return;
    }
    if (wrongCloud) return;
    if (kind === "aws" && !(p.machineType in AWS_GPU_INSTANCES))
      issue(
        ctx,
        ["nodePools", i, "machineType"],
        "is not an AWS instance type with NVIDIA GPUs",
        p.machineType,
        `use one of ${Object.keys(AWS_GPU_INSTANCES).slice(0, 6).join(", ")}, ...`,
      );
    if (kind === "azure" && !(p.machineType in AZURE_GPU_VM_SIZES))
      issue(
        ctx,
        ["nodePools", i, "machineType"],
        "is not an Azure VM size with NVIDIA GPUs",
        p.machineType,
        `use one of ${Object.keys(AZURE_GPU_VM_SIZES).slice(0, 4).join(", ")}, ...`,
      );
    if (kind === "gcp") {
      if (!p.gpu)
        issue(
          ctx,
          ["nodePools", i, "gpu"],
          "a GKE GPU pool needs an accelerator",
          undefined,
          "name the accelerator and how many each node has",
          [{ value: { type: "nvidia-l4", count: 1 } }],
        );
      else if (!(p.gpu.type in GCP_ACCELERATORS))
        issue(
          ctx,
          ["nodePools", i, "gpu", "type"],
          "is not a GKE NVIDIA accelerator type",
          p.gpu.type,
          `use one of ${Object.keys(GCP_ACCELERATORS).join(", ")}`,
        );
      else if (!GCP_ACCELERATORS[p.gpu.type].includes(p.machineType.split("-")[0]))
        issue(
          ctx,
          ["nodePools", i, "machineType"],
          `cannot carry ${p.gpu.type}`,
          p.machineType,
          `use a ${GCP_ACCELERATORS[p.gpu.type].join(" or ")} machine type`,
        );
    }
  });
}

const cidrFix = (example: string) => [{ value: example }];

/** AWS takes VPCs of /16 to /28 (CreateVpc), and the EKS layer carves 2 /20s per zone from it. */
function checkAwsVpcCidr(vpcCidr: string, zones: number, ctx: Ctx) {
  const prefix = prefixOf(vpcCidr);
  const network = networkOf(vpcCidr);
  if (prefix === undefined || network !== vpcCidr) return; // the field's own rules report it
  const [a, b] = vpcCidr.split(".");
  const fit = `${a}.${b}.0.0/16`;
  if (prefix < 16) {
    issue(
      ctx,
      ["network", "cidr"],
      "is larger than AWS allows for a VPC (/16 to /28)",
      vpcCidr,
      "use a /16",
      cidrFix(fit),
    );
    return;
  }
  const subnets = awsCarvedSubnets(vpcCidr, zones);
  const outside = subnetOutside(vpcCidr, subnets);
  if (zones > 8)
    issue(
      ctx,
      ["zones"],
      "the VPC layout has room for 8 zones (a /20 per zone for nodes and for load balancers in a /16)",
      zones,
      "list at most 8 zones",
    );
  else if (outside)
    issue(
      ctx,
      ["network", "cidr"],
      `is too small for the subnets the platform carves from it: ${zones} zones take ${subnets.length} /20s (${subnets[0]} to ${subnets[subnets.length - 1]}), and ${outside} is outside it`,
      vpcCidr,
      "use a /16",
      cidrFix(fit),
    );
}

/** GKE refuses overlapping node, pod, service and control-plane ranges, and a control plane that is not a /28. */
function checkGcpRanges(network: GcpCluster["network"], ctx: Ctx) {
  const { masterCidr } = network;
  if (prefixOf(masterCidr) !== undefined && prefixOf(masterCidr) !== 28)
    issue(
      ctx,
      ["network", "masterCidr"],
      "must be a /28 (GKE's control-plane range)",
      masterCidr,
      "use a /28",
      cidrFix("172.16.0.0/28"),
    );
  // An existing network brings its own node, pod and service ranges; the control plane's still counts.
  const keys = network.existingNetwork
    ? (["masterCidr"] as const)
    : (["cidr", "podsCidr", "servicesCidr", "masterCidr"] as const);
  for (const [first, second] of overlappingPairs(keys.map((k) => [k, network[k]])))
    issue(
      ctx,
      ["network", second],
      `overlaps network.${first} (${network[first as keyof typeof network]})`,
      network[second as keyof typeof network],
      "give each of cidr, podsCidr, servicesCidr and masterCidr its own range",
      cidrFix(GCP_EXAMPLE_RANGES[second as keyof typeof GCP_EXAMPLE_RANGES]),
    );
}
const GCP_EXAMPLE_RANGES = {
  cidr: "10.10.0.0/20",
  podsCidr: "10.20.0.0/14",
  servicesCidr: "10.24.0.0/20",
  masterCidr: "172.16.0.0/28",
};

/** The AKS layer carves a node /20 and a MySQL /24 from a new VNet; AKS's own ranges must stay clear. */
function checkAzureVnetCidr(vnetCidr: string, ctx: Ctx) {
  const carved = azureCarvedSubnets(vnetCidr);
  if (!carved || networkOf(vnetCidr) !== vnetCidr) return;
  const [a, b] = vnetCidr.split(".");
  const outside = subnetOutside(vnetCidr, [carved.nodes, carved.mysql]);
  if (outside)
    issue(
      ctx,
      ["network", "cidr"],
      `is too small for the subnets the platform carves from it (nodes ${carved.nodes}, MySQL ${carved.mysql}): ${outside} is outside it`,
      vnetCidr,
      "use a /16",
      cidrFix(`${a}.${b}.0.0/16`),
    );
  for (const [name, range] of Object.entries(AKS_DEFAULT_RANGES))
    if (cidrsOverlap(vnetCidr, range))
      issue(
        ctx,
        ["network", "cidr"],
        `overlaps AKS's default ${name === "serviceCidr" ? "service" : "pod"} range ${range}, which AKS refuses`,
        vnetCidr,
        "use a range clear of them",
        cidrFix("10.30.0.0/16"),
      );
}

const zonesField = (example: string[]) =>
  z
    .array(z.string().min(1))
    .min(2, {
      error: "needs at least two zones, for a control plane and nodes that survive a zone",
    })
    .superRefine((zones, ctx) => {
      // A zone listed twice is one zone: the cluster would not survive losing it.
      zones.forEach((zone, i) => {
        if (zones.indexOf(zone) !== i)
          issue(ctx, [i], "is listed twice", zone, "list each zone once (two or more zones)");
      });
    })
    .meta({ description: "Zones for the nodes (two or more).", examples: [example] });

const admins = (example: string) =>
  z
    .array(z.string().min(1))
    .default([])
    .meta({ description: "Who gets cluster-admin.", examples: [[example]] });

// Both guards, Pulumi's protect and the cloud's own deletion protection, follow this one switch, so
// a teardown is: set it false, `pulumi up`, `pulumi destroy` (docs/<cloud>.md, "Teardown").
const deletionProtectionField = {
  deletionProtection: z
    .boolean()
    .default(true)
    .meta({
      description:
        "Protect the cluster, its network, the managed database and the bucket: Pulumi protect plus the cloud's deletion protection where the resource has one. Set false and run pulumi up before pulumi destroy.",
      examples: [false],
    }),
};

const storageFields = {
  rwxStorageClass: z
    .boolean()
    .default(false)
    .meta({
      description:
        "Also create a ReadWriteMany StorageClass (EFS, Filestore, Azure Files) for shared notebook volumes.",
      examples: [true],
    }),
};

const apiAccess = z
  .strictObject({
    publicEndpoint: z.boolean().default(true),
    allowedCidrs: z.array(cidr()).default(["0.0.0.0/0"]),
  })
  .prefault({})
  .meta({ description: "Who reaches the Kubernetes API. Nodes are always private." });

export const AwsClusterSchema = z
  .strictObject({
    kind: z.literal("aws"),
    region: z
      .string()
      .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { error: "must be an AWS region such as eu-west-1" }),
    zones: zonesField(["eu-west-1a", "eu-west-1b"]),
    kubernetesVersion: kubernetesMinorVersion().meta({ examples: ["1.34"] }),
    network: z
      .strictObject({
        cidr: cidr().default("10.0.0.0/16"),
        vpcId: z
          .string()
          .regex(/^vpc-[0-9a-f]+$/)
          .optional(),
        privateSubnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]+$/)).optional(),
      })
      .prefault({})
      .meta({
        description: "A new VPC from cidr, or an existing one (vpcId and privateSubnetIds).",
      }),
    apiAccess,
    admins: admins("arn:aws:iam::123456789012:role/platform-admins"),
    nodePools: z.array(NodePoolSchema).min(1),
    ...storageFields,
    ...deletionProtectionField,
  })
  .superRefine((c, ctx) => {
    checkNodePools("aws", c.nodePools, ctx);
    // The cluster autoscaler supports only its own Kubernetes minor (components/versions.ts).
    const minors = Object.keys(clusterAutoscalerReleases);
    if (!minors.includes(c.kubernetesVersion))
      issue(
        ctx,
        ["kubernetesVersion"],
        `has no cluster-autoscaler release pinned (pinned minors: ${minors.join(", ")})`,
        c.kubernetesVersion,
        `use a pinned minor: pulumi config set --path 'kubeflow-platform:platform.cluster.kubernetesVersion' --type string ${minors[minors.length - 1]}`,
      );
    c.zones.forEach((zone, i) => {
      if (!new RegExp(`^${c.region}[a-z]$`).test(zone))
        issue(
          ctx,
          ["zones", i],
          `is not a zone of region ${c.region}`,
          zone,
          `use zones like ${c.region}a`,
        );
    });
    const { vpcId, privateSubnetIds } = c.network;
    if (vpcId === undefined) checkAwsVpcCidr(c.network.cidr, c.zones.length, ctx);
    if ((vpcId === undefined) !== (privateSubnetIds === undefined))
      issue(
        ctx,
        ["network", vpcId ? "privateSubnetIds" : "vpcId"],
        "an existing VPC needs both vpcId and privateSubnetIds",
        undefined,
        "set both, or neither to create a VPC",
      );
    else if (privateSubnetIds && privateSubnetIds.length < 2)
      issue(
        ctx,
        ["network", "privateSubnetIds"],
        "needs subnets in at least two zones",
        privateSubnetIds,
        "list two or more private subnets",
      );
  })
  .meta({ description: "An EKS cluster the platform creates (with its VPC unless given one)." });

export const GcpClusterSchema = z
  .strictObject({
    kind: z.literal("gcp"),
    project: z
      .string()
      .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, { error: "must be a GCP project id" }),
    region: z
      .string()
      .regex(/^[a-z]+-[a-z]+\d$/, { error: "must be a GCP region such as europe-west4" }),
    zones: zonesField(["europe-west4-a", "europe-west4-b"]),
    kubernetesVersion: kubernetesMinorVersion().meta({ examples: ["1.34"] }),
    network: z
      .strictObject({
        cidr: cidr().default("10.10.0.0/20"),
        podsCidr: cidr().default("10.20.0.0/14"),
        servicesCidr: cidr().default("10.24.0.0/20"),
        masterCidr: cidr().default("172.16.0.0/28"),
        existingNetwork: z.string().min(1).optional().meta({
          description:
            "Use this VPC (self link or id) instead of creating one; it must provide egress (Cloud NAT).",
        }),
        existingSubnetwork: z.string().min(1).optional().meta({
          description:
            "The node subnetwork of existingNetwork, with secondary ranges named pods and services.",
        }),
      })
      .prefault({})
      .meta({
        description:
          "A new VPC from the CIDRs, or an existing one (existingNetwork and existingSubnetwork).",
      }),
    apiAccess,
    admins: admins("group:platform-admins@example.com"),
    nodePools: z.array(NodePoolSchema).min(1),
    ...storageFields,
    ...deletionProtectionField,
  })
  .superRefine((c, ctx) => {
    checkNodePools("gcp", c.nodePools, ctx);
    checkGcpRanges(c.network, ctx);
    const { existingNetwork, existingSubnetwork } = c.network;
    if ((existingNetwork === undefined) !== (existingSubnetwork === undefined))
      issue(
        ctx,
        ["network", existingNetwork ? "existingSubnetwork" : "existingNetwork"],
        "an existing network needs both existingNetwork and existingSubnetwork",
        undefined,
        "set both, or neither to create a network",
      );
    c.zones.forEach((zone, i) => {
      if (!new RegExp(`^${c.region}-[a-z]$`).test(zone))
        issue(
          ctx,
          ["zones", i],
          `is not a zone of region ${c.region}`,
          zone,
          `use zones like ${c.region}-a`,
        );
    });
  })
  .meta({ description: "A GKE cluster (regional, private nodes, Workload Identity)." });

export const AzureClusterSchema = z
  .strictObject({
    kind: z.literal("azure"),
    location: z
      .string()
      .regex(/^[a-z]+[a-z0-9]*$/, { error: "must be an Azure location such as westeurope" }),
    zones: zonesField(["1", "2", "3"]).pipe(
      z.array(z.enum(["1", "2", "3"], { error: 'Azure zones are "1", "2" and "3"' })),
    ),
    kubernetesVersion: kubernetesMinorVersion().meta({ examples: ["1.34"] }),
    network: z
      .strictObject({
        cidr: cidr().default("10.30.0.0/16"),
        existingNodeSubnetId: z
          .string()
          .regex(/^\/subscriptions\/.+\/subnets\/[^/]+$/i, {
            error: "must be a subnet resource id",
          })
          .optional()
          .meta({ description: "Put the nodes in this existing subnet instead of a new VNet." }),
        existingMysqlSubnetId: z
          .string()
          .regex(/^\/subscriptions\/.+\/subnets\/[^/]+$/i, {
            error: "must be a subnet resource id",
          })
          .optional()
          .meta({
            description:
              "With existingNodeSubnetId and a managed database: a subnet of the same VNet delegated to Microsoft.DBforMySQL/flexibleServers.",
          }),
      })
      .prefault({})
      .meta({ description: "A new VNet from cidr, or an existing one (existingNodeSubnetId)." }),
    apiAccess,
    admins: admins("00000000-0000-0000-0000-000000000000"),
    kubeloginMode: z
      .enum(["azurecli", "workloadidentity", "spn"], {
        error: 'must be "azurecli", "workloadidentity" or "spn"',
      })
      .default("azurecli")
      .meta({
        description:
          "How the kubeconfig's kubelogin signs in, without a human: azurecli (the az login session), workloadidentity (AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE, as in CI with OIDC) or spn (AAD_SERVICE_PRINCIPAL_CLIENT_ID and AAD_SERVICE_PRINCIPAL_CLIENT_SECRET).",
        examples: ["workloadidentity"],
      }),
    deployerPrincipalType: z
      .enum(["User", "ServicePrincipal"], { error: 'must be "User" or "ServicePrincipal"' })
      .optional()
      .meta({
        description:
          "What the identity running Pulumi is, for its cluster-admin role assignment (Azure refuses a wrong type). @default ServicePrincipal with kubeloginMode spn or workloadidentity, User with azurecli (set ServicePrincipal when az is logged in as one)",
        examples: ["ServicePrincipal"],
      }),
    nodePools: z.array(NodePoolSchema).min(1),
    ...storageFields,
    ...deletionProtectionField,
  })
  .superRefine((c, ctx) => {
    checkNodePools("azure", c.nodePools, ctx);
    if (!c.network.existingNodeSubnetId) checkAzureVnetCidr(c.network.cidr, ctx);
  })
  .meta({ description: "An AKS cluster (private nodes, Workload Identity, Entra ID admins)." });

export type AwsCluster = z.output<typeof AwsClusterSchema>;
export type GcpCluster = z.output<typeof GcpClusterSchema>;
export type AzureCluster = z.output<typeof AzureClusterSchema>;
