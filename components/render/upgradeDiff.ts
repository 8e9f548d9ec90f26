// What an upgrade does to the objects inside charts and kustomizations, which the plan diff cannot
// see: two renders (before and after a pin change), compared object by object the way the engine
// and the Kubernetes provider will. An object keeps its state when its URN, or one of its aliases,
// is in both; a new URN for an object the cluster already has is a create that fails with
// AlreadyExists (pulumi-kubernetes 4.29 and later); a change of a field the provider cannot update
// in place is a replacement (delete, then create: the objects have fixed names; the fields are in
// components/lib/forceNew.ts).
import { RenderedObject } from "./objects";
import { apiVersionOfType, describe, identity, typeToken } from "../lib/kinds";
import { otherVersionTypes } from "../lib/apiVersionAliases";
import { K8sObject } from "../lib/k8s";
import { changedFields, forceNewFields } from "../lib/forceNew";

export type UpgradeAction = "update" | "replace" | "create" | "delete" | "collision";

export interface UpgradeChange {
  action: UpgradeAction;
  object: string;
  urn: string;
  /** Data or volumes are lost with it (a volume claim, a StatefulSet's claims, every CR of a CRD). */
  stateful: boolean;
  /** For a replacement: the fields that force it. */
  fields?: string[];
}

/** Whether losing the object loses data. Pure. */
export function isStateful(obj: K8sObject): boolean {
  if (obj.kind === "PersistentVolumeClaim" || obj.kind === "PersistentVolume") return true;
  if (obj.kind === "CustomResourceDefinition") return true;
  const spec = obj.spec as { volumeClaimTemplates?: unknown[] } | undefined;
  return obj.kind === "StatefulSet" && (spec?.volumeClaimTemplates?.length ?? 0) > 0;
}

/** The fields whose change forces a replacement of this object. Pure. */
export function replacingFields(before: K8sObject, after: K8sObject): string[] {
  return changedFields(before, after, forceNewFields(after.apiVersion, after.kind)).map(
    (p) => `.${p.join(".")}`,
  );
}

/** The URNs the engine would match for this one: its own, then its aliases' (other versions). */
export function candidateUrns(urn: string): string[] {
  const parts = urn.split("::");
  const chain = parts[2].split("$");
  const own = chain[chain.length - 1];
  return [
    urn,
    ...otherVersionTypes(own).map((type) => {
      const aliased = [...chain.slice(0, -1), type].join("$");
      return [parts[0], parts[1], aliased, ...parts.slice(3)].join("::");
    }),
  ];
}

/** Every object that is not simply unchanged, as the engine would treat it. Pure. */
export function upgradeDiff(before: RenderedObject[], after: RenderedObject[]): UpgradeChange[] {
  const beforeByUrn = new Map(before.map((r) => [r.urn, r]));
  const beforeByIdentity = new Map(before.map((r) => [identity(r.object), r]));
  const matched = new Set<string>();
  const changes: UpgradeChange[] = [];
  for (const next of after) {
    const prevUrn = candidateUrns(next.urn).find((u) => beforeByUrn.has(u));
    const entry = {
      object: describe(next.object),
      urn: next.urn,
      stateful: isStateful(next.object),
    };
    if (prevUrn) {
      matched.add(prevUrn);
      const prev = beforeByUrn.get(prevUrn)!.object;
      const fields = replacingFields(prev, next.object);
      if (fields.length) changes.push({ ...entry, action: "replace", fields });
      else if (JSON.stringify(prev) !== JSON.stringify(next.object))
        changes.push({ ...entry, action: "update" });
      continue;
    }
    const sameObject = beforeByIdentity.get(identity(next.object));
    if (sameObject) {
      // The cluster has it under another URN: the create comes first and fails.
      matched.add(sameObject.urn);
      changes.push({ ...entry, action: "collision", stateful: isStateful(sameObject.object) });
    } else changes.push({ ...entry, action: "create" });
  }
  for (const prev of before)
    if (!matched.has(prev.urn))
      changes.push({
        action: "delete",
        object: describe(prev.object),
        urn: prev.urn,
        stateful: isStateful(prev.object),
      });
  return changes;
}

/** The changes an upgrade must not make silently: stateful replacements and deletions, collisions. */
export function blockingChanges(changes: UpgradeChange[]): UpgradeChange[] {
  return changes.filter(
    (c) =>
      c.action === "collision" || (c.stateful && (c.action === "replace" || c.action === "delete")),
  );
}

/** The type token an object would be registered with (for tests that move objects). Pure. */
export function moveToVersion(r: RenderedObject, apiVersion: string): RenderedObject {
  const type = typeToken(apiVersion, r.object.kind);
  const parts = r.urn.split("::");
  const chain = parts[2].split("$");
  if (!apiVersionOfType(chain[chain.length - 1])) return r;
  chain[chain.length - 1] = type;
  return {
    ...r,
    object: { ...r.object, apiVersion },
    urn: [parts[0], parts[1], chain.join("$"), ...parts.slice(3)].join("::"),
  };
}

/** One line per change, counts first; blocking ones marked. Pure. */
export function formatUpgradeDiff(changes: UpgradeChange[]): string {
  if (changes.length === 0) return "  nothing";
  const blocking = new Set(blockingChanges(changes));
  const counts = (["update", "replace", "create", "delete", "collision"] as const)
    .map((a) => `${changes.filter((c) => c.action === a).length} ${a}`)
    .join(", ");
  const lines = changes
    .filter((c) => c.action !== "update")
    .map(
      (c) =>
        `  ${blocking.has(c) ? "✗" : "·"} ${c.action} ${c.object}${c.fields ? ` (${c.fields.join(", ")})` : ""}${
          c.action === "collision"
            ? ": a new URN for an object the cluster has; add an alias from its old URN"
            : ""
        }${blocking.has(c) && c.action !== "collision" ? ": loses data" : ""}`,
    );
  return [`  ${counts}`, ...lines].join("\n");
}
