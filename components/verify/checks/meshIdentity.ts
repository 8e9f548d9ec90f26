// Mesh identity: every principal an AuthorizationPolicy allows, and every principal the profile
// controller is told (ISTIO_INGRESS_GATEWAY_PRINCIPAL and friends), is a ServiceAccount that exists
// and that a workload really runs as. A principal nobody runs as is a 403 for every caller.
import { RenderedObject } from "../../render/objects";
import { podTemplates } from "../../render/pods";
import { defineCheck, fault, Fault } from "../types";
import { unrenderedNamespaces } from "../unrendered";

const PRINCIPAL = /^cluster\.local\/ns\/([^/]+)\/sa\/([^/]+)$/;

/** Principals named by an object, with the field they are in. Pure. */
export function principalsOf(o: RenderedObject): { field: string; principal: string }[] {
  const out: { field: string; principal: string }[] = [];
  if (o.object.kind === "AuthorizationPolicy") {
    const rules =
      (o.object.spec as { rules?: { from?: { source?: { principals?: string[] } }[] }[] })?.rules ??
      [];
    rules.forEach((r, i) =>
      (r.from ?? []).forEach((f, j) =>
        (f.source?.principals ?? []).forEach((p) =>
          out.push({ field: `spec.rules[${i}].from[${j}].source.principals`, principal: p }),
        ),
      ),
    );
  }
  if (o.object.kind === "ConfigMap")
    for (const [k, v] of Object.entries((o.object.data ?? {}) as Record<string, string>))
      if (k.endsWith("_PRINCIPAL") && PRINCIPAL.test(v))
        out.push({ field: `data.${k}`, principal: v });
  return out;
}

export const meshIdentity = defineCheck({
  name: "mesh-identity",
  description:
    "every principal an AuthorizationPolicy (or a `*_PRINCIPAL` ConfigMap key) allows is a ServiceAccount that exists and that a workload runs as",
  run(input) {
    const accounts = new Set(
      input.objects
        .filter((o) => o.object.kind === "ServiceAccount")
        .map((o) => `${o.object.metadata.namespace}/${o.object.metadata.name}`),
    );
    const usedBy = new Set(
      podTemplates(input.objects).map(
        (p) => `${p.namespace}/${p.spec.serviceAccountName ?? p.spec.serviceAccount ?? "default"}`,
      ),
    );
    const unknown = unrenderedNamespaces(input);
    const out: Fault[] = [];
    for (const o of input.objects)
      for (const { field, principal } of principalsOf(o)) {
        const m = PRINCIPAL.exec(principal);
        if (!m || m[2] === "*" || unknown.has(m[1])) continue;
        const sa = `${m[1]}/${m[2]}`;
        if (!accounts.has(sa))
          out.push(
            fault(
              o,
              field,
              `allows ${principal}, but ServiceAccount ${sa} does not exist`,
              "make the caller run as that ServiceAccount (e.g. the gateway chart's serviceAccount.name) or allow the one it runs as",
            ),
          );
        else if (!usedBy.has(sa))
          out.push(
            fault(
              o,
              field,
              `allows ${principal}, but no workload runs as ${sa}`,
              "make the caller's pods use that ServiceAccount",
            ),
          );
      }
    return out;
  },
});
