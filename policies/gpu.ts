// GPUs: tenants' GPU quotas fit what the GPU pools can hold (times an overcommit ratio), and GPU
// pools are tainted (so only GPU pods land there) and bounded (so the autoscaler cannot run away).
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import {
  GPU_KEY,
  PROFILE_TYPE,
  StackResource,
  gpuCapacity,
  gpuPools,
  profileQuota,
  quotaValue,
} from "./tenants";

export interface GpuCapacityConfig {
  /** Quota may exceed capacity by this factor (1 = never). */
  overcommitRatio: number;
  /**
   * GPUs of pools that are not resources of this stack: for a tenants stack, the capacity its
   * platform stack exports (`tenantFacts.gpuCapacity`). `npm run plan -- --policies` fills it in.
   */
  platformGpuCapacity: number;
}

/** The violation message when total GPU quota exceeds capacity × ratio, else undefined. Pure. */
export function gpuCapacityViolation(
  resources: StackResource[],
  ratio: number,
  platformGpuCapacity = 0,
): string | undefined {
  const total = resources
    .filter((r) => r.type === PROFILE_TYPE)
    .reduce((n, r) => n + (quotaValue(profileQuota(r.props), GPU_KEY) ?? 0), 0);
  const inStack = gpuCapacity(gpuPools(resources));
  const capacity = inStack + platformGpuCapacity;
  const source = platformGpuCapacity
    ? `the GPU pools' capacity ${capacity} (${platformGpuCapacity} of the platform stack${inStack ? `, ${inStack} of this one` : ""})`
    : `the GPU pools' capacity ${capacity}`;
  return total > capacity * ratio
    ? `tenants' GPU quotas add up to ${total}, above ${source} × overcommit ${ratio} = ${capacity * ratio}; lower quotas or grow the pools`
    : undefined;
}

export const gpuQuotaWithinCapacity: StackValidationPolicy = {
  name: "gpu-quota-within-capacity",
  description:
    "The sum of tenants' GPU quotas stays within the GPU pools' maximum capacity times an overcommit ratio.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      overcommitRatio: { type: "number", default: 1, minimum: 0 },
      platformGpuCapacity: { type: "number", default: 0, minimum: 0 },
    },
  },
  validateStack: (args, reportViolation) => {
    const cfg = args.getConfig<GpuCapacityConfig>();
    const message = gpuCapacityViolation(
      args.resources,
      cfg.overcommitRatio,
      cfg.platformGpuCapacity,
    );
    if (message) reportViolation(message);
  },
};

export interface GpuPoolBoundsConfig {
  maxNodesPerPool: number;
}

export const gpuPoolsTaintedAndBounded: ResourceValidationPolicy = {
  name: "gpu-pools-tainted-and-bounded",
  description:
    "GPU node pools carry the nvidia.com/gpu NoSchedule taint and a bounded maximum size.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { maxNodesPerPool: { type: "number", default: 16 } },
  },
  validateResource: (args, reportViolation) => {
    const max = args.getConfig<GpuPoolBoundsConfig>().maxNodesPerPool;
    for (const pool of gpuPools([args])) {
      if (!pool.tainted)
        reportViolation(
          `GPU pool ${pool.name} is not tainted nvidia.com/gpu:NoSchedule; other pods would fill its nodes`,
        );
      if (pool.maxNodes === undefined)
        reportViolation(`GPU pool ${pool.name} has no maximum size; set one`);
      else if (pool.maxNodes > max)
        reportViolation(
          `GPU pool ${pool.name} may grow to ${pool.maxNodes} nodes, above the allowed ${max}`,
        );
    }
  },
};
