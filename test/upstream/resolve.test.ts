// One resolver for every upstream artifact: remote bases in both URL forms, nested refs rewritten
// to local paths, chart archives found in a sources directory.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import {
  chartArchive,
  parseRemoteRef,
  rewriteRemoteRefs,
  sourcesDirectory,
} from "../../components/upstream/resolve";
import { chartLocation } from "../../components/upstream/active";
import { useSources } from "../../components/upstream/run";
import { stageSources } from "../../components/upstream/stage";
import { charts, gitSources } from "../../components/versions";

describe("parseRemoteRef", () => {
  it("reads both forms upstream uses; release assets are not bases", () => {
    expect(parseRemoteRef("https://github.com/kubeflow/manifests//common/x?ref=26.03")).toEqual({
      repo: "https://github.com/kubeflow/manifests",
      path: "common/x",
      ref: "26.03",
    });
    expect(
      parseRemoteRef(
        "https://github.com/argoproj/argo-workflows/manifests/base/crds/minimal?ref=v3.7.3",
      ),
    ).toEqual({
      repo: "https://github.com/argoproj/argo-workflows",
      path: "manifests/base/crds/minimal",
      ref: "v3.7.3",
    });
    expect(
      parseRemoteRef(
        "https://github.com/kubernetes-sigs/jobset/releases/download/v0.10.1/manifests.yaml",
      ),
    ).toBeUndefined();
    expect(parseRemoteRef("../base")).toBeUndefined();
  });
});

describe("rewriteRemoteRefs", () => {
  it("maps pinned refs to relative paths and keeps others (another ref is not ours)", () => {
    const out = rewriteRemoteRefs(
      {
        resources: [
          "https://github.com/argoproj/argo-workflows/manifests/base?ref=v3.7.3",
          "https://github.com/argoproj/argo-workflows/manifests/base?ref=v9.9.9",
          "local.yaml",
        ],
      },
      "/s/kubeflow-manifests/26.03/applications/pipeline",
      "/s",
    );
    expect(out.resources).toEqual([
      "../../../../argo-workflows/v3.7.3/manifests/base",
      "https://github.com/argoproj/argo-workflows/manifests/base?ref=v9.9.9",
      "local.yaml",
    ]);
  });
});

describe("sources directory", () => {
  it("the stack's setting wins over the environment; none means the pinned URLs", () => {
    expect(sourcesDirectory("/a", { KUBEFLOW_PLATFORM_SOURCES: "/b" })).toBe("/a");
    expect(sourcesDirectory(undefined, { KUBEFLOW_PLATFORM_SOURCES: "/b" })).toBe("/b");
    expect(sourcesDirectory(undefined, {})).toBeUndefined();
  });

  it("stages a read-only mirror with nested refs rewritten, and finds chart archives", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "kfp-src-"));
    const kf = path.join(root, "kubeflow-manifests", "26.03", "app");
    fs.mkdirSync(kf, { recursive: true });
    fs.writeFileSync(
      path.join(kf, "kustomization.yaml"),
      "resources:\n  - https://github.com/kubernetes-sigs/lws//config/default?ref=v0.7.0\n",
    );
    fs.mkdirSync(path.join(root, "lws", "v0.7.0", "config", "default"), { recursive: true });
    fs.chmodSync(path.join(kf, "kustomization.yaml"), 0o444);
    const stage = stageSources(
      root,
      path.join(root, "..", `${path.basename(root)}-stage`),
      gitSources,
    );
    expect(
      fs.readFileSync(
        path.join(stage, "kubeflow-manifests", "26.03", "app", "kustomization.yaml"),
        "utf8",
      ),
    ).toContain("../../../lws/v0.7.0/config/default");
    // The mirror itself is untouched.
    expect(fs.readFileSync(path.join(kf, "kustomization.yaml"), "utf8")).toContain(
      "https://github.com/kubernetes-sigs/lws",
    );
    const dir = path.join(root, "charts", "kserve", "0.16.0");
    fs.mkdirSync(dir, { recursive: true });
    expect(chartArchive(charts.kserve, root)).toBeUndefined();
    fs.writeFileSync(path.join(dir, "kserve-v0.16.0.tgz"), "");
    expect(chartArchive(charts.kserve, root)).toBe(path.join(dir, "kserve-v0.16.0.tgz"));
    // The provider is then given the local archive: no repository, nothing to pull.
    useSources(root);
    try {
      const location = chartLocation(charts.kserve);
      expect(location.repositoryOpts).toBeUndefined();
      expect(path.resolve(location.chart)).toBe(path.join(dir, "kserve-v0.16.0.tgz"));
      expect(chartLocation(charts.dex).repositoryOpts).toEqual({ repo: charts.dex.repo });
    } finally {
      useSources(undefined);
    }
  });
});
