// Pod templates inside rendered workloads, and the namespaces they run in.
import { K8sObject } from "../lib/k8s";
import { RenderedObject } from "./objects";

export type Container = {
  name: string;
  image?: string;
  securityContext?: Record<string, unknown>;
  ports?: { containerPort?: number; hostPort?: number; name?: string }[];
  env?: { name: string; value?: string; valueFrom?: Record<string, Record<string, unknown>> }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  volumeMounts?: { name: string }[];
  [key: string]: unknown;
};

export type PodSpec = {
  containers: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  securityContext?: Record<string, unknown>;
  volumes?: Record<string, unknown>[];
  serviceAccountName?: string;
  serviceAccount?: string;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  nodeSelector?: Record<string, string>;
  tolerations?: Record<string, unknown>[];
  [key: string]: unknown;
};

export interface PodTemplate {
  owner: RenderedObject;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: PodSpec;
  /** Field path of the pod spec inside the owner, e.g. spec.template.spec. */
  path: string;
}

/** The pod template of a workload object, if it has one. Pure. */
export function podTemplateOf(
  obj: K8sObject,
): { meta: Record<string, unknown>; spec: PodSpec; path: string } | undefined {
  const spec = obj.spec as Record<string, unknown> | undefined;
  if (!spec) return undefined;
  if (obj.kind === "Pod") return { meta: obj.metadata, spec: spec as PodSpec, path: "spec" };
  if (obj.kind === "CronJob") {
    const t = (
      spec.jobTemplate as {
        spec?: { template?: { metadata?: Record<string, unknown>; spec?: PodSpec } };
      }
    )?.spec?.template;
    return t?.spec
      ? { meta: t.metadata ?? {}, spec: t.spec, path: "spec.jobTemplate.spec.template.spec" }
      : undefined;
  }
  if (
    ![
      "Deployment",
      "StatefulSet",
      "DaemonSet",
      "ReplicaSet",
      "Job",
      "ReplicationController",
    ].includes(obj.kind)
  )
    return undefined;
  const t = spec.template as { metadata?: Record<string, unknown>; spec?: PodSpec } | undefined;
  return t?.spec ? { meta: t.metadata ?? {}, spec: t.spec, path: "spec.template.spec" } : undefined;
}

/** Every pod template among the rendered objects. Pure. */
export function podTemplates(objects: RenderedObject[]): PodTemplate[] {
  const out: PodTemplate[] = [];
  for (const o of objects) {
    const t = podTemplateOf(o.object);
    if (!t) continue;
    const meta = t.meta as {
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    };
    out.push({
      owner: o,
      namespace: o.object.metadata.namespace ?? "default",
      labels: meta.labels ?? {},
      annotations: meta.annotations ?? {},
      spec: t.spec,
      path: t.path,
    });
  }
  return out;
}

/** Every container of a pod spec, with its list's name. Pure. */
export function allContainers(spec: PodSpec): { list: string; container: Container }[] {
  return (["initContainers", "containers", "ephemeralContainers"] as const).flatMap((list) =>
    ((spec[list] as Container[] | undefined) ?? []).map((container) => ({ list, container })),
  );
}

/** Namespace objects in the render, by name. */
export function namespacesOf(objects: RenderedObject[]): Map<string, K8sObject> {
  return new Map(
    objects
      .filter((o) => o.object.kind === "Namespace")
      .map((o) => [o.object.metadata.name, o.object]),
  );
}
