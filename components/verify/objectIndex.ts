// The rendered objects by kind, namespace and name, for the checks that look up what one object
// names. Lookups in namespaces that an unrendered chart writes into are unknown, not wrong: `has`
// answers yes there.
import { RenderedObject } from "../render/objects";
import { VerifyInput } from "./types";
import { everythingRendered, unrenderedNamespaces } from "./unrendered";

export interface ObjectIndex {
  byKey: Map<string, RenderedObject>;
  unknownNs: Set<string>;
  /** Every chart rendered: cluster-scoped lookups are complete. */
  complete: boolean;
  /** Secrets cert-manager or controllers create at run time: Certificate secretName. */
  issuedSecrets: Set<string>;
}

/** What a lookup found missing, in the object that names it. */
export type Ref = { field: string; message: string; fix: string };

export const key = (kind: string, ns: string | undefined, name: string) =>
  `${kind}/${ns ?? ""}/${name}`;

export function indexOf(input: VerifyInput): ObjectIndex {
  const byKey = new Map<string, RenderedObject>();
  const issuedSecrets = new Set<string>();
  for (const o of input.objects) {
    byKey.set(key(o.object.kind, o.object.metadata.namespace, o.object.metadata.name), o);
    const secretName = (o.object.spec as { secretName?: string } | undefined)?.secretName;
    if (o.object.kind === "Certificate" && secretName)
      issuedSecrets.add(`${o.object.metadata.namespace}/${secretName}`);
  }
  return {
    byKey,
    unknownNs: unrenderedNamespaces(input),
    complete: everythingRendered(input),
    issuedSecrets,
  };
}

/** Whether the object exists, or may (its namespace is written by an unrendered chart). */
export function has(ix: ObjectIndex, kind: string, ns: string | undefined, name: string): boolean {
  return ix.byKey.has(key(kind, ns, name)) || (ns !== undefined && ix.unknownNs.has(ns));
}
