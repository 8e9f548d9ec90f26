// A tenant's quota, twice over: as the Profile's resourceQuotaSpec (the Profile controller's
// ResourceQuota) and as a ResourceQuota of our own that outlives the Profile; and a LimitRange so
// quota'd namespaces still run Pipelines' pods.
import { TenantConfig } from "../config/schema";
import { K8sObject, labels } from "../lib/k8s";

/** ResourceQuota hard limits from the tenant's quota. Pure. */
export function quotaHard(q: TenantConfig["quota"]): Record<string, string> | undefined {
  if (!q) return undefined;
  const hard: Record<string, string> = {};
  if (q.cpu) Object.assign(hard, { "requests.cpu": q.cpu, "limits.cpu": q.cpu });
  if (q.memory) Object.assign(hard, { "requests.memory": q.memory, "limits.memory": q.memory });
  if (q.storage) hard["requests.storage"] = q.storage;
  if (q.gpu !== undefined) hard["requests.nvidia.com/gpu"] = String(q.gpu);
  if (q.pods !== undefined) hard.pods = String(q.pods);
  if (q.persistentVolumeClaims !== undefined)
    hard.persistentvolumeclaims = String(q.persistentVolumeClaims);
  return Object.keys(hard).length ? hard : undefined;
}

/** Name of our ResourceQuota (the Profile controller's own is kf-resource-quota). */
export const TENANT_QUOTA_NAME = "kubeflow-platform-quota";

/**
 * The tenant's quota as a ResourceQuota of our own, beside the one the Profile controller makes from
 * resourceQuotaSpec: the controller's is garbage-collected with the Profile, ours stays with a
 * retained namespace. Both carry the same limits, so together they allow exactly what one would.
 * A tenant without a quota gets one with no limits rather than none: our object is retained on
 * delete, so taking a quota away must update it, not leave the old limits behind. Pure.
 */
export function tenantQuota(t: TenantConfig): K8sObject {
  return {
    apiVersion: "v1",
    kind: "ResourceQuota",
    metadata: { name: TENANT_QUOTA_NAME, namespace: t.name, labels: labels("tenant") },
    spec: { hard: quotaHard(t.quota) ?? {} },
  };
}

export function limitRange(t: TenantConfig): K8sObject {
  const d = t.containerDefaults;
  return {
    apiVersion: "v1",
    kind: "LimitRange",
    metadata: { name: "kubeflow-platform-defaults", namespace: t.name, labels: labels("tenant") },
    spec: {
      limits: [
        {
          type: "Container",
          defaultRequest: { cpu: d.cpuRequest, memory: d.memoryRequest },
          default: { cpu: d.cpuLimit, memory: d.memoryLimit },
        },
      ],
    },
  };
}
