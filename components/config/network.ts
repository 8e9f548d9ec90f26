// CIDR arithmetic for the config rules, with ip-address (no hand-written bit maths): the network
// address of a CIDR, containment and overlap, and the subnets the cloud layers carve from a new
// network, so a network too small for them, or ranges that overlap, fail before anything exists.
import { Address4 } from "ip-address";

/** Parse an IPv4 CIDR, or undefined when it is not one (the field's own format rule reports it). */
function parse(cidr: string): Address4 | undefined {
  return Address4.isValid(cidr) && cidr.includes("/") ? new Address4(cidr) : undefined;
}

/** The CIDR with its host bits cleared, e.g. 10.0.0.1/16 → 10.0.0.0/16. Pure. */
export function networkOf(cidr: string): string | undefined {
  return parse(cidr)?.networkForm();
}

/** The prefix length of a CIDR (16 for 10.0.0.0/16). Pure. */
export function prefixOf(cidr: string): number | undefined {
  return parse(cidr)?.subnetMask;
}

/** Whether `inner` lies wholly inside `outer`. Pure. */
export function cidrContains(outer: string, inner: string): boolean {
  const o = parse(outer);
  const i = parse(inner);
  return Boolean(o && i && i.isInSubnet(o));
}

/** Whether two CIDRs share an address (one holds the other, since CIDRs are aligned). Pure. */
export function cidrsOverlap(a: string, b: string): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

/** The `index`-th block of `prefix` bits counted from `base` (an address). Pure. */
function block(base: Address4, prefix: number, index: number): string {
  const start = base.bigInt() + BigInt(index) * (1n << BigInt(32 - prefix));
  return `${Address4.fromBigInt(start).correctForm()}/${prefix}`;
}

/**
 * The subnets the EKS layer carves from a new VPC (components/cluster/aws/network.ts, subnetCidrs): from
 * the VPC's first two octets, a /20 per zone for the nodes from the first /20 on, and one per zone
 * for the load balancers from the ninth. A test holds this to that function. Pure.
 */
export function awsCarvedSubnets(vpcCidr: string, zones: number): string[] {
  const vpc = parse(vpcCidr);
  if (!vpc) return [];
  const [a, b] = vpc.toArray();
  const base = new Address4(`${a}.${b}.0.0`);
  return [
    ...Array.from({ length: zones }, (_, i) => block(base, 20, i)),
    ...Array.from({ length: zones }, (_, i) => block(base, 20, 8 + i)),
  ];
}

/**
 * The subnets the AKS layer carves from a new VNet (components/cluster/azure.ts): the nodes' /20 at
 * the VNet's first two octets, and the /24 after it delegated to MySQL flexible servers. Pure.
 */
export function azureCarvedSubnets(vnetCidr: string): { nodes: string; mysql: string } | undefined {
  const vnet = parse(vnetCidr);
  if (!vnet) return undefined;
  const [a, b] = vnet.toArray();
  return { nodes: `${a}.${b}.0.0/20`, mysql: `${a}.${b}.16.0/24` };
}

/**
 * Ranges AKS uses inside the cluster when none are set, which our AKS cluster does not set: the
 * service range (10.0.0.0/16, AKS's documented default service CIDR) and, with Azure CNI overlay,
 * the pod range (10.244.0.0/16, the overlay default). A VNet that overlaps either is refused.
 */
export const AKS_DEFAULT_RANGES = { serviceCidr: "10.0.0.0/16", podCidr: "10.244.0.0/16" };

/** The first carved subnet that leaves the network, if any. Pure. */
export function subnetOutside(network: string, subnets: string[]): string | undefined {
  return subnets.find((s) => !cidrContains(network, s));
}

/** Pairs of named ranges that overlap, each pair once, in the order given. Pure. */
export function overlappingPairs(ranges: [string, string][]): [string, string][] {
  const out: [string, string][] = [];
  ranges.forEach(([na, a], i) =>
    ranges.slice(i + 1).forEach(([nb, b]) => {
      if (cidrsOverlap(a, b)) out.push([na, nb]);
    }),
  );
  return out;
}
