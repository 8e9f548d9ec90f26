// Overlays over kubeflow/manifests: remote bases at the pinned tag, deletions and patches of ours.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildOverlay, overlayDir } from "../../components/upstream/kustomize";
import { workDir } from "../../components/lib/workDir";
import { kubeflowManifests } from "../../components/versions";

describe("buildOverlay (pure)", () => {
  it("lists each path as a remote base at the pinned tag", () => {
    expect(buildOverlay({ paths: ["common/kubeflow-roles/base"] })).toEqual({
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      resources: [
        `https://github.com/kubeflow/manifests//common/kubeflow-roles/base?ref=${kubeflowManifests.ref}`,
      ],
    });
  });

  it("turns deletions into $patch: delete entries, then appends our patches; labels skip selectors", () => {
    const overlay = buildOverlay({
      paths: ["a"],
      namespace: "kubeflow",
      labels: { team: "ml" },
      deletions: [{ apiVersion: "v1", kind: "Secret", name: "s", namespace: "kubeflow" }],
      patches: [{ target: { kind: "Deployment", name: "d" }, patch: "- op: remove\n  path: /x\n" }],
    }) as { namespace: string; labels: unknown[]; patches: { patch: string; target?: unknown }[] };
    expect(overlay.namespace).toBe("kubeflow");
    expect(overlay.labels).toEqual([{ includeSelectors: false, pairs: { team: "ml" } }]);
    expect(parse(overlay.patches[0].patch)).toEqual({
      $patch: "delete",
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "s", namespace: "kubeflow" },
    });
    expect(overlay.patches[1].target).toEqual({ kind: "Deployment", name: "d" });
  });

  it("names single files at the pinned commit (kustomize reads http files)", () => {
    const overlay = buildOverlay({ paths: [], files: ["common/x/a.yaml"] }) as {
      resources: string[];
    };
    expect(overlay.resources).toEqual([
      `https://raw.githubusercontent.com/kubeflow/manifests/${kubeflowManifests.commit}/common/x/a.yaml`,
    ]);
  });

  it("is written per stack under .kustomize", () => {
    expect(overlayDir("dev", "kubeflow-roles", ".kustomize")).toBe(".kustomize/dev/kubeflow-roles");
    expect(workDir({})).toBe(".kustomize");
    expect(workDir({ KUBEFLOW_PLATFORM_WORK_DIR: "/tmp/w" })).toBe("/tmp/w");
  });
});
