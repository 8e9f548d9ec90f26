// One `pulumi up` of the full profile converges only if every custom resource is created after
// the installer of its CRD (and the webhook that admits it). This walks the plan's dependency graph.
import { beforeAll, describe, expect, it } from "vitest";
import { Registration } from "../../components/plan/recorder";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import { plan, writtenObjects } from "../mocks";

/** API group → the registrations that install its CRDs (and serve its webhooks). */
const INSTALLERS: Record<string, string[]> = {
  "cert-manager.io": ["cert-manager-chart"],
  "networking.istio.io": ["istio-base", "istio-istiod"],
  "security.istio.io": ["istio-base", "istio-istiod"],
  "kubeflow.org": ["kubeflow-profiles"],
  "serving.kserve.io": ["kserve-crds"],
};

/**
 * Custom resources inside upstream bundles (charts and kustomizations render them at deploy time,
 * so the plan sees only the bundle): the API groups each bundle's objects belong to.
 */
const BUNDLE_GROUPS: Record<string, string[]> = {
  "kubeflow-istio-resources": ["networking.istio.io"],
  "kubeflow-central-dashboard": ["networking.istio.io", "security.istio.io"],
  "kubeflow-profiles": ["security.istio.io"],
  "kubeflow-poddefaults": ["cert-manager.io"],
  "pipelines-manifests": ["cert-manager.io", "networking.istio.io", "security.istio.io"],
  "katib-manifests": ["cert-manager.io", "networking.istio.io", "security.istio.io"],
  "notebooks-jupyter-web-app": ["networking.istio.io", "security.istio.io"],
  "volumes-manifests": ["networking.istio.io", "security.istio.io"],
  "tensorboards-manifests": ["networking.istio.io", "security.istio.io"],
  "pvc-viewer-manifests": ["cert-manager.io"],
  "kserve-controller": ["cert-manager.io", "serving.kserve.io"],
  "kserve-models-web-app": ["networking.istio.io", "security.istio.io"],
  "knative-serving-manifests": ["networking.istio.io", "security.istio.io"],
  "model-registry-manifests": ["networking.istio.io", "security.istio.io"],
};

/** Everything a registration waits for: its dependsOn, its parents', and what those wait for. */
export function reachable(regs: Registration[], start: Registration): Set<string> {
  const byUrn = new Map(regs.map((r) => [r.urn, r]));
  const children = new Map<string, string[]>();
  for (const r of regs) children.set(r.parent, [...(children.get(r.parent) ?? []), r.urn]);
  const seen = new Set<string>();
  const queue = [...start.dependsOn, start.parent].filter(Boolean);
  while (queue.length) {
    const urn = queue.pop()!;
    if (seen.has(urn)) continue;
    seen.add(urn);
    const r = byUrn.get(urn);
    if (!r) continue;
    // Waiting for a component means waiting for its children.
    queue.push(...r.dependsOn, ...(r.parent ? [r.parent] : []), ...(children.get(urn) ?? []));
  }
  return seen;
}

/** The custom resources (and bundles holding some) with no path to an installer of their group. */
export function missingInstallers(regs: Registration[]): string[] {
  const urnOf = new Map(regs.map((r) => [r.name, r.urn]));
  const needs: [Registration, string][] = [
    ...writtenObjects(regs)
      .map((o) => [o, String(o.object.apiVersion).split("/")[0]] as [Registration, string])
      .filter(([, group]) => group.includes(".") && !group.endsWith("k8s.io")),
    ...regs.flatMap((r) =>
      (BUNDLE_GROUPS[r.name] ?? []).map((g) => [r, g] as [Registration, string]),
    ),
  ];
  const missing: string[] = [];
  for (const [r, group] of needs) {
    const installers = (INSTALLERS[group] ?? []).map((n) => urnOf.get(n)).filter(Boolean);
    const deps = reachable(regs, r);
    if (installers.length === 0 || !installers.some((u) => deps.has(u!)))
      missing.push(`${r.name} (${group})`);
  }
  return missing;
}

let full: Registration[];
beforeAll(async () => {
  full = await plan(readStackPlatformConfig("full"), "full");
});

describe("dependency graph of the full profile", () => {
  it("every custom resource has a path to the installer of its CRD", () => {
    expect(missingInstallers(full)).toEqual([]);
  });

  it("the check fails when an edge is missing", () => {
    const cut = full.map((r) =>
      r.name === "katib-manifests" ? { ...r, dependsOn: [], parent: "" } : r,
    );
    expect(missingInstallers(cut)).toEqual(
      expect.arrayContaining(["katib-manifests (cert-manager.io)"]),
    );
  });

  it("every bundle named in the table is in the full plan (the table stays true)", () => {
    for (const name of Object.keys(BUNDLE_GROUPS))
      expect(
        full.some((r) => r.name === name),
        name,
      ).toBe(true);
  });
});
