// Kubeflow core and Pipelines from kubeflow/manifests at the pinned tag: overlays of our own over the
// remote bases, the objects we replace deleted, everything ordered after what it needs.
import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HOOK_SOURCE, PIPELINES_DELETIONS } from "../../components/kubeflow/pipelines";
import { Registration, SECRET_PLACEHOLDER } from "../../components/plan/recorder";
import { kubeflowManifests, manifests } from "../../components/versions";
import { byName, names, plan, under } from "../mocks";

let all: Registration[];
beforeAll(async () => {
  all = await plan(undefined, "core-test");
});

/** The kustomization.yaml a Directory registration points at. */
function overlayOf(r: Registration): {
  resources: string[];
  namespace?: string;
  patches?: { patch: string }[];
} {
  const dir = r.inputs.directory as string;
  return parse(fs.readFileSync(path.join(dir, "kustomization.yaml"), "utf8"));
}

describe("KubeflowCore component", () => {
  it("registers one pinned kustomization per upstream piece", () => {
    const regs = under(all, "kubeflow");
    expect(names(regs)).toEqual([
      "kubeflow-central-dashboard",
      "kubeflow-istio-resources",
      "kubeflow-namespace",
      "kubeflow-poddefaults",
      "kubeflow-profiles",
      "kubeflow-roles",
    ]);
    for (const r of regs) {
      expect(r.type).toBe("kubernetes:kustomize/v2:Directory");
      for (const url of overlayOf(r).resources)
        expect(url).toMatch(
          new RegExp(`^${kubeflowManifests.repo}//.+\\?ref=${kubeflowManifests.ref}$`),
        );
    }
    expect(overlayOf(byName(regs, "kubeflow-profiles")).resources).toEqual([
      `${kubeflowManifests.repo}//${manifests.profiles.paths[0]}?ref=${kubeflowManifests.ref}`,
    ]);
  });

  it("drops upstream's gateway (ours carries the TLS settings)", () => {
    const patches = overlayOf(byName(all, "kubeflow-istio-resources")).patches ?? [];
    expect(patches.map((p) => parse(p.patch))).toEqual([
      {
        $patch: "delete",
        apiVersion: "networking.istio.io/v1alpha3",
        kind: "Gateway",
        metadata: { name: "kubeflow-gateway", namespace: "kubeflow" },
      },
    ]);
  });

  it("the controllers wait for the namespace, roles, Istio and cert-manager", () => {
    const urn = (n: string) => byName(all, n).urn;
    for (const n of ["kubeflow-profiles", "kubeflow-central-dashboard", "kubeflow-poddefaults"])
      expect(byName(all, n).dependsOn).toEqual(
        expect.arrayContaining([
          urn("kubeflow-namespace"),
          urn("kubeflow-roles"),
          urn("kubeflow-istio-resources"),
          urn("istio-istiod"),
          urn("cert-manager-chart"),
        ]),
      );
  });
});

describe("Pipelines component", () => {
  it("registers its secrets, the sync hook and the manifests", () => {
    const regs = under(all, "pipelines");
    expect(names(regs)).toEqual([
      "pipelines-manifests",
      "pipelines-mysql-secret",
      "pipelines-object-store-secret",
      "pipelines-tenant-sync-hook",
    ]);
    expect(byName(regs, "pipelines-mysql-secret").inputs.stringData).toBe(SECRET_PLACEHOLDER);
    expect(byName(regs, "pipelines-object-store-secret").inputs.stringData).toBe(
      SECRET_PLACEHOLDER,
    );
    expect(byName(regs, "pipelines-tenant-sync-hook").inputs.data).toEqual({
      "sync.mjs": fs.readFileSync(HOOK_SOURCE, "utf8"),
    });
  });

  it("assembles multi-user Pipelines without upstream's bundled MySQL or object store", () => {
    const overlay = overlayOf(byName(all, "pipelines-manifests"));
    expect(overlay.namespace).toBe("kubeflow");
    expect(overlay.resources).toHaveLength(manifests.pipelines.paths.length);
    for (const url of overlay.resources) expect(url).not.toMatch(/mysql|minio|seaweedfs/i);
    const deleted = (overlay.patches ?? [])
      .map((p) => parse(p.patch))
      .filter((p) => p.$patch === "delete")
      .map((p) => `${p.kind}/${p.metadata.name}`);
    expect(deleted).toEqual(PIPELINES_DELETIONS.map((d) => `${d.kind}/${d.name}`));
  });

  it("the manifests go in after the secrets they read and the services they use", () => {
    const deps = byName(all, "pipelines-manifests").dependsOn;
    for (const n of [
      "pipelines-mysql-secret",
      "pipelines-object-store-secret",
      "pipelines-tenant-sync-hook",
      "mysql-statefulset",
      "minio-statefulset",
    ])
      expect(deps).toContain(byName(all, n).urn);
  });
});
