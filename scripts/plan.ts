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
import { planAtCommit } from "../components/plan/basePlan";
import { requireStack, runScript, UsageError } from "./cli";

const USAGE = [
  "usage: npm run plan -- --stack <name> [--json <file>] [--base <git-ref>]",
  "       (--base: also plan the stack as of that commit and print the diff; exit 3 as for --diff)",
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
    const rows = footprint(parsePlatformConfig(raw));
    console.log(planHeader(stack, parsePlatformConfig(raw)));
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
    if (values.base) {
      let base;
      try {
        base = planAtCommit(stack, values.base);
      } catch (err) {
        const e = err as { stderr?: Buffer | string; message: string };
        throw new UsageError(
          `cannot plan ${stack} at ${values.base}: ${String(e.stderr || e.message)
            .trim()
            .split("\n")
            .pop()}`,
        );
      }
      const diffs = diffPlans(base as never, planJson(stack, resources, rows) as never);
      console.log(
        `\nChanges against ${values.base}:\n${formatDiff(diffs, process.stdout.isTTY || Boolean(process.env.FORCE_COLOR))}`,
      );
      return diffs.some((d) => d.dangerous.length) ? 3 : 0;
    }
    return 0;
  },
  true,
);
