// The AKS network: a resource group and a new VNet with a node subnet whose egress is a NAT
// gateway we create (AKS refuses its managed NAT gateway on a custom subnet), or the user's subnet,
// whose egress stays the cluster's load balancer (or the user's own NAT, docs/azure.md).
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import { AzureCluster } from "../../config/clusters";
import { ChildOptions } from "../childOptions";

export type AksOutboundType = "userAssignedNATGateway" | "loadBalancer";

export interface AksNetwork {
  group: resources.ResourceGroup;
  vnetId: pulumi.Input<string>;
  nodeSubnetId: pulumi.Input<string>;
  /** The VNet and node subnet we created (undefined in the user's subnet). */
  created?: { vnet: network.VirtualNetwork; nodes: network.Subnet };
  outboundType: AksOutboundType;
}

/**
 * The cluster's egress. managedNATGateway is refused with a custom VNet subnet (AKS's "egress
 * outbound type" docs: the managed NAT gateway is for an AKS-managed VNet): our VNet gets a NAT
 * gateway of ours on its node subnet (userAssignedNATGateway); an existing subnet keeps the load
 * balancer, since we cannot know whether the user associated a NAT gateway with it. Pure.
 */
export function aksOutboundType(c: Pick<AzureCluster, "network">): AksOutboundType {
  return c.network.existingNodeSubnetId ? "loadBalancer" : "userAssignedNATGateway";
}

/** The first two octets of the VNet range, for the subnets carved from it. Pure. */
export function vnetPrefix(cidr: string): string {
  const [a, b] = cidr.split("/")[0].split(".").map(Number);
  return `${a}.${b}`;
}

export function aksNetwork(
  name: string,
  clusterName: string,
  c: AzureCluster,
  opts: ChildOptions,
): AksNetwork {
  const location = c.location;
  const protect = c.deletionProtection;
  const group = new resources.ResourceGroup(
    `${name}-group`,
    { resourceGroupName: clusterName, location },
    { ...opts, protect },
  );
  const outboundType = aksOutboundType(c);
  if (c.network.existingNodeSubnetId)
    return {
      group,
      nodeSubnetId: c.network.existingNodeSubnetId,
      vnetId: c.network.existingNodeSubnetId.replace(/\/subnets\/[^/]+$/i, ""),
      outboundType,
    };
  const vnet = new network.VirtualNetwork(
    `${name}-vnet`,
    {
      resourceGroupName: group.name,
      location,
      addressSpace: { addressPrefixes: [c.network.cidr] },
    },
    { ...opts, protect, ignoreChanges: ["subnets"] },
  );
  const egressIp = new network.PublicIPAddress(
    `${name}-egress-ip`,
    {
      resourceGroupName: group.name,
      location,
      sku: { name: "Standard" },
      publicIPAllocationMethod: "Static",
    },
    opts,
  );
  const nat = new network.NatGateway(
    `${name}-nat`,
    {
      resourceGroupName: group.name,
      location,
      sku: { name: "Standard" },
      publicIpAddresses: [{ id: egressIp.id }],
      idleTimeoutInMinutes: 4,
    },
    opts,
  );
  const nodes = new network.Subnet(
    `${name}-nodes`,
    {
      resourceGroupName: group.name,
      virtualNetworkName: vnet.name,
      addressPrefix: `${vnetPrefix(c.network.cidr)}.0.0/20`,
      natGateway: { id: nat.id },
    },
    opts,
  );
  return { group, vnetId: vnet.id, nodeSubnetId: nodes.id, created: { vnet, nodes }, outboundType };
}
