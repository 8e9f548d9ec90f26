// Where pod specs hide in Kubernetes objects. Lives in the policy pack, which must be
// self-contained (`pulumi policy publish` uploads only its folder); the program imports it through
// components/lib/images.ts.

type Json = unknown;
type Container = { image?: unknown; env?: { name?: unknown; value?: unknown }[] };
export type PodSpecLike = {
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  imagePullSecrets?: { name: string }[];
};

/**
 * Every pod spec (or pod-spec-like object with containers) inside an object, at any depth: the
 * template of a Deployment, StatefulSet, DaemonSet or Job, a CronJob's job template, and the pod
 * templates custom resources carry (Notebook, ServingRuntime, TrainingRuntime, ...).
 */
export function podSpecsIn(value: Json, found: PodSpecLike[] = []): PodSpecLike[] {
  if (Array.isArray(value)) {
    for (const v of value) podSpecsIn(v, found);
  } else if (value && typeof value === "object") {
    const obj = value as Record<string, Json>;
    if (Array.isArray(obj.containers) && obj.containers.every((c) => c && typeof c === "object"))
      found.push(obj as PodSpecLike);
    for (const [k, v] of Object.entries(obj)) if (k !== "containers") podSpecsIn(v, found);
  }
  return found;
}
