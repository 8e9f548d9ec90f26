// Replicas and resource requests for upstream workloads: the platform sets lean requests on the
// main container of each Deployment and StatefulSet an app runs, and `components.<app>.replicas` /
// `.resources` override them. The same numbers feed the plan's footprint, so what the plan reports
// is what the cluster is asked for.
import { quantityToNumber } from "./quantity";
import { K8sObject } from "./k8s";
import { ObjectTransform } from "./transforms";

export interface ResourceList {
  cpu?: string;
  memory?: string;
}
export interface Resources {
  requests?: ResourceList;
  limits?: ResourceList;
}
export interface WorkloadSettings {
  replicas?: number;
  resources?: Resources;
}

/** Requests of one app: each workload's main container gets `requests`. */
export interface AppRequests {
  /** How many Deployments/StatefulSets the app runs (the footprint multiplies by it). */
  workloads: number;
  requests: Required<ResourceList>;
  /** How many of them get an Istio proxy (a meshed namespace, no opt-out). @default 0 */
  meshed?: number;
  /** Requests of the other containers of all its workloads together (e.g. kube-rbac-proxy). @default none */
  extra?: Required<ResourceList>;
}

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet"]);

type Container = { name?: string; resources?: Resources };

/** The requests and limits a main container ends up with. Limits never fall below requests. Pure. */
export function mergeResources(
  upstream: Resources | undefined,
  requests: ResourceList,
  override: Resources | undefined,
): Resources {
  const req = { ...upstream?.requests, ...requests, ...override?.requests };
  const lim: ResourceList = { ...upstream?.limits, ...override?.limits };
  for (const k of ["cpu", "memory"] as const) {
    const l = lim[k];
    const r = req[k];
    if (l !== undefined && r !== undefined && quantityToNumber(l) < quantityToNumber(r)) lim[k] = r;
  }
  return Object.keys(lim).length ? { requests: req, limits: lim } : { requests: req };
}

/** An HPA's bounds for the replicas a user asks for: at least that many. Pure. */
function hpaBounds(obj: K8sObject, replicas: number): K8sObject {
  const copy = structuredClone(obj);
  const spec = copy.spec as { minReplicas?: number; maxReplicas: number };
  spec.minReplicas = replicas;
  spec.maxReplicas = Math.max(spec.maxReplicas, replicas);
  return copy;
}

/**
 * Set replicas and the main container's resources on every workload of an app. Pure. Workloads
 * an HPA scales (`hpaManaged`, by name) keep no replicas of ours: the user's count becomes the
 * HPA's minReplicas instead, so Pulumi and the HPA never fight.
 */
export function workloadSettings(
  defaults: AppRequests,
  settings: WorkloadSettings,
  hpaManaged: string[] = [],
): ObjectTransform {
  return (obj: K8sObject) => {
    if (obj.kind === "HorizontalPodAutoscaler" && settings.replicas !== undefined)
      return hpaBounds(obj, settings.replicas);
    if (!WORKLOAD_KINDS.has(obj.kind)) return obj;
    const copy = structuredClone(obj);
    const spec = copy.spec as {
      replicas?: number;
      template?: { spec?: { containers?: Container[] } };
    };
    if (hpaManaged.includes(copy.metadata.name)) delete spec.replicas;
    else if (settings.replicas !== undefined) spec.replicas = settings.replicas;
    const main = spec.template?.spec?.containers?.[0];
    if (main)
      main.resources = mergeResources(main.resources, defaults.requests, settings.resources);
    return copy;
  };
}

/** CPU (millicores) and memory (MiB) an app requests with its settings. Pure. */
export function appFootprint(
  defaults: AppRequests,
  settings: WorkloadSettings,
  proxy: Required<ResourceList> = { cpu: "0", memory: "0" },
): { cpuMillis: number; memoryMiB: number } {
  const req = { ...defaults.requests, ...settings.resources?.requests };
  const replicas = settings.replicas ?? 1;
  const parts: [ResourceList, number][] = [
    [req, defaults.workloads * replicas],
    [defaults.extra ?? {}, replicas],
    [proxy, (defaults.meshed ?? 0) * replicas],
  ];
  const sum = (f: (r: ResourceList) => number) =>
    Math.round(parts.reduce((a, [r, n]) => a + f(r) * n, 0));
  return {
    cpuMillis: sum((r) => (r.cpu ? quantityToNumber(r.cpu) * 1000 : 0)),
    memoryMiB: sum((r) => (r.memory ? quantityToNumber(r.memory) / 2 ** 20 : 0)),
  };
}
