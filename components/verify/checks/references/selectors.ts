// Selectors that must select something: an Istio Gateway's selector matches a gateway pod's
// labels as admitted (with the labels Istio's injector adds). Only judged when every namespace
// rendered: a gateway chart that did not render has pods we cannot see.
import { RenderedObject } from "../../../render/objects";
import { AdmittedPod, matchesLabels } from "../../admittedPods";
import { ObjectIndex, Ref } from "../../objectIndex";

/** An Istio Gateway whose selector matches no admitted pod. Pure. */
export function selectorRefs(o: RenderedObject, ix: ObjectIndex, pods: AdmittedPod[]): Ref[] {
  const spec = (o.object.spec ?? {}) as { selector?: Record<string, string> };
  const orphan =
    o.object.kind === "Gateway" &&
    o.object.apiVersion.startsWith("networking.istio.io") &&
    spec.selector &&
    ix.unknownNs.size === 0 &&
    !pods.some(({ labels }) => matchesLabels(spec.selector, labels));
  return orphan
    ? [
        {
          field: "spec.selector",
          message: "selects no gateway pod",
          fix: "match the gateway Deployment's pod labels",
        },
      ]
    : [];
}
