// A cluster stack on its own (layers: cluster) and a platform stack that reads its kubeconfig and
// facts by StackReference (clusterStack).
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { ConfigError } from "../../components/config/errors";
import { parsePlatformConfig } from "../../components/config/load";
import { K8sObject } from "../../components/lib/k8s";
import {
  evaluatePlatform,
  plannedClusterFacts,
  referencedStackOutputs,
} from "../../components/plan/evaluate";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import { notes } from "../../components/upstream/run";
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

  it("offers the GPU pools of an AWS cluster stack in the notebook spawner (its facts, not its config)", async () => {
    const raw = readStackPlatformConfig("platform-aws-prod") as Record<string, unknown>;
    // The pools are the cluster stack's: this config names none and gives no tolerations.
    await evaluatePlatform("platform-aws-prod", {
      ...raw,
      components: { notebooks: { gpus: { enabled: true } } },
    });
    const spawner = await spawnerOf("notebooks-jupyter-web-app");
    expect(spawner.tolerationGroup.options).toEqual([
      {
        groupKey: "gpu-a100",
        displayName: "GPU nodes: gpu-a100",
        tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
      },
    ]);
    expect(spawner.affinityConfig.options.map((o) => o.configKey)).toEqual(["gpu-a100"]);
  });

  it("sets Istio's CNI agent up for GKE on a GKE cluster stack (its facts, not its config)", async () => {
    // gcp-dev's cluster, as a cluster stack of its own.
    const gcpDev = readStackPlatformConfig("gcp-dev") as { cluster: unknown };
    const gke = parsePlatformConfig({ layers: "cluster", cluster: gcpDev.cluster });
    const clusterStack = "organization/kubeflow-platform/cluster-gke";
    const outputs = (name: string) =>
      name === clusterStack
        ? {
            kubeconfig: "apiVersion: v1\nkind: Config\n",
            clusterFacts: plannedClusterFacts(gke, "cluster-gke"),
          }
        : {};
    const regs = await evaluatePlatform(
      "platform-gke",
      { layers: "platform", clusterStack },
      {},
      outputs,
    );
    // The chart's values (foundation/istio.ts cniValues): the DaemonSet's cni-bin-dir host path.
    expect(byName(regs, "istio-cni").inputs.values).toMatchObject({
      global: { platform: "gke" },
      cni: { cniBinDir: "/home/kubernetes/bin" },
    });
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

/** The spawner form the noted transforms of a Directory make of upstream's (a minimal one). */
type Choices = { options: Record<string, unknown>[] };
async function spawnerOf(
  directory: string,
): Promise<{ tolerationGroup: Choices; affinityConfig: Choices }> {
  const upstream = {
    spawnerFormDefaults: {
      image: { value: "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0" },
      gpus: { readOnly: false, value: { vendor: "", vendors: [] } },
      affinityConfig: { value: "", options: [] },
      tolerationGroup: { value: "", options: [] },
    },
  };
  let cm: K8sObject = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "jupyter-web-app-config-abc12", namespace: "kubeflow" },
    data: { "spawner_ui_config.yaml": stringify(upstream) },
  };
  const urnOf = (r: pulumi.Resource) => new Promise<string>((done) => r.urn.apply(done));
  let found = false;
  for (const note of notes().upstream)
    if ((await urnOf(note.resource)).endsWith(`::${directory}`)) {
      found = true;
      for (const t of note.transforms) cm = t(cm);
    }
  expect(found).toBe(true);
  return parse((cm.data as Record<string, string>)["spawner_ui_config.yaml"]).spawnerFormDefaults;
}
