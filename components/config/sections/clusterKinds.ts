// cluster: which cluster the platform runs on. An existing one (kind, k3d, minikube, on-prem) is
// described here with its GPU pools; the cloud kinds the platform creates are in aws.ts, gcp.ts and
// azure.ts. gpuPoolsOf gives the GPU pools of any kind. (Not named cluster.ts: the floors lint rule
// reads an import of "./cluster" as one of components/cluster.)
import { z } from "zod";
import { TolerationSchema } from "../apps";
import { dnsLabel, hostname, kubernetesMinorVersion, stringMap } from "../fields";
import { RuleCtx, issue } from "../issue";
import { AwsClusterSchema } from "./aws";
import { AzureClusterSchema } from "./azure";
import { GcpClusterSchema } from "./gcp";
import { gpusPerNode } from "./nodePools";

/** Oldest Kubernetes minor the pinned Kubeflow release supports (26.03 validates 1.33+). */
export const MIN_KUBERNETES_MINOR = 33;

/** The taint GPU nodes carry so that only pods asking for GPUs land on them. */
export const GPU_TAINT_TOLERATION = {
  key: "nvidia.com/gpu",
  operator: "Exists" as const,
  effect: "NoSchedule" as const,
};

export const GpuPoolSchema = z.strictObject({
  name: dnsLabel().meta({
    description: "Pool name, shown in the notebook spawner.",
    examples: ["a100"],
  }),
  nodeSelector: stringMap()
    .refine((m) => Object.keys(m).length > 0, { error: "must name at least one node label" })
    .meta({
      description: "Labels that select the pool's nodes.",
      examples: [{ "nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB" }],
    }),
  tolerations: z
    .array(TolerationSchema)
    .default([GPU_TAINT_TOLERATION])
    .meta({ description: "Tolerations for the pool's taints. @default nvidia.com/gpu NoSchedule" }),
  gpusPerNode: z
    .int()
    .min(1)
    .default(1)
    .meta({ examples: [8] }),
  maxNodes: z
    .int()
    .min(0)
    .meta({ description: "Most nodes the pool can have (GPU quota capacity).", examples: [4] }),
});
export const ExistingClusterSchema = z
  .strictObject({
    kind: z.literal("existing"),
    kubeconfig: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          "Path to the kubeconfig file. @default the ambient kubeconfig ($KUBECONFIG or ~/.kube/config)",
        examples: ["~/.kube/config"],
      }),
    context: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          "Kubeconfig context to use; also the provider's clusterIdentifier. Required unless useCurrentContext is true (or clusterStack names the cluster). @default none",
        examples: ["kind-kubeflow"],
      }),
    useCurrentContext: z
      .boolean()
      .default(false)
      .meta({
        description:
          "Without cluster.context, use whatever context the kubeconfig's current-context names when the program runs. Off by default: a stack that names no cluster is refused, so a `kubectl config use-context` cannot point it at another cluster.",
        examples: [true],
      }),
    storageClass: hostname()
      .optional()
      .meta({
        description:
          "StorageClass for the platform's volumes (MySQL, MinIO). @default the cluster's default StorageClass",
        examples: ["standard"],
      }),
    kubernetesVersion: kubernetesMinorVersion()
      .optional()
      .meta({
        description:
          "The cluster's Kubernetes minor version, checked against the release's supported range.",
        examples: ["1.34"],
      }),
    gpuPools: z
      .array(GpuPoolSchema)
      .default([])
      .meta({ description: "The cluster's GPU nodes, as groups the platform can target." }),
  })
  .superRefine(checkKubernetesVersion)
  .meta({ description: "Use a cluster that already exists (kind, k3d, minikube, on-prem)." });

/** The pinned Kubeflow release validates only recent Kubernetes minors. */
function checkKubernetesVersion(cluster: { kubernetesVersion?: string }, ctx: RuleCtx) {
  if (
    cluster.kubernetesVersion &&
    Number(cluster.kubernetesVersion.split(".")[1]) < MIN_KUBERNETES_MINOR
  ) {
    issue(
      ctx,
      ["kubernetesVersion"],
      `Kubeflow 26.03 needs Kubernetes 1.${MIN_KUBERNETES_MINOR} or newer`,
      cluster.kubernetesVersion,
      `upgrade the cluster and set it to 1.${MIN_KUBERNETES_MINOR} or later`,
      [{ value: `1.${MIN_KUBERNETES_MINOR}` }],
    );
  }
}

export const ClusterSchema = z
  .discriminatedUnion(
    "kind",
    [ExistingClusterSchema, AwsClusterSchema, GcpClusterSchema, AzureClusterSchema],
    { error: 'must have kind "existing", "aws", "gcp" or "azure"' },
  )
  .prefault({ kind: "existing" });

export type GpuPool = z.output<typeof GpuPoolSchema>;

/** The label every node of a platform-made pool carries, so pods can select a pool. */
export const POOL_LABEL = "kubeflow-platform/pool";

/**
 * The cluster's GPU pools, whatever its kind: declared for an existing cluster, derived from the
 * node pools the platform creates in the cloud (tainted, labelled with their pool). Pure.
 */
export function gpuPoolsOf(cluster: z.output<typeof ClusterSchema>): GpuPool[] {
  if (cluster.kind === "existing") return cluster.gpuPools;
  return cluster.nodePools
    .filter((p) => p.role === "gpu")
    .map((p) => ({
      name: p.name,
      nodeSelector: { [POOL_LABEL]: p.name },
      tolerations: [GPU_TAINT_TOLERATION],
      gpusPerNode: Math.max(1, gpusPerNode(cluster.kind, p)),
      maxNodes: p.maxSize,
    }));
}
