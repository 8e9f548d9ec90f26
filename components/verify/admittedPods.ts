// Pod templates with the labels their pods carry once admitted: Istio's injector adds the
// canonical-name label that upstream's Gateways and NetworkPolicies select on, so a selector is
// judged against the admitted pod, not the template.
import { isInjected } from "../render/istioInjection";
import { namespacesOf, PodTemplate, podTemplates } from "../render/pods";
import { VerifyInput } from "./types";

export type AdmittedPod = { p: PodTemplate; labels: Record<string, string> };

/** The labels a pod carries once admitted: its own, plus the injector's canonical name. Pure. */
export function admittedLabels(pod: PodTemplate, injected: boolean): Record<string, string> {
  if (!injected || pod.labels["service.istio.io/canonical-name"]) return pod.labels;
  const canonical =
    pod.labels["app.kubernetes.io/name"] ?? pod.labels.app ?? pod.owner.object.metadata.name;
  return { ...pod.labels, "service.istio.io/canonical-name": canonical };
}

/** Every pod template with its admitted labels. Pure. */
export function admittedPods(input: VerifyInput): AdmittedPod[] {
  const namespaces = namespacesOf(input.objects);
  return podTemplates(input.objects).map((p) => ({
    p,
    labels: admittedLabels(p, isInjected(namespaces.get(p.namespace), p)),
  }));
}

/** Whether labels satisfy matchLabels (an absent selector matches everything). Pure. */
export const matchesLabels = (
  sel: Record<string, string> | undefined,
  labels: Record<string, string>,
) => Object.entries(sel ?? {}).every(([k, v]) => labels[k] === v);
