// References: what one object names, another must be. Pods' Secrets, ConfigMaps (and their keys),
// PVCs and ServiceAccounts (pods.ts); Service hosts and ports named in env, ConfigMaps and
// VirtualServices (services.ts); VirtualServices' gateways, roleRefs, webhook services and
// certificate issuers (objects.ts); Gateway selectors, with the labels Istio's injector adds
// (selectors.ts). Lookups in namespaces that an unrendered chart writes into are skipped (unknown,
// not wrong). Whether a webhook's pods can be reached is a network property: webhookReachability.ts.
import { podTemplates } from "../../../render/pods";
import { admittedPods } from "../../admittedPods";
import { indexOf } from "../../objectIndex";
import { defineCheck, fault, Fault } from "../../types";
import { objectRefs } from "./objects";
import { podRefs } from "./pods";
import { selectorRefs } from "./selectors";

export const references = defineCheck({
  name: "references",
  description:
    "pods' Secrets, ConfigMaps (and keys), PVCs and ServiceAccounts; Service hosts and ports in env, ConfigMaps and VirtualServices; VirtualServices' gateways; roleRefs; webhook Services; certificate issuers; Gateway selectors (with the labels the injector adds)",
  cannotSee:
    "lookups in the namespaces an unrendered chart writes into, ClusterRoles while any chart is unrendered, and Gateway selectors while any chart is unrendered are skipped (unknown, not wrong)",
  run(input) {
    const ix = indexOf(input);
    const out: Fault[] = [];
    for (const pod of podTemplates(input.objects))
      for (const r of podRefs(pod, ix)) out.push(fault(pod.owner, r.field, r.message, r.fix));
    for (const o of input.objects)
      for (const r of objectRefs(o, ix)) out.push(fault(o, r.field, r.message, r.fix));
    const pods = admittedPods(input);
    for (const o of input.objects)
      for (const r of selectorRefs(o, ix, pods)) out.push(fault(o, r.field, r.message, r.fix));
    return out;
  },
});
