// The NVIDIA device plugin on GPU nodes (EKS and AKS images carry the driver, not the plugin; GKE
// installs both itself). It must tolerate the GPU taint, and runs only on GPU pools.
import { GPU_TAINT_TOLERATION } from "../config/schema";

/** Chart values. Pure. */
export function devicePluginValues(): Record<string, unknown> {
  return {
    tolerations: [GPU_TAINT_TOLERATION],
    nodeSelector: { "kubeflow-platform/role": "gpu" },
    // The chart's default affinity expects Node Feature Discovery labels we do not install.
    affinity: {},
    resources: { requests: { cpu: "10m", memory: "32Mi" } },
  };
}
