// Ordering: every custom resource is created after its CRD, and every object a fail-closed webhook
// admits is created after the workload that serves that webhook is ready — in our dependsOn graph
// or through `config.kubernetes.io/depends-on` inside one chart or kustomization. The provider
// does not retry a webhook's "connection refused", so anything else fails the first `pulumi up`.
import { K8sObject } from "../../lib/k8s";
import { RenderedObject } from "../../render/objects";
import { groupOf, kindKey } from "../../lib/kinds";
import { OrderGraph } from "../graph";
import { defineCheck, fault, Fault } from "../types";

type Rule = { apiGroups?: string[]; resources?: string[]; operations?: string[] };
type Selector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
};
type Webhook = {
  name: string;
  failurePolicy?: string;
  rules?: Rule[];
  namespaceSelector?: Selector;
  objectSelector?: Selector;
  clientConfig?: { service?: { name: string; namespace: string } };
};

/** Whether labels satisfy a label selector (an absent selector matches everything). Pure. */
export function matchesSelector(
  sel: Selector | undefined,
  labels: Record<string, string>,
): boolean {
  if (!sel) return true;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = e.key in labels;
    const inValues = (e.values ?? []).includes(labels[e.key]);
    if (e.operator === "In" && !inValues) return false;
    if (e.operator === "NotIn" && has && inValues) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

/** The resource (plural) of an object's kind: from its CRD, else the built-in lower-case plural. */
function pluralOf(obj: K8sObject, plurals: Map<string, string>): string {
  return (
    plurals.get(kindKey(obj)) ?? `${obj.kind.toLowerCase()}${obj.kind.endsWith("s") ? "es" : "s"}`
  );
}

function ruleMatches(rule: Rule, obj: K8sObject, plural: string): boolean {
  const any = (list: string[] | undefined, v: string) =>
    !list || list.includes("*") || list.includes(v);
  return (
    any(rule.apiGroups, groupOf(obj.apiVersion)) &&
    any(rule.resources, plural) &&
    any(rule.operations, "CREATE")
  );
}

/** The workload whose pods back a Service (Deployment, StatefulSet or DaemonSet). */
function serviceWorkload(
  objects: RenderedObject[],
  svc: { name: string; namespace: string },
): RenderedObject | undefined {
  const service = objects.find(
    (o) =>
      o.object.kind === "Service" &&
      o.object.metadata.name === svc.name &&
      o.object.metadata.namespace === svc.namespace,
  );
  const selector = (service?.object.spec as { selector?: Record<string, string> } | undefined)
    ?.selector;
  if (!selector) return undefined;
  return objects.find((o) => {
    if (
      !["Deployment", "StatefulSet", "DaemonSet"].includes(o.object.kind) ||
      o.object.metadata.namespace !== svc.namespace
    )
      return false;
    const labels =
      (o.object.spec as { template?: { metadata?: { labels?: Record<string, string> } } }).template
        ?.metadata?.labels ?? {};
    return Object.entries(selector).every(([k, v]) => labels[k] === v);
  });
}

function crdViolations(objects: RenderedObject[], graph: OrderGraph): Fault[] {
  const crds = new Map(
    objects
      .filter((o) => o.object.kind === "CustomResourceDefinition")
      .map((o) => {
        const spec = o.object.spec as { group: string; names: { kind: string } };
        return [`${spec.group}/${spec.names.kind}` as string, o] as const;
      }),
  );
  return objects.flatMap((o) => {
    const crd = crds.get(kindKey(o.object));
    if (!crd || crd.preexisting || o.preexisting || graph.waitsFor(o.urn, crd.urn)) return [];
    return [
      fault(
        o,
        "dependsOn",
        `created without waiting for its CRD ${crd.object.metadata.name}`,
        `make its component depend on the component that installs ${crd.object.metadata.name}`,
      ),
    ];
  });
}

function webhookViolations(objects: RenderedObject[], graph: OrderGraph): Fault[] {
  const plurals = new Map(
    objects
      .filter((o) => o.object.kind === "CustomResourceDefinition")
      .map((o) => {
        const spec = o.object.spec as { group: string; names: { kind: string; plural: string } };
        return [`${spec.group}/${spec.names.kind}`, spec.names.plural] as const;
      }),
  );
  const namespaces = new Map(
    objects
      .filter((o) => o.object.kind === "Namespace")
      .map((o) => [o.object.metadata.name, o.object.metadata.labels ?? {}]),
  );
  const out: Fault[] = [];
  for (const cfg of objects) {
    if (!/^(Validating|Mutating)WebhookConfiguration$/.test(cfg.object.kind)) continue;
    for (const w of (cfg.object.webhooks ?? []) as Webhook[]) {
      if ((w.failurePolicy ?? "Fail") !== "Fail" || !w.clientConfig?.service) continue;
      const server = serviceWorkload(objects, w.clientConfig.service);
      if (!server || server.preexisting) continue;
      for (const o of objects) {
        if (o === server || o.object.kind === "Pod") continue;
        const plural = pluralOf(o.object, plurals);
        if (!(w.rules ?? []).some((r) => ruleMatches(r, o.object, plural))) continue;
        const ns = o.object.metadata.namespace;
        if (
          ns &&
          !matchesSelector(w.namespaceSelector, {
            "kubernetes.io/metadata.name": ns,
            ...namespaces.get(ns),
          })
        )
          continue;
        if (!matchesSelector(w.objectSelector, o.object.metadata.labels ?? {})) continue;
        if (graph.waitsFor(o.urn, server.urn) || graph.waitsFor(server.urn, o.urn)) continue;
        out.push(
          fault(
            o,
            "dependsOn",
            `admitted by fail-closed webhook ${w.name}, but created without waiting for ${server.object.kind} ${server.object.metadata.namespace}/${server.object.metadata.name}`,
            `add the annotation config.kubernetes.io/depends-on to wait for that ${server.object.kind} (same chart or kustomization), or a dependsOn on its component`,
          ),
        );
      }
    }
  }
  return out;
}

export const ordering = defineCheck({
  name: "ordering",
  description:
    "every custom resource waits for its CRD, every object a fail-closed webhook admits waits for the workload serving that webhook (through dependsOn, or `config.kubernetes.io/depends-on` inside one chart or kustomization)",
  cannotSee:
    "readiness is modelled as \"the workload is ready\" (a CA injected by cert-manager after the Deployment is ready is ordered by our cert-manager API check Job, not by the check); children of a component are modelled as waiting for the component's dependencies; webhooks' runtime rules (Knative's config webhooks add their rules when they start) are not known",
  run(input) {
    const graph = new OrderGraph(input.objects, input.registrations);
    return [...crdViolations(input.objects, graph), ...webhookViolations(input.objects, graph)];
  },
});
