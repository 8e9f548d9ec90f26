// Cluster layer for a cluster that already exists: one k8s.Provider from a kubeconfig and context.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { ClusterConfig } from "../config/schema";
import { KubernetesProviderSettings, kubernetesProviderOptions } from "../lib/k8sProvider";
import { ClusterFacts, ClusterLayer } from "./facts";

export interface ResolvedKubeconfig {
  /** Path handed to the provider; undefined means the provider's own default lookup. */
  kubeconfigPath?: string;
  context: string;
  /** Stable identity of the cluster: the provider is replaced only when this changes. */
  clusterIdentifier: string;
}

/** The ambient kubeconfig path: the first of $KUBECONFIG, else ~/.kube/config. */
export function ambientKubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const first = env.KUBECONFIG?.split(path.delimiter).find((p) => p.length > 0);
  return first ?? path.join(os.homedir(), ".kube", "config");
}

function expandHome(p: string): string {
  return p.startsWith("~/") ? path.join(os.homedir(), p.slice(2)) : p;
}

/**
 * Which kubeconfig and context the provider uses. The context is always explicit: when config names
 * none, the kubeconfig's current-context is read now, so a later `kubectl config use-context` on the
 * operator's machine cannot silently point `pulumi up` at another cluster.
 */
export function resolveKubeconfig(
  cluster: Pick<Extract<ClusterConfig, { kind: "existing" }>, "kubeconfig" | "context">,
  readFile: (p: string) => string | undefined = (p) =>
    fs.existsSync(p) ? fs.readFileSync(p, "utf8") : undefined,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedKubeconfig {
  const kubeconfigPath = cluster.kubeconfig ? expandHome(cluster.kubeconfig) : undefined;
  if (cluster.context) {
    return { kubeconfigPath, context: cluster.context, clusterIdentifier: cluster.context };
  }
  const file = kubeconfigPath ?? ambientKubeconfigPath(env);
  const text = readFile(file);
  const current = text
    ? (parse(text) as { "current-context"?: string } | null)?.["current-context"]
    : undefined;
  if (!current) {
    throw new pulumi.RunError(
      `platform.cluster.context: not set and ${file} has no current-context (got ${text ? "a kubeconfig without current-context" : "no file"}). ` +
        "Fix: name the context, e.g. pulumi config set --path 'kubeflow-platform:platform.cluster.context' kind-kubeflow (kubectl config get-contexts lists yours)",
    );
  }
  return { kubeconfigPath, context: current, clusterIdentifier: current };
}

export interface ExistingClusterArgs {
  cluster: Extract<ClusterConfig, { kind: "existing" }>;
  /** Already-resolved kubeconfig (tests and plan pass one; `pulumi up` reads the machine's). */
  kubeconfig?: ResolvedKubeconfig;
  /** Provider settings (the reattach run). @default none */
  provider?: KubernetesProviderSettings;
}

export class ExistingCluster extends pulumi.ComponentResource implements ClusterLayer {
  readonly ready: pulumi.Resource[] = [];
  readonly provider: k8s.Provider;
  readonly facts: ClusterFacts;
  readonly context: string;

  constructor(name: string, args: ExistingClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    // The GPU pools are the component's inputs so that policies (GPU capacity, pool bounds) see them.
    super(
      "kubeflow-platform:cluster:ExistingCluster",
      name,
      { gpuPools: args.cluster.gpuPools },
      opts,
    );
    const resolved = args.kubeconfig ?? resolveKubeconfig(args.cluster);
    this.context = resolved.context;
    this.provider = new k8s.Provider(
      `${name}-k8s`,
      {
        kubeconfig: resolved.kubeconfigPath,
        context: resolved.context,
        clusterIdentifier: resolved.clusterIdentifier,
        ...kubernetesProviderOptions(args.provider),
      },
      { parent: this },
    );
    this.facts = {
      storageClass: args.cluster.storageClass,
      gpuPools: args.cluster.gpuPools,
      ingressAnnotations: {},
    };
    this.registerOutputs({ context: this.context });
  }
}
