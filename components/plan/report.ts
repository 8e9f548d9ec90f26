// What the plan prints and writes: the resource tree per component, pinned versions, counts.
import { charts, images, kubeflowManifests, manifests } from "../versions";
import { Registration } from "./recorder";

export interface PlanJson {
  stack: string;
  resources: Registration[];
  versions: {
    kubeflowManifests: typeof kubeflowManifests;
    charts: Record<string, string>;
    manifests: typeof manifests;
    images: typeof images;
  };
}

export function planJson(stack: string, resources: Registration[]): PlanJson {
  return {
    stack,
    resources,
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

/** An indented tree: components with their children, marks for protected and retained resources. */
export function formatTree(resources: Registration[]): string {
  const children = new Map<string, Registration[]>();
  for (const r of resources) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const lines: string[] = [];
  const walk = (parent: string, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      const marks = [r.protect ? "protected" : "", r.retainOnDelete ? "retained" : ""]
        .filter(Boolean)
        .join(", ");
      lines.push(
        `${"  ".repeat(depth)}${r.custom ? "-" : "+"} ${r.name} (${r.type})${marks ? ` [${marks}]` : ""}`,
      );
      walk(r.urn, depth + 1);
    }
  };
  walk("", 0);
  return lines.join("\n");
}

export function formatVersions(): string {
  const lines = [
    `kubeflow/manifests ${kubeflowManifests.ref} (${kubeflowManifests.commit.slice(0, 12)})`,
  ];
  for (const c of Object.values(charts)) lines.push(`chart ${c.chart} ${c.version} (${c.repo})`);
  for (const i of Object.values(images)) lines.push(`image ${i}`);
  return lines.join("\n");
}
