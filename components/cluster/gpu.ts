// The NVIDIA device plugin on GPU nodes (EKS and AKS images carry the driver, not the plugin; GKE
// installs both itself). It must run on exactly our GPU pools and tolerate their taint.
//
// Helm coalesces our values into the chart's: maps merge key by key, lists and scalars replace.
// The chart (0.17.1, values.yaml) defaults `affinity` to a required node affinity on Node Feature
// Discovery labels (feature.node.kubernetes.io/pci-10de.present, .../cpu-model.vendor_id) or
// nvidia.com/gpu.present, none of which our nodes carry: `affinity: {}` merges into that map and
// keeps it. A `nodeSelectorTerms` list of our own replaces the default list, so the DaemonSet lands
// on our pools' labels and nowhere else (test/cluster/gpuDevicePlugin.test.ts renders it with helm).
import { GPU_TAINT_TOLERATION, GpuPool } from "../config/schema";

type Toleration = GpuPool["tolerations"][number];

/** The GPU pools' nodes: one selector term per pool (terms are ORed, expressions ANDed). Pure. */
export function gpuPoolAffinity(pools: GpuPool[]): Record<string, unknown> {
  const terms = pools.map((p) => ({
    matchExpressions: Object.entries(p.nodeSelector).map(([key, value]) => ({
      key,
      operator: "In",
      values: [value],
    })),
  }));
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        // No pool: the role label every cloud pool of ours carries (and nothing else).
        nodeSelectorTerms: terms.length
          ? terms
          : [
              {
                matchExpressions: [
                  { key: "kubeflow-platform/role", operator: "In", values: ["gpu"] },
                ],
              },
            ],
      },
    },
  };
}

/** Every toleration any GPU pool needs, once each. Pure. */
export function gpuPoolTolerations(pools: GpuPool[]): Toleration[] {
  const all = [GPU_TAINT_TOLERATION, ...pools.flatMap((p) => p.tolerations)] as Toleration[];
  const seen = new Set<string>();
  return all.filter((t) => {
    const key = JSON.stringify(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Chart values: our pools' affinity and tolerations replace the chart's defaults (a list replaces
 * a list in Helm's merge). Pure.
 * @param pools the cluster's GPU pools (gpuPoolsOf); @default none: nodes labelled role gpu
 */
export function devicePluginValues(pools: GpuPool[] = []): Record<string, unknown> {
  return {
    affinity: gpuPoolAffinity(pools),
    tolerations: gpuPoolTolerations(pools),
    resources: { requests: { cpu: "10m", memory: "32Mi" } },
  };
}
