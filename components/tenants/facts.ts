// What the tenants layer needs from the platform layer (a platform stack exports it as
// `tenantFacts`; a tenants stack reads it by StackReference, so it is plain data), and which tenants
// a platform runs. Pure.
import { enabledApps } from "../config/apps";
import { GpuPool, PlatformConfig, TenantConfig, TenantSchema } from "../config/schema";
import { K8sObject } from "../lib/k8s";
import { defaultTenantName } from "../lib/naming";
import { TenantObjectStoreFacts } from "./objectStore";

export type Toleration = { key: string; operator: string; value?: string; effect?: string };

/** What the tenants layer needs from the platform layer; a platform stack exports it. */
export interface TenantLayerFacts {
  /** The Pipelines object store, when Pipelines runs. */
  objectStore?: TenantObjectStoreFacts;
  /** Tolerations for the GPU PodDefault. */
  gpuTolerations: Toleration[];
  /**
   * The most GPUs the platform's GPU pools hold (Σ maxNodes × gpusPerNode). A tenants stack has no
   * pools of its own: its policy config checks its tenants' GPU quotas against this.
   */
  gpuCapacity: number;
  /**
   * What the platform's applications give every tenant (PodDefaults and other namespaced objects of
   * an API group), without a namespace: the tenants layer puts a copy in each tenant's. Absent when
   * no app gives any, and in the facts of platform stacks from before it existed. @default none
   */
  appObjects?: K8sObject[];
}

/**
 * The first user's own tenant gets a modest quota, as every tenant must (see the policy pack), and
 * no GPUs: a bound the policy pack can check on a cluster with GPU pools (where every tenant's
 * quota must cover GPUs) and a no-op elsewhere. To give that user GPUs, add a tenant file they own;
 * it replaces the automatic tenant.
 */
export const DEFAULT_TENANT_QUOTA = { cpu: "4", memory: "8Gi", storage: "50Gi", gpu: 0 };

/** Config tenants plus the first static user's own tenant, unless disabled or already owned. */
export function effectiveTenants(cfg: PlatformConfig): TenantConfig[] {
  const first = cfg.auth.staticUsers[0];
  const owns = (t: TenantConfig) => t.owner.toLowerCase() === first.email.toLowerCase();
  if (!cfg.defaultTenant || !first || cfg.tenants.some(owns)) return cfg.tenants;
  const name = defaultTenantName(first.email);
  if (cfg.tenants.some((t) => t.name === name)) return cfg.tenants;
  // Parsed through the schema so the defaults (LimitRange values) are the schema's own.
  return [
    TenantSchema.parse({ name, owner: first.email, quota: DEFAULT_TENANT_QUOTA }),
    ...cfg.tenants,
  ];
}

/**
 * The facts, from the platform's config, the cluster's GPU pools, the platform keys (when tenants
 * share them) and the objects the enabled apps give every tenant (kubeflow/registry.ts). Pure.
 */
export function tenantLayerFacts(
  cfg: PlatformConfig,
  gpuPools: GpuPool[],
  platformKeys?: TenantObjectStoreFacts["platformKeys"],
  appObjects: K8sObject[] = [],
): TenantLayerFacts {
  const pipelines = enabledApps(cfg.profile, cfg.components).has("pipelines");
  const shared = cfg.objectStore.kind === "s3" && cfg.objectStore.tenantIsolation === "shared";
  return {
    objectStore: pipelines
      ? {
          // A managed bucket is S3 to the tenants: they bring keys or use their cloud identity.
          kind: cfg.objectStore.kind === "minio" ? "minio" : "s3",
          bucket: cfg.objectStore.bucket ?? "",
          shared,
          ...(shared ? { platformKeys } : {}),
        }
      : undefined,
    gpuTolerations: gpuTolerations(gpuPools),
    gpuCapacity: gpuCapacityOf(gpuPools),
    // Only when there are some, so a platform whose apps give tenants nothing exports what it did.
    ...(appObjects.length ? { appObjects } : {}),
  };
}

/** The most GPUs the pools can hold: Σ maxNodes × gpusPerNode. Pure. */
export function gpuCapacityOf(pools: GpuPool[]): number {
  return pools.reduce((n, p) => n + (p.maxNodes ?? 0) * p.gpusPerNode, 0);
}

/** The tolerations that let a pod onto any of the GPU pools, without duplicates. */
export function gpuTolerations(pools: GpuPool[]): GpuPool["tolerations"] {
  const seen = new Map(pools.flatMap((p) => p.tolerations).map((t) => [JSON.stringify(t), t]));
  return [...seen.values()];
}
