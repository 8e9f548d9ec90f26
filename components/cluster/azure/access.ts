// Azure role assignments the cluster needs. With local accounts disabled and Azure RBAC, the
// identity running Pulumi is no cluster admin by being the creator: it gets "Azure Kubernetes
// Service RBAC Cluster Admin" on the cluster, or the Kubernetes provider is refused. The cluster's
// system-assigned identity gets "Network Contributor" on the node subnet (internal load balancers,
// Azure Files NFS private endpoints): AKS adds it itself only when created by the Azure CLI.
import * as authorization from "@pulumi/azure-native/authorization";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as pulumi from "@pulumi/pulumi";
import { AzureCluster } from "../../config/clusters";
import { ChildOptions } from "../childOptions";

/**
 * Built-in role definition ids (the same in every tenant). AKS RBAC Cluster Admin checked in
 * Azure's built-in roles list (Containers: b1ff04bb-…, "Lets you manage all resources in the
 * cluster"); Network Contributor from the same list (Networking).
 */
export const AZURE_ROLES = {
  aksRbacClusterAdmin: "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b",
  networkContributor: "4d97b98b-1d4f-4787-a291-c67834d212e7",
};

/** A built-in role's definition id in a subscription. Pure. */
export function roleDefinitionId(subscriptionId: string, role: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role}`;
}

/**
 * The deployer's principal type. azure-native sends "User" when none is given, and Azure refuses a
 * type that does not match the principal: service principals (spn, workload identity) say so. Pure.
 */
export function deployerPrincipalType(
  c: Pick<AzureCluster, "kubeloginMode" | "deployerPrincipalType">,
): "User" | "ServicePrincipal" {
  return c.deployerPrincipalType ?? (c.kubeloginMode === "azurecli" ? "User" : "ServicePrincipal");
}

export function aksRoleAssignments(
  name: string,
  c: AzureCluster,
  cluster: containerservice.ManagedCluster,
  nodeSubnetId: pulumi.Input<string>,
  opts: ChildOptions,
): authorization.RoleAssignment[] {
  const client = authorization.getClientConfigOutput();
  const deployerAdmin = new authorization.RoleAssignment(
    `${name}-deployer-cluster-admin`,
    {
      principalId: client.objectId,
      principalType: deployerPrincipalType(c),
      roleDefinitionId: client.subscriptionId.apply((s) =>
        roleDefinitionId(s, AZURE_ROLES.aksRbacClusterAdmin),
      ),
      scope: cluster.id,
    },
    opts,
  );
  const subnetAccess = new authorization.RoleAssignment(
    `${name}-subnet-network-contributor`,
    {
      principalId: cluster.identity.apply((i) => i?.principalId ?? ""),
      principalType: "ServicePrincipal",
      roleDefinitionId: client.subscriptionId.apply((s) =>
        roleDefinitionId(s, AZURE_ROLES.networkContributor),
      ),
      scope: nodeSubnetId,
    },
    opts,
  );
  return [deployerAdmin, subnetAccess];
}
