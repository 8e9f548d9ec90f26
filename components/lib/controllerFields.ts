// Fields that controllers own after apply, removed from upstream objects before they are
// registered. With server-side apply a field we do not send is a field we do not own: the
// controller's value survives the next `pulumi up`, and a refresh shows no change.
// - webhook clientConfig.caBundle: cert-manager's cainjector (or the controller) fills it;
// - failurePolicy of istiod's validating webhook: istiod sets it to Fail once it is ready;
// - empty data of upstream's placeholder Secrets: the controllers (cert-controller) write the
//   webhook certificates into them.
import { K8sObject } from "./k8s";
import { ObjectTransform } from "./transforms";

type Webhook = { failurePolicy?: string; clientConfig?: Record<string, unknown> };

/** istiod's validating webhook configuration, whose failurePolicy istiod owns. */
export function isIstioValidator(obj: K8sObject): boolean {
  return (
    obj.kind === "ValidatingWebhookConfiguration" &&
    (obj.metadata.name.startsWith("istio-validator") || obj.metadata.labels?.app === "istiod")
  );
}

/** Drop controller-owned fields. Pure; copies only what it changes. */
export const dropControllerFields: ObjectTransform = (obj) => {
  if (
    obj.kind === "ValidatingWebhookConfiguration" ||
    obj.kind === "MutatingWebhookConfiguration"
  ) {
    const copy = structuredClone(obj);
    for (const w of (copy.webhooks ?? []) as Webhook[]) {
      if (w.clientConfig && !w.clientConfig.caBundle) delete w.clientConfig.caBundle;
      if (isIstioValidator(copy)) delete w.failurePolicy;
    }
    return copy;
  }
  if (obj.kind === "Secret") {
    const empty = (v: unknown) => v !== undefined && Object.keys(v ?? {}).length === 0;
    if (!empty(obj.data) && !empty(obj.stringData)) return obj;
    const copy = structuredClone(obj);
    if (empty(copy.data)) delete copy.data;
    if (empty(copy.stringData)) delete copy.stringData;
    return copy;
  }
  return obj;
};
