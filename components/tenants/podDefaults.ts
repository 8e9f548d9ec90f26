// What a tenant's namespace gets besides its own objects: the PodDefaults the notebook spawner
// offers (GPU nodes, the cloud identity) and whatever the platform's applications give every
// tenant. They come through one list, TENANT_OBJECT_SOURCES: a source is a pure function of the
// tenant and the platform's facts (plain data, so a tenants stack gets the same from its platform
// stack's exported facts).
import { TenantConfig } from "../config/schema";
import { K8sObject, labels } from "../lib/k8s";
import { TenantLayerFacts, Toleration } from "./facts";

/** What the sources read of the platform's facts. */
export type TenantObjectFacts = Pick<TenantLayerFacts, "gpuTolerations" | "appObjects">;

export interface TenantObjectSource {
  /** Names the source in errors. */
  name: string;
  /** The objects one tenant gets, without a namespace. Pure. */
  objects(t: TenantConfig, facts: TenantObjectFacts): K8sObject[];
}

const podDefault = (name: string, spec: Record<string, unknown>): K8sObject => ({
  apiVersion: "kubeflow.org/v1alpha1",
  kind: "PodDefault",
  metadata: { name },
  spec,
});

/** GPU tolerations, when the tenant has a GPU quota and the cluster GPU pools. Pure. */
export function gpuPodDefault(t: TenantConfig, gpuTolerations: Toleration[]): K8sObject[] {
  if (!t.quota?.gpu || !gpuTolerations.length) return [];
  return [
    podDefault("gpu-nodes", {
      desc: "Run on GPU nodes",
      selector: { matchLabels: { "gpu-nodes": "true" } },
      tolerations: gpuTolerations,
    }),
  ];
}

/** The tenant's cloud identity (the default-editor ServiceAccount), when it has one. Pure. */
export function identityPodDefault(t: TenantConfig): K8sObject[] {
  if (!t.identity || !Object.keys(t.identity).length) return [];
  return [
    podDefault("cloud-identity", {
      desc: "Use the tenant's cloud identity",
      selector: { matchLabels: { "cloud-identity": "true" } },
      serviceAccountName: "default-editor",
      ...(t.identity.azureClientId ? { labels: { "azure.workload.identity/use": "true" } } : {}),
    }),
  ];
}

/** Every source of a tenant's objects, in order. */
export const TENANT_OBJECT_SOURCES: readonly TenantObjectSource[] = [
  { name: "gpu", objects: (t, facts) => gpuPodDefault(t, facts.gpuTolerations) },
  { name: "identity", objects: (t) => identityPodDefault(t) },
  // An older platform stack's facts have no appObjects: its tenants get no app objects.
  { name: "apps", objects: (_t, facts) => facts.appObjects ?? [] },
];

/**
 * The objects one tenant gets from every source, in its namespace, labelled as the tenant's. They
 * are registered as custom resources named by kind and name, so two sources may not give one name;
 * core kinds (API group "") are refused for the same reason. Pure.
 */
export function tenantObjects(
  t: TenantConfig,
  facts: TenantObjectFacts,
  sources: readonly TenantObjectSource[] = TENANT_OBJECT_SOURCES,
): K8sObject[] {
  const seen = new Map<string, string>();
  return sources.flatMap((source) =>
    source.objects(t, facts).map((o) => {
      const key = `${o.kind}/${o.metadata.name}`;
      if (!o.apiVersion.includes("/"))
        throw new Error(
          `tenant object ${key} (from ${source.name}): give an object of an API group`,
        );
      if (seen.has(key))
        throw new Error(`tenant object ${key} comes from both ${seen.get(key)} and ${source.name}`);
      seen.set(key, source.name);
      return {
        ...o,
        metadata: {
          ...o.metadata,
          namespace: t.name,
          labels: { ...labels("tenant"), ...o.metadata.labels },
        },
      };
    }),
  );
}
