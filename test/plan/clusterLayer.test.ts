// A cluster stack on its own (layers: cluster) and a platform stack that reads its kubeconfig and
// facts by StackReference (clusterStack).
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../components/config/errors";
import { parsePlatformConfig } from "../../components/config/load";
import { evaluatePlatform, referencedStackOutputs } from "../../components/plan/evaluate";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import { byName } from "../mocks";

describe("a cluster stack", () => {
  it("registers only the cluster layer", async () => {
    const regs = await evaluatePlatform(
      "cluster-aws-prod",
      readStackPlatformConfig("cluster-aws-prod"),
    );
    expect(regs.filter((r) => r.parent === "").map((r) => r.name)).toEqual(["cluster"]);
    expect(regs.some((r) => r.type === "aws:eks/cluster:Cluster")).toBe(true);
    // Only the cluster's own add-ons (autoscaler, device plugin) are charts here.
    const charts = regs.filter((r) => r.type.startsWith("kubernetes:helm.sh")).map((r) => r.name);
    expect(charts.sort()).toEqual([
      "cluster-cluster-autoscaler-chart",
      "cluster-nvidia-device-plugin",
    ]);
  });

  it("exports a kubeconfig and the facts a platform stack needs", () => {
    const out = referencedStackOutputs("organization/kubeflow-platform/cluster-aws-prod");
    expect(out.kubeconfig).toEqual(expect.any(String));
    expect(out.clusterFacts).toMatchObject({
      storageClass: "gp3",
      gpuPools: [expect.objectContaining({ name: "gpu-a100", gpusPerNode: 8, maxNodes: 2 })],
      managedDatabase: expect.objectContaining({ adminUser: "kfadmin" }),
      managedObjectStore: expect.objectContaining({ host: "s3.us-east-1.amazonaws.com" }),
    });
  });
});

describe("a platform stack on a cluster stack", () => {
  it("creates no cluster, uses the exported kubeconfig, and wires the managed services", async () => {
    const regs = await evaluatePlatform(
      "platform-aws-prod",
      readStackPlatformConfig("platform-aws-prod"),
    );
    expect(regs.some((r) => r.type.startsWith("aws:"))).toBe(false);
    const provider = byName(regs, "cluster-k8s");
    expect(provider.inputs).toMatchObject({
      kubeconfig: "[secret]",
      clusterIdentifier: "aws-cluster",
    });
    expect(byName(regs, "mysql-service").inputs.spec).toEqual({
      type: "ExternalName",
      externalName: "mysql.managed.invalid",
    });
    const gateway = byName(regs, "istio-ingressgateway").inputs.values as {
      service: { annotations: Record<string, string> };
    };
    expect(gateway.service.annotations["service.beta.kubernetes.io/aws-load-balancer-type"]).toBe(
      "nlb",
    );
  });

  it("config rules: a cluster stack needs a cloud kind; clusterStack only for platform stacks", () => {
    const paths = (raw: unknown) => {
      try {
        parsePlatformConfig(raw);
        return [];
      } catch (e) {
        return (e as ConfigError).problems.map((p) => p.path);
      }
    };
    expect(paths({ layers: "cluster" })).toEqual(["platform.layers"]);
    expect(paths({ layers: "tenants", platformStack: "a/b/c", clusterStack: "a/b/d" })).toEqual([
      "platform.clusterStack",
    ]);
  });
});
