// What the policies read from a stack: tenants (Profiles), their namespaces, GPU pools. Pure
// functions over the props Pulumi hands to policies, shared by the policies and their tests.
import { AWS_GPU_INSTANCES, AZURE_GPU_VM_SIZES } from "./facts/gpuTypes";
import { podSpecsIn } from "./facts/podSpecs";
import { quantityToNumber } from "./facts/quantity";

export const PROFILE_TYPE = "kubernetes:kubeflow.org/v1:Profile";
export const NAMESPACE_TYPE = "kubernetes:core/v1:Namespace";
export const LIMIT_RANGE_TYPE = "kubernetes:core/v1:LimitRange";
export const SERVICE_TYPE = "kubernetes:core/v1:Service";
export const EXISTING_CLUSTER_TYPE = "kubeflow-platform:cluster:ExistingCluster";

export interface StackResource {
  type: string;
  urn: string;
  name: string;
  props: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A Profile's quota: the `hard` map of its resourceQuotaSpec ({} when it has none). */
export function profileQuota(props: StackResource["props"]): Record<string, string> {
  return props?.spec?.resourceQuotaSpec?.hard ?? {};
}

export function profileName(props: StackResource["props"]): string {
  return props?.metadata?.name ?? "";
}

/** A quota value in base units: cores, bytes or a count; undefined if absent or unreadable. */
export function quotaValue(hard: Record<string, string>, ...keys: string[]): number | undefined {
  for (const k of keys) {
    if (hard[k] === undefined) continue;
    const n = quantityToNumber(String(hard[k]));
    if (!Number.isNaN(n)) return n;
  }
  return undefined;
}

export const GPU_KEY = "requests.nvidia.com/gpu";

/** Namespaces that belong to tenants: Profiles' names and namespaces labelled as a profile's. */
export function tenantNamespaces(resources: StackResource[]): Set<string> {
  const names = new Set<string>();
  for (const r of resources) {
    if (r.type === PROFILE_TYPE) names.add(profileName(r.props));
    if (
      r.type === NAMESPACE_TYPE &&
      r.props?.metadata?.labels?.["app.kubernetes.io/part-of"] === "kubeflow-profile"
    )
      names.add(r.props.metadata.name);
  }
  names.delete("");
  return names;
}

export interface GpuPool {
  urn: string;
  name: string;
  /** Nodes the pool can grow to; undefined when unbounded. */
  maxNodes?: number;
  gpusPerNode: number;
  /** Whether the pool's nodes carry a NoSchedule/NoExecute taint for GPUs. */
  tainted: boolean;
}

/** GPUs per node for the clouds' GPU instance types; others count as one. */
const GPUS_PER_INSTANCE: Record<string, number> = { ...AWS_GPU_INSTANCES, ...AZURE_GPU_VM_SIZES };

const isGpuTaint = (t: { key?: string; effect?: string }) =>
  t?.key === "nvidia.com/gpu" &&
  /NoSchedule|NoExecute|NO_SCHEDULE|NO_EXECUTE/.test(String(t.effect));

/** GPU pools declared or provisioned in the stack, whatever the cluster kind. Pure. */
export function gpuPools(resources: StackResource[]): GpuPool[] {
  const pools: GpuPool[] = [];
  for (const r of resources) {
    const p = r.props ?? {};
    if (r.type === EXISTING_CLUSTER_TYPE) {
      for (const g of p.gpuPools ?? [])
        pools.push({
          urn: r.urn,
          name: g.name,
          maxNodes: g.maxNodes,
          gpusPerNode: g.gpusPerNode ?? 1,
          // On an existing cluster the pool declares the tolerations its taint needs.
          tainted: (g.tolerations ?? []).some(
            (t: { key?: string; effect?: string }) => t.key === "nvidia.com/gpu",
          ),
        });
    } else if (r.type === "aws:eks/nodeGroup:NodeGroup") {
      const gpu =
        /NVIDIA|GPU/i.test(String(p.amiType)) || (p.labels ?? {})["nvidia.com/gpu.present"];
      if (!gpu) continue;
      pools.push({
        urn: r.urn,
        name: r.name,
        maxNodes: p.scalingConfig?.maxSize,
        gpusPerNode: GPUS_PER_INSTANCE[p.instanceTypes?.[0]] ?? 1,
        tainted: (p.taints ?? []).some(isGpuTaint),
      });
    } else if (r.type === "gcp:container/nodePool:NodePool") {
      const acc = p.nodeConfig?.guestAccelerators ?? [];
      if (!acc.length) continue;
      pools.push({
        urn: r.urn,
        name: r.name,
        maxNodes: p.autoscaling?.maxNodeCount ?? p.autoscaling?.totalMaxNodeCount ?? p.nodeCount,
        gpusPerNode: acc.reduce((n: number, a: { count?: number }) => n + (a.count ?? 1), 0),
        tainted: (p.nodeConfig?.taints ?? []).some(isGpuTaint),
      });
    } else if (r.type === "azure-native:containerservice:AgentPool") {
      if (!/^Standard_N/.test(String(p.vmSize))) continue;
      pools.push({
        urn: r.urn,
        name: r.name,
        maxNodes: p.enableAutoScaling ? p.maxCount : p.count,
        gpusPerNode: GPUS_PER_INSTANCE[p.vmSize] ?? 1,
        tainted: (p.nodeTaints ?? []).some((t: string) =>
          /^nvidia\.com\/gpu(=[^:]*)?:No(Schedule|Execute)$/.test(t),
        ),
      });
    }
  }
  return pools;
}

/** The most GPUs the pools can hold. Pure. */
export function gpuCapacity(pools: GpuPool[]): number {
  return pools.reduce((n, p) => n + (p.maxNodes ?? 0) * p.gpusPerNode, 0);
}

/** Every image a Kubernetes object names, in any pod spec at any depth. */
export function imagesIn(value: unknown): string[] {
  return podSpecsIn(value).flatMap((spec) =>
    [
      ...(spec.containers ?? []),
      ...(spec.initContainers ?? []),
      ...(spec.ephemeralContainers ?? []),
    ]
      .map((c) => c.image)
      .filter((i): i is string => typeof i === "string"),
  );
}
