// What a change does, from two plan JSON files (npm run plan -- --diff old.json new.json): added,
// removed and modified resources per component, and, flagged, every change that would replace or
// delete a stateful resource (database, object store, volume, cluster, tenant namespace, generated
// credential baked into data).
import { isDeepStrictEqual } from "util";
import { PlanJson } from "./report";
import { Registration } from "./recorder";
import { changedFields, forceNewFields } from "../lib/forceNew";
import { apiVersionOfType } from "../lib/kinds";

/** Resources whose loss loses data. */
export function isStateful(r: Registration): boolean {
  const labels = (r.inputs.metadata as { labels?: Record<string, string> } | undefined)?.labels;
  return (
    r.protect ||
    (r.type === "kubernetes:core/v1:Namespace" &&
      labels?.["app.kubernetes.io/part-of"] === "kubeflow-profile") ||
    r.retainOnDelete ||
    /:(PersistentVolumeClaim|StatefulSet)$/.test(r.type) ||
    /^(aws:rds|aws:s3|aws:eks\/cluster|gcp:sql|gcp:storage|gcp:container\/cluster|azure-native:(dbformysql|storage|containerservice:ManagedCluster))/.test(
      r.type,
    )
  );
}

/**
 * Input paths whose change makes the provider replace the resource rather than update it
 * (Kubernetes immutable fields; every input of a generated password).
 */
export function replacementFields(r: Registration): string[][] {
  if (r.type.startsWith("random:")) return Object.keys(r.inputs).map((k) => [k]);
  if (
    !r.type.startsWith("kubernetes:") ||
    r.type.includes(":helm.sh/") ||
    r.type.includes(":kustomize/")
  )
    return [];
  const kind = apiVersionOfType(r.type);
  return kind ? forceNewFields(kind.apiVersion, kind.kind) : [];
}

export interface ComponentDiff {
  component: string;
  added: string[];
  removed: string[];
  modified: string[];
  replaced: string[];
  /** Stateful resources removed or replaced: data would be lost. */
  dangerous: string[];
}

/** The top-level ancestor's name: the component a resource belongs to. */
function componentOf(r: Registration, byUrn: Map<string, Registration>): string {
  let cur = r;
  while (cur.parent && byUrn.has(cur.parent)) cur = byUrn.get(cur.parent)!;
  return cur.name;
}

export function diffPlans(before: PlanJson, after: PlanJson): ComponentDiff[] {
  const oldBy = new Map(before.resources.map((r) => [r.urn, r]));
  const newBy = new Map(after.resources.map((r) => [r.urn, r]));
  // A renamed resource with an alias to its old URN is the same resource.
  const aliased = new Map<string, Registration>();
  for (const r of after.resources) for (const a of r.aliases ?? []) aliased.set(a, r);
  const diffs = new Map<string, ComponentDiff>();
  const entry = (component: string) => {
    if (!diffs.has(component))
      diffs.set(component, {
        component,
        added: [],
        removed: [],
        modified: [],
        replaced: [],
        dangerous: [],
      });
    return diffs.get(component)!;
  };
  for (const r of after.resources) {
    const old = oldBy.get(r.urn) ?? (r.aliases ?? []).map((a) => oldBy.get(a)).find(Boolean);
    const d = entry(componentOf(r, newBy));
    if (!old) {
      d.added.push(r.name);
      continue;
    }
    if (isDeepStrictEqual(old.inputs, r.inputs) && old.protect === r.protect) continue;
    const replaced = changedFields(old.inputs, r.inputs, replacementFields(r)).length > 0;
    (replaced ? d.replaced : d.modified).push(r.name);
    if (replaced && isStateful(old)) d.dangerous.push(`${r.name} (replaced)`);
  }
  for (const r of before.resources) {
    if (newBy.has(r.urn) || aliased.has(r.urn)) continue;
    const d = entry(componentOf(r, oldBy));
    d.removed.push(r.name);
    // Retained resources stay in the cluster but leave Pulumi's care: flagged all the same.
    if (isStateful(r))
      d.dangerous.push(
        `${r.name} (${r.retainOnDelete ? "removed; kept in the cluster" : "deleted"})`,
      );
  }
  return [...diffs.values()]
    .filter((d) => d.added.length + d.removed.length + d.modified.length + d.replaced.length > 0)
    .sort((a, b) => a.component.localeCompare(b.component));
}

const RED = "\x1b[31m";
const RESET = "\x1b[0m";

export function formatDiff(diffs: ComponentDiff[], color = true): string {
  if (diffs.length === 0) return "No changes.";
  const red = (s: string) => (color ? `${RED}${s}${RESET}` : s);
  const lines: string[] = [];
  for (const d of diffs) {
    lines.push(
      `${d.component}: +${d.added.length} -${d.removed.length} ~${d.modified.length} replace ${d.replaced.length}`,
    );
    for (const n of d.added) lines.push(`  + ${n}`);
    for (const n of d.removed) lines.push(`  - ${n}`);
    for (const n of d.modified) lines.push(`  ~ ${n}`);
    for (const n of d.replaced) lines.push(`  +- ${n}`);
    for (const n of d.dangerous) lines.push(red(`  !! STATEFUL: ${n}`));
  }
  const dangerous = diffs.flatMap((d) => d.dangerous);
  if (dangerous.length)
    lines.push(
      red(
        `\n${dangerous.length} stateful resource(s) would be replaced or removed: check before merging.`,
      ),
    );
  return lines.join("\n");
}
