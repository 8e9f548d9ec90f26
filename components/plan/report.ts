// What the plan prints and writes: the resource tree per component, pinned versions, counts.
import { charts, images, kubeflowManifests, manifests } from "../versions";
import { FootprintRow } from "./footprint";
import { Registration } from "./recorder";
import { PlatformConfig } from "../config/schema";

export interface PlanJson {
  stack: string;
  resources: Registration[];
  /** CPU and memory requests the platform sets, per component. */
  footprint: FootprintRow[];
  versions: {
    kubeflowManifests: typeof kubeflowManifests;
    charts: Record<string, string>;
    manifests: typeof manifests;
    images: typeof images;
  };
}

export function planJson(
  stack: string,
  resources: Registration[],
  footprint: FootprintRow[] = [],
): PlanJson {
  return {
    stack,
    resources,
    footprint,
    versions: {
      kubeflowManifests,
      charts: Object.fromEntries(
        Object.entries(charts).map(([k, c]) => [k, `${c.repo} ${c.chart}@${c.version}`]),
      ),
      manifests,
      images,
    },
  };
}

/** The resource and all resources under it. */
function descendants(resources: Registration[], root: Registration): Registration[] {
  const children = new Map<string, Registration[]>();
  for (const r of resources) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const out: Registration[] = [];
  const walk = (r: Registration) => {
    out.push(r);
    for (const c of children.get(r.urn) ?? []) walk(c);
  };
  walk(root);
  return out;
}

/**
 * The pinned artifacts a set of registrations uses: charts by name and version, kubeflow/manifests
 * when a kustomization is registered, and catalog images that appear in their inputs.
 */
export function versionsInUse(resources: Registration[]): string[] {
  const used = new Set<string>();
  for (const r of resources) {
    if (r.type === "kubernetes:helm.sh/v4:Chart") {
      const pin = Object.values(charts).find(
        (c) => String(r.inputs.chart).endsWith(c.chart) && r.inputs.version === c.version,
      );
      used.add(
        pin ? `chart ${pin.chart} ${pin.version}` : `chart ${String(r.inputs.chart)} (unpinned)`,
      );
    }
    if (r.type === "kubernetes:kustomize/v2:Directory")
      used.add(`kubeflow/manifests ${kubeflowManifests.ref}`);
  }
  const text = JSON.stringify(resources.map((r) => r.inputs));
  for (const image of Object.values(images)) if (text.includes(image)) used.add(`image ${image}`);
  return [...used].sort();
}

// Not "+" and "-": Pulumi users read those as create and delete.
export const COMPONENT_MARK = "▸";
export const RESOURCE_MARK = "·";

/**
 * An indented tree: each component with the pinned versions it uses, its children, and marks for
 * protected and retained resources.
 */
export function formatTree(resources: Registration[]): string {
  const children = new Map<string, Registration[]>();
  for (const r of resources) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const lines: string[] = [];
  const walk = (parent: string, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      const marks = [r.protect ? "protected" : "", r.retainOnDelete ? "retained" : ""]
        .filter(Boolean)
        .join(", ");
      const versions = depth === 0 && !r.custom ? versionsInUse(descendants(resources, r)) : [];
      lines.push(
        `${"  ".repeat(depth)}${r.custom ? RESOURCE_MARK : COMPONENT_MARK} ${r.name} (${r.type})${marks ? ` [${marks}]` : ""}${versions.length ? ` — ${versions.join(", ")}` : ""}`,
      );
      walk(r.urn, depth + 1);
    }
  };
  walk("", 0);
  return lines.join("\n");
}

/** Every pinned artifact the plan uses, with where it comes from. */
export function formatVersions(resources: Registration[]): string {
  const used = new Set(versionsInUse(resources));
  const lines: string[] = [];
  if (used.has(`kubeflow/manifests ${kubeflowManifests.ref}`))
    lines.push(
      `kubeflow/manifests ${kubeflowManifests.ref} (${kubeflowManifests.commit.slice(0, 12)}, ${kubeflowManifests.repo})`,
    );
  for (const c of Object.values(charts))
    if (used.has(`chart ${c.chart} ${c.version}`))
      lines.push(`chart ${c.chart} ${c.version} (${c.repo})`);
  for (const i of Object.values(images)) if (used.has(`image ${i}`)) lines.push(`image ${i}`);
  return lines.join("\n");
}

/** Which cluster a stack's plan is for, in words: the first thing a reader must be sure of. Pure. */
export function planTarget(cfg: PlatformConfig): string {
  if (cfg.clusterStack) return `the cluster of stack ${cfg.clusterStack}`;
  const c = cfg.cluster;
  switch (c.kind) {
    case "existing":
      return c.context
        ? `kubeconfig context ${c.context}${c.kubeconfig ? ` in ${c.kubeconfig}` : ""}`
        : `the kubeconfig's current context, whichever cluster that is when it runs (cluster.useCurrentContext)`;
    case "aws":
      return `a new EKS cluster in ${c.region}`;
    case "gcp":
      return `a new GKE cluster in ${c.project}/${c.region}`;
    case "azure":
      return `a new AKS cluster in ${c.location}`;
  }
}

/** The plan's first line: the stack, what it targets, and how to read the tree. Pure. */
export function planHeader(stack: string, cfg: PlatformConfig): string {
  return `Plan for stack ${stack}, targeting ${planTarget(cfg)} (${COMPONENT_MARK} component, ${RESOURCE_MARK} resource; nothing is applied)\n`;
}
