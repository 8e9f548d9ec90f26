// The floors of components/ are enforced by ESLint (eslint.config.mjs): each case lints one import
// with the floor rules alone, so the rule is shown to refuse what it must and allow what it may.
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
// @ts-expect-error: the ESLint config is plain JavaScript without types.
import { FLOORS, floorRules } from "../../eslint.config.mjs";

const linter = new Linter({ configType: "flat" });
const lint = (file: string, spec: string) =>
  linter
    .verify(`import { x } from "${spec}";\nexport const y = x;\n`, floorRules(), file)
    .map((m) => m.ruleId);

describe("floors: imports point down only", () => {
  it.each([
    ["components/lib/charts.ts", "../render/notes"],
    ["components/lib/x.ts", "../config/schema"],
    ["components/config/x.ts", "../upstream/kustomize"],
    ["components/foundation/mysql/server.ts", "../../kubeflow/core"],
    ["components/cluster/aws/x.ts", "../../kubeflow/katib"],
    ["components/kubeflow/x.ts", "../tenants/tenant"],
    ["components/tenants/x.ts", "../platform"],
    ["components/platform.ts", "./plan/evaluate"],
    ["components/render/x.ts", "../verify/pods"],
    ["components/render/x.ts", "../ci/basePlan"],
    ["components/plan/x.ts", "../render/objects"],
    ["components/verify/checks/x.ts", "../../engine/tier1"],
    ["components/verify/checks/references/x.ts", "../../../engine/tier1"],
    ["components/config/sections/x.ts", "../../cluster/facts"],
  ])("GIVEN %s WHEN it imports %s THEN lint refuses it", (file, spec) => {
    expect(lint(file, spec)).toEqual(["no-restricted-imports"]);
  });

  it.each([
    ["components/config/x.ts", "../lib/k8s"],
    ["components/kubeflow/x.ts", "../foundation/mysql"],
    ["components/kubeflow/x.ts", "./roles"],
    ["components/platform.ts", "./kubeflow/registry"],
    ["components/verify/checks/x.ts", "../../render/pods"],
    ["components/verify/checks/x.ts", "../podSecurity/rule"],
    ["components/lib/x.ts", "../../policies/facts/quantity"],
    ["components/cluster/aws/x.ts", "../facts"],
    // A subfolder that shares a floor's name is not that floor.
    ["components/config/sections/x.ts", "./cluster"],
    ["components/config/sections/x.ts", "../rules/tenancy"],
    ["components/verify/checks/references/x.ts", "../../../render/pods"],
  ])("GIVEN %s WHEN it imports %s THEN lint allows it", (file, spec) => {
    expect(lint(file, spec)).toEqual([]);
  });

  it("names every top-level folder of components/ on exactly one floor", async () => {
    const { readdirSync } = await import("fs");
    const folders = readdirSync("components", { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const placed = (FLOORS as string[][]).flat();
    expect(folders.length).toBeGreaterThan(5);
    expect(folders.filter((f) => !placed.includes(f))).toEqual([]);
    expect(new Set(placed).size).toBe(placed.length);
  });
});
