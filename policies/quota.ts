// Tenants' quotas: every tenant has one that covers CPU, memory and storage (and GPUs where the
// cluster has GPU pools), and no tenant's quota exceeds the per-tenant ceilings.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { quantityToNumber } from "./facts/quantity";
import { GPU_KEY, PROFILE_TYPE, profileName, profileQuota, quotaValue } from "./tenants";

export interface TenantQuotaConfig {
  /** The cluster has GPU pools, so every tenant's quota must also bound GPUs. */
  requireGpuQuota: boolean;
}

export const tenantHasQuota: ResourceValidationPolicy = {
  name: "tenant-has-quota",
  description:
    "Every tenant (Kubeflow Profile) has a resource quota covering CPU, memory and storage, and GPUs where the cluster has GPU pools.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { requireGpuQuota: { type: "boolean", default: false } },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== PROFILE_TYPE) return;
    const hard = profileQuota(args.props);
    const missing = [
      quotaValue(hard, "requests.cpu", "limits.cpu", "cpu") === undefined ? "cpu" : "",
      quotaValue(hard, "requests.memory", "limits.memory", "memory") === undefined ? "memory" : "",
      quotaValue(hard, "requests.storage") === undefined ? "storage" : "",
      args.getConfig<TenantQuotaConfig>().requireGpuQuota && quotaValue(hard, GPU_KEY) === undefined
        ? "gpu"
        : "",
    ].filter(Boolean);
    if (missing.length)
      reportViolation(
        `tenant ${profileName(args.props)} has no quota for ${missing.join(", ")}; set tenants[].quota.${missing[0]} in its tenant file`,
      );
  },
};

export interface TenantCeilingsConfig {
  maxCpu?: string;
  maxMemory?: string;
  maxStorage?: string;
  maxGpus?: number;
}

export const tenantQuotaCeilings: ResourceValidationPolicy = {
  name: "tenant-quota-ceilings",
  description:
    "No tenant's quota exceeds the per-tenant ceilings for CPU, memory, storage and GPUs.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      maxCpu: { type: "string", default: "64" },
      maxMemory: { type: "string", default: "256Gi" },
      maxStorage: { type: "string", default: "2Ti" },
      maxGpus: { type: "number", default: 8 },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== PROFILE_TYPE) return;
    const cfg = args.getConfig<TenantCeilingsConfig>();
    const hard = profileQuota(args.props);
    const checks: [string, number | undefined, string | number | undefined][] = [
      ["cpu", quotaValue(hard, "requests.cpu", "limits.cpu", "cpu"), cfg.maxCpu],
      ["memory", quotaValue(hard, "requests.memory", "limits.memory", "memory"), cfg.maxMemory],
      ["storage", quotaValue(hard, "requests.storage"), cfg.maxStorage],
      ["gpu", quotaValue(hard, GPU_KEY), cfg.maxGpus],
    ];
    for (const [what, value, max] of checks) {
      if (value === undefined || max === undefined) continue;
      const limit = typeof max === "number" ? max : quantityToNumber(max);
      if (value > limit)
        reportViolation(
          `tenant ${profileName(args.props)} asks for ${what} ${value} above the per-tenant ceiling ${max}; lower tenants[].quota.${what} or raise the policy's ceiling`,
        );
    }
  },
};
