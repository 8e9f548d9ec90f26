// What the render could not see: namespaces that unrendered charts write into. Lookups there are
// unknown (the chart's ServiceAccounts, Secrets, Services are missing), so checks skip them.
import { VerifyInput } from "./types";

export function unrenderedNamespaces(input: VerifyInput): Set<string> {
  const urns = new Set(input.notRendered.map((n) => n.urn));
  return new Set(
    input.registrations
      .filter((r) => urns.has(r.urn))
      .map((r) => String(r.inputs.namespace ?? "default")),
  );
}

/** Whether cluster-scoped lookups are complete (every chart rendered). */
export function everythingRendered(input: VerifyInput): boolean {
  return input.notRendered.length === 0;
}
