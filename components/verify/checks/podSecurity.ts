// Pod Security admission: every pod template against its namespace's enforced level, including the
// containers Istio's injector adds (the pod the API server admits is the mutated one). For each
// meshed namespace, also the pods controllers create there at run time (notebooks, pipeline steps,
// TrainJobs): a compliant pod plus the injector's containers must be admitted.
import { K8sObject } from "../../lib/k8s";
import {
  injectedContainers,
  isInjected,
  meshSettings,
  MeshSettings,
} from "../../render/istioInjection";
import { evaluatePodSecurity, Level } from "../podSecurity";
import { namespacesOf, PodSpec, podTemplates } from "../../render/pods";
import { defineCheck, VerifyInput, fault, Fault } from "../types";

// Namespaces that exist on every cluster and are not labelled: Kubernetes' default is privileged.
const LEVELS: Level[] = ["privileged", "baseline", "restricted"];

/** The level a namespace enforces (privileged when it sets none). Pure. */
export function enforcedLevel(ns: K8sObject | undefined): Level {
  const level = ns?.metadata.labels?.["pod-security.kubernetes.io/enforce"] as Level | undefined;
  return level && LEVELS.includes(level) ? level : "privileged";
}

/** The pod spec the API server admits: ours plus what the injector adds. Pure. */
export function admittedSpec(spec: PodSpec, injected: boolean, mesh: MeshSettings): PodSpec {
  // A gateway pod (its own container is istio-proxy) gets the injector's gateway template, which
  // fills that container in and adds no init container.
  if (!injected || spec.containers.some((c) => c.name === "istio-proxy")) return spec;
  const add = injectedContainers(mesh);
  return {
    ...spec,
    initContainers: [...add.initContainers, ...(spec.initContainers ?? [])],
    containers: [...spec.containers, ...add.containers],
  };
}

// A pod that passes restricted on its own, as a controller-created tenant pod should.
const COMPLIANT_POD: PodSpec = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
  containers: [
    {
      name: "main",
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
    },
  ],
};

function meshNamespaces(input: VerifyInput, mesh: MeshSettings): Fault[] {
  const out: Fault[] = [];
  for (const o of input.objects) {
    if (o.object.kind !== "Namespace") continue;
    const level = enforcedLevel(o.object);
    if (level === "privileged" || !isInjected(o.object, {})) continue;
    for (const f of evaluatePodSecurity(admittedSpec(COMPLIANT_POD, true, mesh), level))
      out.push(
        fault(
          o,
          f.field,
          `pods created in this ${level} namespace are refused once meshed: ${f.message} (${f.rule})`,
          f.fix,
        ),
      );
  }
  return out;
}

export const podSecurity = defineCheck({
  name: "pod-security",
  description:
    "every pod template, *with the containers Istio's injector adds* (istio-init without CNI, istio-validation with it, the proxy with `global.proxy.seccompProfile`), passes its namespace's enforced Pod Security level (the rules of pod-security-admission, version latest); meshed namespaces also admit a compliant pod plus the injector's containers (the notebooks and steps controllers create there)",
  cannotSee:
    "the pods controllers create (tenant namespaces, notebook pods, pipeline steps) are modelled by that compliant pod, not observed; pod-security-admission's AppArmor, SELinux, Windows host-process, host probe and restricted procMount rules are not modelled",
  run(input) {
    const mesh = meshSettings(input.chartValues);
    const namespaces = namespacesOf(input.objects);
    const out: Fault[] = [];
    for (const pod of podTemplates(input.objects)) {
      const ns = namespaces.get(pod.namespace);
      const level = enforcedLevel(ns);
      const spec = admittedSpec(pod.spec, isInjected(ns, pod), mesh);
      for (const f of evaluatePodSecurity(spec, level))
        out.push(
          fault(
            pod.owner,
            `${pod.path}.${f.field}`,
            `refused by Pod Security "${level}" in ${pod.namespace}: ${f.message} (${f.rule})`,
            f.fix,
          ),
        );
    }
    return [...out, ...meshNamespaces(input, mesh)];
  },
});
