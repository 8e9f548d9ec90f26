// Fields that controllers fill after apply stay out of our inputs: an empty webhook caBundle
// (cainjector fills it; re-applying "" blanks it), Istio's validator failurePolicy (istiod flips
// Ignore to Fail), and webhook-certificate Secrets with empty data (the controller writes the
// certificates; Secret data is replaced on apply, wiping them).
import { isIstioValidator } from "../../lib/controllerFields";
import { defineCheck, fault, Fault } from "../types";

type Webhook = { name: string; failurePolicy?: string; clientConfig?: { caBundle?: string } };

export const controllerFields = defineCheck({
  name: "controller-fields",
  description:
    "no empty webhook `caBundle`, no istiod validator `failurePolicy`, no empty webhook-certificate Secret data in our inputs",
  run(input) {
    const out: Fault[] = [];
    for (const o of input.objects) {
      const k = o.object.kind;
      if (k === "ValidatingWebhookConfiguration" || k === "MutatingWebhookConfiguration") {
        const istio = isIstioValidator(o.object);
        for (const w of (o.object.webhooks ?? []) as Webhook[]) {
          if (w.clientConfig && "caBundle" in w.clientConfig && !w.clientConfig.caBundle)
            out.push(
              fault(
                o,
                `webhooks[name=${w.name}].clientConfig.caBundle`,
                "empty caBundle in our inputs (cainjector fills it)",
                "drop the field in a transform (dropControllerFields)",
              ),
            );
          if (istio && w.failurePolicy)
            out.push(
              fault(
                o,
                `webhooks[name=${w.name}].failurePolicy`,
                "istiod owns failurePolicy (it flips Ignore to Fail)",
                "drop the field in a transform (dropControllerFields)",
              ),
            );
        }
      }
      if (k === "Secret" && o.origin !== "own") {
        const present = "data" in o.object || "stringData" in o.object;
        const data = {
          ...((o.object.data ?? {}) as object),
          ...((o.object.stringData ?? {}) as object),
        };
        if (present && Object.keys(data).length === 0)
          out.push(
            fault(
              o,
              "data",
              "empty certificate Secret in our inputs (its controller writes the certificates)",
              "drop the Secret's data (or the Secret) in a transform (dropControllerFields)",
            ),
          );
      }
    }
    return out;
  },
});
