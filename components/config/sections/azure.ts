// cluster.kind "azure": an AKS cluster with private nodes, Workload Identity and Entra ID admins. The
// fields, then the rules: node pools and the new VNet's CIDR. (A managed database in an existing
// VNet needs a delegated subnet: that rule spans cluster and database, so it is in ../rules.ts.)
import { z } from "zod";
import { cidr, kubernetesMinorVersion } from "../fields";
import { RuleCtx, issue } from "../issue";
import {
  AKS_DEFAULT_RANGES,
  azureCarvedSubnets,
  cidrsOverlap,
  networkOf,
  subnetOutside,
} from "../network";
import {
  admins,
  apiAccess,
  cidrFix,
  deletionProtectionField,
  storageFields,
  zonesField,
} from "./cloudFields";
import { NodePoolSchema, checkNodePools } from "./nodePools";

const AzureClusterFields = z.strictObject({
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
});
export const AzureClusterSchema = AzureClusterFields.superRefine(checkAzureCluster).meta({
  description: "An AKS cluster (private nodes, Workload Identity, Entra ID admins).",
});
export type AzureCluster = z.output<typeof AzureClusterSchema>;

/** The AKS cluster's rules: its pools, and a new VNet that holds the subnets carved from it. */
function checkAzureCluster(c: z.output<typeof AzureClusterFields>, ctx: RuleCtx) {
  checkNodePools("azure", c.nodePools, ctx);
  if (!c.network.existingNodeSubnetId) checkAzureVnetCidr(c.network.cidr, ctx);
}

/** The AKS layer carves a node /20 and a MySQL /24 from a new VNet; AKS's own ranges must stay clear. */
function checkAzureVnetCidr(vnetCidr: string, ctx: RuleCtx) {
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
