// npx tsx scripts/ciStacks.ts [--environment <name>] [--affected <git-ref>]
// The deployed stacks (stacks/deployed.yaml) CI runs, as GitHub step outputs (append them to
// $GITHUB_OUTPUT): all of them, one environment's, or those a branch's changes touch (compared with
// the merge base of <git-ref>). Exit codes: scripts/cli.ts.
import { execFileSync } from "child_process";
import { affectedStacks } from "../components/ci/affectedStacks";
import { readDeployedStacks, stepOutputs } from "../components/ci/deployedStacks";
import { runScript, UsageError } from "./cli";

const USAGE = [
  "usage: npx tsx scripts/ciStacks.ts [--environment <name>] [--affected <git-ref>]",
  "       prints matrix=<JSON>, stacks=<names in deploy order>, clouds=<a,b>, aws-region=<region>",
].join("\n");

function changedSince(ref: string): string[] {
  try {
    return execFileSync("git", ["diff", "--name-only", `${ref}...HEAD`], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    })
      .split("\n")
      .filter(Boolean);
  } catch (err) {
    throw new UsageError(
      `cannot diff against ${ref}: ${String((err as { stderr?: string }).stderr ?? err).trim()}`,
    );
  }
}

runScript(
  USAGE,
  { environment: { type: "string" }, affected: { type: "string" } },
  ({ values }) => {
    let stacks = readDeployedStacks();
    if (values.environment) {
      const envs = [...new Set(stacks.map((s) => s.environment))];
      if (!envs.includes(values.environment))
        throw new UsageError(
          `no environment ${values.environment} in stacks/deployed.yaml; environments: ${envs.join(", ")}`,
        );
      stacks = stacks.filter((s) => s.environment === values.environment);
    }
    if (values.affected) {
      const hit = affectedStacks(
        changedSince(values.affected),
        stacks.map((s) => ({ name: s.stack, tenantsDir: s.tenantsDir, references: s.references })),
      );
      stacks = stacks.filter((s) => hit.includes(s.stack));
    }
    console.log(stepOutputs(stacks));
    return 0;
  },
);
