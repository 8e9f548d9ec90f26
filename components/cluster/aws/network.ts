// The cluster's network: a VPC with a private and a public subnet per zone, one NAT gateway for
// egress and subnet tags for load balancers; or the user's VPC, used as it is.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsCluster } from "../../config/clusters";
import { EksScope } from "./scope";

/**
 * An NLB in front of the ingress gateway, made by the cloud provider built into EKS (the AWS Load
 * Balancer Controller is not installed; with it, set the "external" type in ingress.serviceAnnotations).
 */
export const AWS_INGRESS_ANNOTATIONS = {
  "service.beta.kubernetes.io/aws-load-balancer-type": "nlb",
  "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled": "true",
};

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

export interface EksNetwork {
  vpcId: pulumi.Input<string>;
  /** Where nodes, the control plane's interfaces, the database and EFS live. */
  privateSubnetIds: pulumi.Input<string>[];
  /** The VPC's CIDR: the database and EFS accept connections from it only. */
  vpcCidr: string;
}

/** The user's VPC (network.vpcId and privateSubnetIds; network.cidr is then its CIDR), or a new one. */
export function eksNetwork(scope: EksScope, c: AwsCluster): EksNetwork {
  const { vpcId, privateSubnetIds, cidr } = c.network;
  if (vpcId && privateSubnetIds) return { vpcId, privateSubnetIds, vpcCidr: cidr };
  return newVpc(scope, c);
}

function newVpc(scope: EksScope, c: AwsCluster): EksNetwork {
  const { name, tags } = scope;
  const parent = { parent: scope.parent };
  const vpc = new aws.ec2.Vpc(
    `${name}-vpc`,
    {
      cidrBlock: c.network.cidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { ...tags, Name: scope.clusterName },
    },
    { ...parent, protect: scope.protect },
  );
  const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags }, parent);
  const cidrs = subnetCidrs(c.network.cidr, c.zones.length);
  const subnet = (kind: "public" | "private", zone: string, i: number) =>
    new aws.ec2.Subnet(
      `${name}-${kind}-${zone}`,
      {
        vpcId: vpc.id,
        cidrBlock: cidrs[kind][i],
        availabilityZone: zone,
        ...(kind === "public" ? { mapPublicIpOnLaunch: false } : {}),
        // Where load balancers go: internet-facing in public subnets, internal in private ones.
        tags: {
          ...tags,
          [kind === "public" ? "kubernetes.io/role/elb" : "kubernetes.io/role/internal-elb"]: "1",
        },
      },
      parent,
    );
  const publicSubnets = c.zones.map((zone, i) => subnet("public", zone, i));
  const privateSubnets = c.zones.map((zone, i) => subnet("private", zone, i));
  const eip = new aws.ec2.Eip(`${name}-nat-ip`, { domain: "vpc", tags }, parent);
  const nat = new aws.ec2.NatGateway(
    `${name}-nat`,
    { allocationId: eip.id, subnetId: publicSubnets[0].id, tags },
    { ...parent, dependsOn: [igw] },
  );
  const routes = (kind: "public" | "private", route: aws.types.input.ec2.RouteTableRoute) =>
    new aws.ec2.RouteTable(
      `${name}-${kind}-routes`,
      { vpcId: vpc.id, routes: [route], tags },
      parent,
    );
  const publicRoutes = routes("public", { cidrBlock: "0.0.0.0/0", gatewayId: igw.id });
  const privateRoutes = routes("private", { cidrBlock: "0.0.0.0/0", natGatewayId: nat.id });
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
  return {
    vpcId: vpc.id,
    privateSubnetIds: privateSubnets.map((s) => s.id),
    vpcCidr: c.network.cidr,
  };
}
