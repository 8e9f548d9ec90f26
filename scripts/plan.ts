// npm run plan -- --stack <name> [--json <file>]   |   npm run plan -- --diff <old.json> <new.json>
// Evaluates the program for a stack under Pulumi's mock runtime (no cluster, no credentials) and
// prints what `pulumi up` would manage. Exit codes: scripts/cli.ts.
import * as fs from "fs";
import { diffPlans, formatDiff } from "../components/plan/diff";
import { evaluatePlatform } from "../components/plan/evaluate";
import { formatTree, formatVersions, planHeader, planJson } from "../components/plan/report";
import { readStackPlatformConfig } from "../components/plan/stackConfig";
import { parsePlatformConfig } from "../components/config/load";
import { SIDECAR_REQUESTS } from "../components/foundation/istio";
import { footprint, formatFootprint } from "../components/plan/footprint";
import { planAtCommit } from "../components/ci/basePlan";
import {
  planViolations,
  readBasePolicyConfig,
  stackPolicyConfig,
} from "../components/plan/policies";
import { formatViolation } from "../policies/run";
import { requireStack, runScript, UsageError } from "./cli";

const USAGE = [
  "usage: npm run plan -- --stack <name> [--json <file>] [--base <git-ref>] [--policies] [--policy-config <file>]",
  "       (--base: also plan the stack as of that commit and print the diff; exit 3 as for --diff)",
  "       (--policies: run the policy pack over the plan with the config CI gives the stack; exit 5 on a mandatory violation)",
  "       (--policy-config: write that config, for pulumi preview --policy-pack-config <file>)",
  "       npm run plan -- --diff <old.json> <new.json>   (exit 3 when something stateful is replaced or removed)",
].join("\n");

/** A plan file written by --json, or a usage error naming the file. */
function readPlan(file: string): unknown {
  let parsed: { stack?: unknown; resources?: unknown };
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new UsageError(`cannot read plan ${file}: ${(err as Error).message}`);
  }
  if (!parsed || typeof parsed !== "object" || !Array.isArray(parsed.resources))
    throw new UsageError(
      `${file} is not a plan (write one with npm run plan -- --stack <name> --json ${file})`,
    );
  return parsed;
}

runScript(
  USAGE,
  {
    stack: { type: "string" },
    json: { type: "string" },
    diff: { type: "boolean" },
    base: { type: "string" },
    policies: { type: "boolean" },
    "policy-config": { type: "string" },
  },
  async ({ values, positionals }) => {
    if (values.diff) {
      if (positionals.length !== 2) throw new UsageError(`--diff takes two plan files\n${USAGE}`);
      const [before, after] = positionals.map(readPlan);
      const diffs = diffPlans(before as never, after as never);
      console.log(formatDiff(diffs, process.stdout.isTTY || Boolean(process.env.FORCE_COLOR)));
      return diffs.some((d) => d.dangerous.length) ? 3 : 0;
    }
    if (positionals.length)
      throw new UsageError(`unexpected argument '${positionals[0]}'\n${USAGE}`);
    const stack = requireStack(values.stack, USAGE);
    const raw = readStackPlatformConfig(stack);
    const resources = await evaluatePlatform(stack, raw);
    const cfg = parsePlatformConfig(raw);
    const rows = footprint(cfg);
    console.log(planHeader(stack, cfg));
    console.log(formatTree(resources));
    console.log(`\nPinned versions in use:\n${formatVersions(resources)}`);
    console.log(
      `\nRequests the platform sets (every container, with an Istio proxy of ${SIDECAR_REQUESTS.cpu}/${SIDECAR_REQUESTS.memory} per meshed replica and the CNI agent on one node):\n${formatFootprint(rows)}`,
    );
    console.log(
      `\n${resources.length} resources (${resources.filter((r) => r.custom).length} custom, ${resources.filter((r) => !r.custom).length} components)`,
    );
    if (values.json) {
      fs.writeFileSync(
        values.json,
        JSON.stringify(planJson(stack, resources, rows), null, 2) + "\n",
      );
      console.log(`wrote ${values.json}`);
    }
    let code = 0;
    if (values.base) code = printBaseDiff(stack, values.base, planJson(stack, resources, rows));
    if (values.policies || values["policy-config"]) {
      const pack = stackPolicyConfig(cfg, readBasePolicyConfig());
      if (values["policy-config"]) {
        fs.writeFileSync(values["policy-config"], JSON.stringify(pack, null, 2) + "\n");
        console.log(`wrote ${values["policy-config"]}`);
      }
      // A policy violation cannot be approved with a label, so it wins over a stateful change.
      if (values.policies && printViolations(await planViolations(resources, pack))) code = 5;
    }
    return code;
  },
  true,
);

/** Plans the stack at `ref`, prints the diff; 3 when something stateful is replaced or removed. */
function printBaseDiff(stack: string, ref: string, head: ReturnType<typeof planJson>): number {
  let base;
  try {
    base = planAtCommit(stack, ref);
  } catch (err) {
    const e = err as { stderr?: Buffer | string; message: string };
    throw new UsageError(
      `cannot plan ${stack} at ${ref}: ${String(e.stderr || e.message)
        .trim()
        .split("\n")
        .pop()}`,
    );
  }
  const diffs = diffPlans(base as never, head as never);
  console.log(
    `\nChanges against ${ref}:\n${formatDiff(diffs, process.stdout.isTTY || Boolean(process.env.FORCE_COLOR))}`,
  );
  return diffs.some((d) => d.dangerous.length) ? 3 : 0;
}

/** Prints each violation; true when one is mandatory. */
function printViolations(violations: Awaited<ReturnType<typeof planViolations>>): boolean {
  const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory");
  console.log(
    `\nPolicies (policies/, with the config CI gives this stack): ${violations.length ? `${mandatory.length} mandatory, ${violations.length - mandatory.length} advisory violation(s)` : "no violations"}`,
  );
  for (const v of violations) console.log(`  ${formatViolation(v)}`);
  return mandatory.length > 0;
}
