// The AKS control plane: Entra ID admins with Azure RBAC and no local accounts, OIDC issuer and
// Workload Identity, Azure CNI overlay with the egress the network chose, the system pool inside
// the cluster resource; and its kubeconfig, signing in without a human.
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as pulumi from "@pulumi/pulumi";
import { AzureCluster } from "../../config/clusters";
import { ChildOptions } from "../childOptions";
import { nonInteractiveKubeconfig } from "./kubeconfig";
import { AksNetwork } from "./network";
import { aksAgentPoolName, aksPoolSettings } from "./nodePools";

export function aksControlPlane(
  name: string,
  clusterName: string,
  c: AzureCluster,
  net: AksNetwork,
  opts: ChildOptions,
): containerservice.ManagedCluster {
  const system = c.nodePools.find((p) => p.role === "system")!;
  return new containerservice.ManagedCluster(
    `${name}-aks`,
    {
      resourceGroupName: net.group.name,
      resourceName: clusterName,
      location: c.location,
      dnsPrefix: clusterName,
      kubernetesVersion: c.kubernetesVersion,
      identity: { type: "SystemAssigned" },
      enableRBAC: true,
      disableLocalAccounts: true,
      aadProfile: { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: c.admins },
      oidcIssuerProfile: { enabled: true },
      securityProfile: { workloadIdentity: { enabled: true } },
      apiServerAccessProfile: c.apiAccess.publicEndpoint
        ? { authorizedIPRanges: c.apiAccess.allowedCidrs.filter((r) => r !== "0.0.0.0/0") }
        : { enablePrivateCluster: true },
      networkProfile: {
        networkPlugin: "azure",
        networkPluginMode: "overlay",
        outboundType: net.outboundType,
        loadBalancerSku: "standard",
      },
      agentPoolProfiles: [
        {
          name: aksAgentPoolName(system),
          vnetSubnetID: net.nodeSubnetId,
          ...aksPoolSettings(system, c.zones),
        },
      ],
      storageProfile: { fileCSIDriver: { enabled: true }, diskCSIDriver: { enabled: true } },
    },
    // The autoscaler owns the system pool's count once it exists.
    {
      ...opts,
      protect: c.deletionProtection,
      ignoreChanges: ["agentPoolProfiles[0].count"],
    },
  );
}

/** The cluster's kubeconfig (secret), its kubelogin user in the configured login mode. */
export function aksKubeconfig(
  cluster: containerservice.ManagedCluster,
  group: pulumi.Input<string>,
  mode: AzureCluster["kubeloginMode"],
): pulumi.Output<string> {
  const creds = containerservice.listManagedClusterUserCredentialsOutput({
    resourceGroupName: group,
    resourceName: cluster.name,
    format: "exec",
  });
  return pulumi.secret(
    creds.kubeconfigs.apply((k) =>
      nonInteractiveKubeconfig(Buffer.from(k[0].value, "base64").toString("utf8"), mode),
    ),
  );
}
