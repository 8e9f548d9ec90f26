// Pods read ConfigMaps and Secrets as env (and most programs read mounted config once, at start):
// changing one leaves its consumers running on the old content. The providers are set to update
// both in place (components/lib/k8sProvider.ts), so a change is an update, not delete-then-create,
// and consumers roll because their pod template carries a checksum of what they read.
import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { K8sObject } from "./k8s";
import { ObjectTransform } from "./transforms";

export type ConfigSource = { kind: "ConfigMap" | "Secret"; name: string };

/** The pod-template annotation that carries the checksum of one source. */
export function checksumAnnotation(source: ConfigSource): string {
  return `checksum.kubeflow-platform.io/${source.kind.toLowerCase()}-${source.name}`;
}

/** A short, stable digest of any JSON-able value (keys sorted, so order never matters). Pure. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(stableJson(value)).digest("hex").slice(0, 16);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/** The digest of a secret value: still secret in the state, like what it digests. */
export function secretContentHash<T>(value: pulumi.Input<T>): pulumi.Output<string> {
  return pulumi.output(value).apply((v) => contentHash(v));
}

type PodSpec = {
  containers?: Container[];
  initContainers?: Container[];
  volumes?: Record<string, unknown>[];
};
type Container = {
  env?: { valueFrom?: Record<string, { name?: string }> }[];
  envFrom?: Record<string, { name?: string }>[];
};

/** Whether a pod spec reads the source: env valueFrom, envFrom, or a (projected) volume. Pure. */
export function readsSource(spec: PodSpec, source: ConfigSource): boolean {
  const refKey = source.kind === "ConfigMap" ? "configMapKeyRef" : "secretKeyRef";
  const fromKey = source.kind === "ConfigMap" ? "configMapRef" : "secretRef";
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  const viaEnv = containers.some(
    (c) =>
      (c.env ?? []).some((e) => e.valueFrom?.[refKey]?.name === source.name) ||
      (c.envFrom ?? []).some((e) => e[fromKey]?.name === source.name),
  );
  return viaEnv || (spec.volumes ?? []).some((v) => volumeReads(v, source));
}

function volumeReads(volume: Record<string, unknown>, source: ConfigSource): boolean {
  const direct =
    source.kind === "ConfigMap"
      ? (volume.configMap as { name?: string } | undefined)?.name
      : (volume.secret as { secretName?: string } | undefined)?.secretName;
  if (direct === source.name) return true;
  const projected = (volume.projected as { sources?: Record<string, { name?: string }>[] })
    ?.sources;
  const key = source.kind === "ConfigMap" ? "configMap" : "secret";
  return (projected ?? []).some((s) => s[key]?.name === source.name);
}

const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet"]);

/**
 * Every workload whose pods read the source gets the source's checksum on its pod template, so a
 * change of the content rolls them. The checksum is of what we put into the source (the rest of it
 * is upstream's, pinned, and changes only with a release, which rolls the pods anyway).
 */
export function rollOnChange(source: ConfigSource, checksum: string): ObjectTransform {
  return (obj: K8sObject) => {
    if (!WORKLOADS.has(obj.kind)) return obj;
    const template = (
      obj.spec as { template?: { metadata?: K8sObject["metadata"]; spec?: PodSpec } }
    )?.template;
    if (!template?.spec || !readsSource(template.spec, source)) return obj;
    const copy = structuredClone(obj);
    const t = (copy.spec as { template: { metadata?: { annotations?: Record<string, string> } } })
      .template;
    t.metadata = {
      ...t.metadata,
      annotations: { ...t.metadata?.annotations, [checksumAnnotation(source)]: checksum },
    };
    return copy;
  };
}
