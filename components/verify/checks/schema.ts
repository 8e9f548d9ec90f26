// Schema: custom resources against the openAPIV3Schema of their CRD in the same render (the served
// version they name), built-in kinds (and Istio, cert-manager kinds) against the upstream schemas
// in the kubernetes-models packages. A custom kind with neither is left to the ordering check.
import { K8sObject } from "../../lib/k8s";
import { kindKey } from "../../lib/kinds";
import { crdValidator } from "../crdSchema";
import { validateWithModel } from "../models";
import { defineCheck, fault, Fault } from "../types";

// Secret values are redacted in the plan ("[secret]"), which a schema for a map would refuse.
const REDACTED = "[secret]";

function withoutRedacted(obj: K8sObject): Record<string, unknown> {
  return JSON.parse(JSON.stringify(obj, (_k, v) => (v === REDACTED ? undefined : v)));
}

export const schema = defineCheck({
  name: "schema",
  description:
    "custom resources against the `openAPIV3Schema` of their CRD in the same render (unknown fields, which the server would prune, are errors; a version the CRD does not serve is an error); built-in kinds, Istio and cert-manager kinds against the upstream schemas of the `kubernetes-models` packages",
  cannotSee:
    "no API server: defaulting, CEL validation rules (`x-kubernetes-validations`), formats and admission policies are not run; the models of built-in kinds check types and required fields but not unknown fields",
  run(input) {
    const crds = new Map(
      input.objects
        .filter((o) => o.object.kind === "CustomResourceDefinition")
        .map((o) => {
          const spec = o.object.spec as { group: string; names: { kind: string } };
          return [`${spec.group}/${spec.names.kind}` as string, o.object] as const;
        }),
    );
    const out: Fault[] = [];
    for (const o of input.objects) {
      const data = withoutRedacted(o.object);
      const crd = crds.get(kindKey(o.object));
      if (crd) {
        const version = o.object.apiVersion.split("/")[1];
        const validate = crdValidator(crd as never, version);
        if (!validate) {
          out.push(
            fault(
              o,
              "apiVersion",
              `${o.object.apiVersion} is not a served version of ${crd.metadata.name}`,
              "use a version the CRD serves",
            ),
          );
          continue;
        }
        if (!validate(data))
          for (const e of validate.errors ?? [])
            out.push(
              fault(
                o,
                e.instancePath || "/",
                `${e.message}${e.params && "additionalProperty" in e.params ? `: ${String(e.params.additionalProperty)}` : ""}`,
                "fix the field as the CRD defines it",
              ),
            );
        continue;
      }
      try {
        validateWithModel(data);
      } catch (err) {
        out.push(
          fault(
            o,
            "(schema)",
            String((err as Error).message)
              .split("\n")
              .slice(0, 3)
              .join(" "),
            "fix the field as the Kubernetes API defines it",
          ),
        );
      }
    }
    return out;
  },
});
