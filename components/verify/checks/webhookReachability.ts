// Webhooks reachable under an enforcing CNI: when a NetworkPolicy isolates a webhook's pods, one of
// the policies selecting them must let the API server in on the webhook's port. (Upstream's
// kubeflow-system policies select Istio canonical names: a pod labelled otherwise is isolated by
// default-allow-same-namespace and its webhook times out.) Pods are judged with the labels they
// carry once admitted, the injector's included.
import { RenderedObject } from "../../render/objects";
import { allContainers } from "../../render/pods";
import { AdmittedPod, admittedPods, matchesLabels } from "../admittedPods";
import { indexOf, key, ObjectIndex } from "../objectIndex";
import { defineCheck, fault, Fault } from "../types";

type PolicyRule = { from?: Record<string, unknown>[]; ports?: { port?: number | string }[] };
type Policy = {
  podSelector?: { matchLabels?: Record<string, string> };
  policyTypes?: string[];
  ingress?: PolicyRule[];
};
type WebhookService = { name: string; namespace: string; port?: number };
type Webhook = { name: string; clientConfig?: { service?: WebhookService } };

/** Whether an ingress rule lets the API server (outside every namespace) reach a port. Pure. */
function admitsApiServer(rule: PolicyRule, port: number, portName?: string): boolean {
  const portOk =
    !rule.ports?.length ||
    rule.ports.some((p) => p.port === undefined || p.port === port || p.port === portName);
  const fromAnywhere =
    !rule.from?.length ||
    rule.from.some((f) => {
      const block = f.ipBlock as { cidr?: string } | undefined;
      return (
        block?.cidr === "0.0.0.0/0" ||
        (f.namespaceSelector !== undefined &&
          Object.keys(f.namespaceSelector as object).length === 0 &&
          !f.podSelector)
      );
    });
  return portOk && fromAnywhere;
}

/** The webhook's pods that isolating policies keep the API server from, one fault each. Pure. */
function unreachable(
  w: Webhook,
  s: WebhookService,
  ix: ObjectIndex,
  pods: AdmittedPod[],
  policies: RenderedObject[],
): Fault[] {
  const svc = ix.byKey.get(key("Service", s.namespace, s.name));
  if (!svc) return [];
  const spec = svc.object.spec as {
    selector?: Record<string, string>;
    ports?: { port: number; targetPort?: number | string }[];
  };
  const target = (spec.ports ?? []).find((p) => p.port === (s.port ?? 443))?.targetPort;
  const out: Fault[] = [];
  for (const { p, labels } of pods) {
    if (p.namespace !== s.namespace || !spec.selector || !matchesLabels(spec.selector, labels))
      continue;
    const named = allContainers(p.spec)
      .flatMap(({ container }) => container.ports ?? [])
      .find((cp) => cp.name === target || cp.containerPort === target);
    const port = typeof target === "number" ? target : (named?.containerPort ?? s.port ?? 443);
    const isolating = policies.filter((n) => {
      const ps = n.object.spec as Policy;
      return (
        n.object.metadata.namespace === s.namespace &&
        (ps.policyTypes ?? ["Ingress"]).includes("Ingress") &&
        matchesLabels(ps.podSelector?.matchLabels, labels)
      );
    });
    if (!isolating.length) continue;
    const admitted = isolating.some((n) =>
      ((n.object.spec as Policy).ingress ?? []).some((r) => admitsApiServer(r, port, named?.name)),
    );
    if (admitted) continue;
    out.push(
      fault(
        p.owner,
        `${p.path} (NetworkPolicy)`,
        `webhook ${w.name} is unreachable: NetworkPolicies ${isolating.map((n) => n.object.metadata.name).join(", ")} isolate its pods and none admits port ${port} from the API server`,
        "label the pods as the namespace's webhook policy selects (e.g. service.istio.io/canonical-name), or allow the port",
      ),
    );
  }
  return out;
}

export const webhookReachability = defineCheck({
  name: "webhook-reachability",
  description:
    "webhooks reachable when NetworkPolicies isolate their pods: a policy selecting them lets the API server in on the webhook's port (with the labels the injector adds)",
  cannotSee:
    "only NetworkPolicy ingress is modelled (an empty namespace selector or 0.0.0.0/0 admits the API server); the CNI's own behaviour, egress, DNS and cloud load balancers are not",
  run(input) {
    const ix = indexOf(input);
    const pods = admittedPods(input);
    const policies = input.objects.filter((o) => o.object.kind === "NetworkPolicy");
    return input.objects
      .filter((o) => /WebhookConfiguration$/.test(o.object.kind))
      .flatMap((cfg) =>
        ((cfg.object.webhooks ?? []) as Webhook[]).flatMap((w) => {
          const s = w.clientConfig?.service;
          return s ? unreachable(w, s, ix, pods, policies) : [];
        }),
      );
  },
});
