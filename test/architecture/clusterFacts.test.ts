// Below the cluster layer nothing reads the cluster's config, which a platform stack on a cluster
// stack does not have: ESLint (eslint.config.mjs, clusterFactsRules) refuses it in foundation/,
// kubeflow/ and tenants/. Each case lints one snippet with that rule alone.
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
// @ts-expect-error: the ESLint config is plain JavaScript without types.
import { clusterFactsRules } from "../../eslint.config.mjs";

const linter = new Linter({ configType: "flat" });
// Every file is linted (a file no config matches would be reported as such); the rule is scoped.
const config = [{ files: ["**/*.ts"] }, ...clusterFactsRules()];
const lint = (file: string, code: string) =>
  linter.verify(code, config, file).map((m) => `${m.ruleId}: ${m.message}`);

describe("ClusterFacts, not the cluster's config, below the cluster layer", () => {
  it.each([
    ["components/kubeflow/x.ts", "export const pools = (cfg) => cfg.cluster.gpuPools;"],
    ["components/foundation/x.ts", 'export const gke = (cfg) => cfg.cluster.kind === "gcp";'],
    ["components/tenants/x.ts", "export const pools = (platform) => platform.cluster.gpuPools;"],
    [
      "components/kubeflow/x.ts",
      'import { gpuPoolsOf } from "../config/schema";\nexport const f = gpuPoolsOf;',
    ],
  ])("GIVEN %s WHEN it reads %j THEN lint refuses it, naming ClusterFacts", (file, code) => {
    const messages = lint(file, code);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toMatch(/^no-restricted-syntax: .*read ClusterFacts/);
  });

  it.each([
    ["components/kubeflow/x.ts", "export const pools = (facts) => facts.gpuPools;"],
    ["components/tenants/x.ts", "export const pools = (cluster) => cluster.facts.gpuPools;"],
    // The cluster layer and the wiring above it read the cluster's config: that is their job.
    ["components/cluster/aws/x.ts", "export const pools = (cfg) => cfg.cluster.gpuPools;"],
    ["components/platform.ts", "export const kind = (cfg) => cfg.cluster.kind;"],
  ])("GIVEN %s WHEN it reads %j THEN lint allows it", (file, code) => {
    expect(lint(file, code)).toEqual([]);
  });
});
