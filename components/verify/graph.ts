// The order `pulumi up` creates things in, as a graph over rendered objects: explicit dependsOn
// (a dependency on a component means on everything under it), and the provider's own ordering
// inside one chart or kustomization (cli-utils' dependency graph, which pulumi-kubernetes' yaml/v2
// uses: CRD before its custom resources, Namespace before what lives in it, and
// `config.kubernetes.io/depends-on` annotations).
import { Registration } from "../plan/recorder";
import { RenderedObject } from "../render/objects";
import { groupOf, kindKey } from "../lib/kinds";

/** `config.kubernetes.io/depends-on` references of an object: group/kind/namespace/name keys. Pure. */
export function dependsOnAnnotation(o: RenderedObject): string[] {
  const raw = o.object.metadata.annotations?.["config.kubernetes.io/depends-on"];
  if (!raw) return [];
  return raw.split(",").map((ref) => {
    const parts = ref.trim().split("/");
    // group/namespaces/<ns>/<kind>/<name> or group/<kind>/<name>
    return parts[1] === "namespaces" && parts.length === 5
      ? `${parts[0]}/${parts[3]}/${parts[2]}/${parts[4]}`
      : `${parts[0]}/${parts[1]}//${parts[2]}`;
  });
}

/** The annotation value that makes an object wait for another (cli-utils' format). Pure. */
export function dependsOnRef(target: {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}): string {
  const group = groupOf(target.apiVersion);
  const ns = target.metadata.namespace;
  return ns
    ? `${group}/namespaces/${ns}/${target.kind}/${target.metadata.name}`
    : `${group}/${target.kind}/${target.metadata.name}`;
}

function idKey(o: RenderedObject): string {
  return `${kindKey(o.object)}/${o.object.metadata.namespace ?? ""}/${o.object.metadata.name}`;
}

export class OrderGraph {
  private readonly deps = new Map<string, Set<string>>();
  private readonly under = new Map<string, string[]>();

  constructor(objects: RenderedObject[], registrations: Registration[]) {
    const parent = new Map(registrations.map((r) => [r.urn, r.parent]));
    // Everything under each registration: the rendered objects whose source chain passes it.
    for (const o of objects)
      for (let u: string | undefined = o.source; u; u = parent.get(u)) {
        if (u !== o.urn) this.under.set(u, [...(this.under.get(u) ?? []), o.urn]);
      }
    const bySource = new Map<string, RenderedObject[]>();
    for (const o of objects) bySource.set(o.source, [...(bySource.get(o.source) ?? []), o]);
    for (const o of objects) {
      const d = new Set<string>();
      for (const dep of o.dependsOn) for (const u of this.expand(dep)) d.add(u);
      if (o.origin !== "own")
        for (const u of this.providerOrder(o, bySource.get(o.source)!)) d.add(u);
      this.deps.set(o.urn, d);
    }
  }

  /** A URN, or everything under it when it is a component. */
  private expand(urn: string): string[] {
    return [urn, ...(this.under.get(urn) ?? [])];
  }

  private providerOrder(o: RenderedObject, siblings: RenderedObject[]): string[] {
    const wanted = new Set(dependsOnAnnotation(o));
    const out: string[] = [];
    for (const s of siblings) {
      if (s === o) continue;
      const crd =
        s.object.kind === "CustomResourceDefinition" &&
        `${(s.object.spec as { group: string }).group}/${(s.object.spec as { names: { kind: string } }).names.kind}` ===
          kindKey(o.object);
      const ns =
        s.object.kind === "Namespace" && s.object.metadata.name === o.object.metadata.namespace;
      if (crd || ns || wanted.has(idKey(s))) out.push(s.urn);
    }
    return out;
  }

  /** Whether `from` is created only after `to` (a path of dependencies). */
  waitsFor(from: string, to: string): boolean {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const u = stack.pop()!;
      if (u === to) return u !== from;
      if (seen.has(u)) continue;
      seen.add(u);
      for (const d of this.deps.get(u) ?? []) stack.push(d);
    }
    return false;
  }
}
