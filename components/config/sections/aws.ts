// cluster.kind "aws": an EKS cluster the platform creates, with its VPC unless given one. The fields,
// then the rules: node pools, the autoscaler's pinned minors, zones of the region and the VPC CIDR.
import { z } from "zod";
import { clusterAutoscalerReleases } from "../../versions";
import { cidr, kubernetesMinorVersion } from "../fields";
import { RuleCtx, issue } from "../issue";
import { awsCarvedSubnets, networkOf, prefixOf, subnetOutside } from "../network";
import {
  admins,
  apiAccess,
  cidrFix,
  deletionProtectionField,
  storageFields,
  zonesField,
} from "./cloudFields";
import { NodePoolSchema, checkNodePools } from "./nodePools";

const AwsClusterFields = z.strictObject({
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
});
export const AwsClusterSchema = AwsClusterFields.superRefine(checkAwsCluster).meta({
  description: "An EKS cluster the platform creates (with its VPC unless given one).",
});
export type AwsCluster = z.output<typeof AwsClusterSchema>;

/** The EKS cluster's rules: its pools, a pinned autoscaler, zones of its region, its VPC. */
function checkAwsCluster(c: z.output<typeof AwsClusterFields>, ctx: RuleCtx) {
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
}

/** AWS takes VPCs of /16 to /28 (CreateVpc), and the EKS layer carves 2 /20s per zone from it. */
function checkAwsVpcCidr(vpcCidr: string, zones: number, ctx: RuleCtx) {
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
