// The GKE network: the user's VPC, or a new one with one node subnet (pods and services as
// secondary ranges) and Cloud NAT for the private nodes' egress.
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ChildOptions } from "../childOptions";
import { GcpCluster } from "../../config/clusters";

export interface GkeNetwork {
  networkId: pulumi.Input<string>;
  subnetId: pulumi.Input<string>;
}

export function gkeNetwork(
  name: string,
  clusterName: string,
  c: GcpCluster,
  opts: ChildOptions,
): GkeNetwork {
  const { project, region } = c;
  if (c.network.existingNetwork && c.network.existingSubnetwork)
    return { networkId: c.network.existingNetwork, subnetId: c.network.existingSubnetwork };
  const network = new gcp.compute.Network(
    `${name}-network`,
    { project, name: clusterName, autoCreateSubnetworks: false },
    { ...opts, protect: c.deletionProtection },
  );
  const subnet = new gcp.compute.Subnetwork(
    `${name}-nodes`,
    {
      project,
      region,
      network: network.id,
      ipCidrRange: c.network.cidr,
      privateIpGoogleAccess: true,
      secondaryIpRanges: [
        { rangeName: "pods", ipCidrRange: c.network.podsCidr },
        { rangeName: "services", ipCidrRange: c.network.servicesCidr },
      ],
    },
    opts,
  );
  const router = new gcp.compute.Router(
    `${name}-router`,
    { project, region, network: network.id },
    opts,
  );
  new gcp.compute.RouterNat(
    `${name}-nat`,
    {
      project,
      region,
      router: router.name,
      natIpAllocateOption: "AUTO_ONLY",
      sourceSubnetworkIpRangesToNat: "ALL_SUBNETWORKS_ALL_IP_RANGES",
    },
    opts,
  );
  return { networkId: network.id, subnetId: subnet.id };
}
