// Filling a sources directory: the steps a connected machine runs, in the resolver's layout.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { fillSteps } from "../../components/upstream/fill";
import { chartArchive } from "../../components/upstream/resolve";
import { charts, kubeflowManifests } from "../../components/versions";

describe("fillSteps (pure)", () => {
  const steps = fillSteps([charts.kserve, charts.dex, charts.dex], "/s");
  it("clones each git source at its pinned ref and checks kubeflow/manifests' commit", () => {
    expect(steps[0].argv).toEqual([
      "git",
      "clone",
      "--depth",
      "1",
      "--branch",
      "26.03",
      kubeflowManifests.repo,
      "/s/kubeflow-manifests/26.03",
    ]);
    expect(steps[1]).toMatchObject({
      argv: ["git", "-C", "/s/kubeflow-manifests/26.03", "rev-parse", "HEAD"],
      expect: kubeflowManifests.commit,
    });
  });
  it("pulls each chart once (OCI and classic repositories) with its values and metadata beside it", () => {
    const pulls = steps.filter((s) => s.argv[1] === "pull").map((s) => s.argv.join(" "));
    expect(pulls).toEqual([
      "helm pull oci://ghcr.io/kserve/charts/kserve --version v0.16.0 -d /s/charts/kserve/v0.16.0",
      "helm pull dex --repo https://charts.dexidp.io --version 0.24.0 -d /s/charts/dex/0.24.0",
    ]);
    expect(steps.find((s) => s.stdoutTo === "/s/charts/dex/0.24.0/values.yaml")?.argv).toEqual([
      "helm",
      "show",
      "values",
      "dex",
      "--repo",
      "https://charts.dexidp.io",
      "--version",
      "0.24.0",
    ]);
  });
  it("puts archives where the resolver looks", () => {
    expect(chartArchive(charts.kserve, "/nonexistent")).toBeUndefined();
  });
});

describe("npm run sources (with stand-in git and helm)", () => {
  const run = (commit: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kfp-fill-"));
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin);
    // git: clone makes the folder; rev-parse prints the given commit.
    fs.writeFileSync(
      path.join(bin, "git"),
      `#!/bin/sh\ncase "$1" in clone) eval last=\\\${$#}; mkdir -p "$last";; -C) echo ${commit};; esac\n`,
      { mode: 0o755 },
    );
    // helm: pull writes <chart>-<version>.tgz into -d; show prints a document.
    fs.writeFileSync(
      path.join(bin, "helm"),
      `#!/bin/sh\nif [ "$1" = pull ]; then c=$(basename "$2"); while [ $# -gt 0 ]; do case "$1" in --version) v=$2;; -d) d=$2;; esac; shift; done; touch "$d/$c-$v.tgz"; else echo "shown: true"; fi\n`,
      { mode: 0o755 },
    );
    const out = path.join(dir, "sources");
    const result = spawnSync(
      "npx",
      ["tsx", "scripts/sources.ts", "--stack", "local", "--out", out],
      {
        encoding: "utf8",
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH}`,
          KUBEFLOW_PLATFORM_HELM: path.join(bin, "helm"),
        },
      },
    );
    return { result, out };
  };

  it("fills the layout the resolver reads", () => {
    const { result, out } = run(kubeflowManifests.commit);
    expect(result.status).toBe(0);
    expect(fs.existsSync(path.join(out, "kubeflow-manifests", "26.03"))).toBe(true);
    expect(chartArchive(charts.dex, out)).toBe(
      path.join(out, "charts", "dex", "0.24.0", "dex-0.24.0.tgz"),
    );
    expect(
      fs.readFileSync(path.join(out, "charts", "dex", "0.24.0", "values.yaml"), "utf8"),
    ).toContain("shown");
  }, 60_000);

  it("refuses a tag that moved off the recorded commit", () => {
    const { result } = run("0".repeat(40));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("the tag moved");
  }, 60_000);
});
