// cluster.kind "gcp": a regional GKE cluster with private nodes and Workload Identity. The fields,
// then the rules: node pools, the network's ranges, an existing network's two halves and the zones.
import { z } from "zod";
import { cidr, kubernetesMinorVersion } from "../fields";
import { RuleCtx, issue } from "../issue";
import { overlappingPairs, prefixOf } from "../network";
import {
  admins,
  apiAccess,
  cidrFix,
  deletionProtectionField,
  storageFields,
  zonesField,
} from "./cloudFields";
import { NodePoolSchema, checkNodePools } from "./nodePools";

const GcpClusterFields = z.strictObject({
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
});
export const GcpClusterSchema = GcpClusterFields.superRefine(checkGcpCluster).meta({
  description: "A GKE cluster (regional, private nodes, Workload Identity).",
});
export type GcpCluster = z.output<typeof GcpClusterSchema>;

/** The GKE cluster's rules: its pools, its ranges, an existing network whole, zones of its region. */
function checkGcpCluster(c: z.output<typeof GcpClusterFields>, ctx: RuleCtx) {
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
}

/** GKE refuses overlapping node, pod, service and control-plane ranges, and a control plane that is not a /28. */
function checkGcpRanges(network: GcpCluster["network"], ctx: RuleCtx) {
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
