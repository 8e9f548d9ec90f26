// The CIDR rules' arithmetic (ip-address) and the subnets they expect the cloud layers to carve:
// held to what those layers really carve, so a change there cannot leave the rules behind.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { subnetCidrs } from "../../components/cluster/aws/network";
import {
  awsCarvedSubnets,
  azureCarvedSubnets,
  cidrContains,
  cidrsOverlap,
  networkOf,
  overlappingPairs,
} from "../../components/config/network";
import { evaluatePlatform } from "../../components/plan/evaluate";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";

describe("CIDR arithmetic", () => {
  it("finds the network address of a CIDR with host bits set", () => {
    expect(networkOf("10.0.0.1/16")).toBe("10.0.0.0/16");
    expect(networkOf("192.168.7.200/21")).toBe("192.168.0.0/21");
    expect(networkOf("10.0.0.0/16")).toBe("10.0.0.0/16");
    expect(networkOf("10.0.0.0")).toBeUndefined();
  });

  it("tells containment and overlap", () => {
    expect(cidrContains("10.0.0.0/16", "10.0.16.0/20")).toBe(true);
    expect(cidrContains("10.0.0.0/17", "10.0.128.0/20")).toBe(false);
    expect(cidrsOverlap("10.8.0.0/14", "10.10.0.0/20")).toBe(true);
    expect(cidrsOverlap("10.20.0.0/14", "10.24.0.0/20")).toBe(false);
    expect(
      overlappingPairs([
        ["a", "10.0.0.0/8"],
        ["b", "10.1.0.0/16"],
        ["c", "172.16.0.0/28"],
      ]),
    ).toEqual([["a", "b"]]);
  });
});

describe("the subnets the cloud layers carve", () => {
  it("AWS: the rule's subnets are subnetCidrs' for any /16 VPC and zone count", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 2, max: 8 }),
        (a, b, zones) => {
          const vpc = `${a}.${b}.0.0/16`;
          const carved = subnetCidrs(vpc, zones);
          expect(awsCarvedSubnets(vpc, zones)).toEqual([...carved.private, ...carved.public]);
          expect(awsCarvedSubnets(vpc, zones).every((s) => cidrContains(vpc, s))).toBe(true);
        },
      ),
    );
  });

  it("Azure: the rule's subnets are the ones the AKS layer registers", async () => {
    const raw = readStackPlatformConfig("azure-dev") as {
      cluster: { network?: { cidr?: string } };
    };
    const regs = await evaluatePlatform("azure-dev", raw);
    const prefixes = regs
      .filter((r) => r.type === "azure-native:network:Subnet")
      .map((r) => r.inputs.addressPrefix)
      .sort();
    const carved = azureCarvedSubnets(raw.cluster.network?.cidr ?? "10.30.0.0/16")!;
    expect(prefixes).toEqual([carved.nodes, carved.mysql].sort());
  });
});
