// npm run plan -- --stack <name> [--json <file>]   |   npm run plan -- --diff <old.json> <new.json>
// Evaluates the program for a stack under Pulumi's mock runtime (no cluster, no credentials) and
// prints what `pulumi up` would manage. Exits non-zero with the config errors when config is bad.
import * as fs from "fs";
import { parseArgs } from "util";
import { ConfigError } from "../components/config/errors";
import { diffPlans, formatDiff } from "../components/plan/diff";
import { evaluatePlatform } from "../components/plan/evaluate";
import { formatTree, formatVersions, planJson } from "../components/plan/report";
import { readStackPlatformConfig } from "../components/plan/stackConfig";
import { parsePlatformConfig } from "../components/config/load";
import { SIDECAR_REQUESTS } from "../components/foundation/istio";
import { footprint, formatFootprint } from "../components/plan/footprint";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { stack: { type: "string" }, json: { type: "string" }, diff: { type: "boolean" } },
    allowPositionals: true,
  });
  if (values.diff) {
    // npm run plan -- --diff old.json new.json: exit 3 when stateful resources would be lost.
    if (positionals.length !== 2) {
      console.error("usage: npm run plan -- --diff <old.json> <new.json>");
      return 2;
    }
    const [before, after] = positionals.map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
    const diffs = diffPlans(before, after);
    console.log(formatDiff(diffs, process.stdout.isTTY || Boolean(process.env.FORCE_COLOR)));
    return diffs.some((d) => d.dangerous.length) ? 3 : 0;
  }
  if (!values.stack) {
    console.error(
      "usage: npm run plan -- --stack <name> [--json <file>]\n       npm run plan -- --diff <old.json> <new.json>",
    );
    return 2;
  }
  try {
    const raw = readStackPlatformConfig(values.stack);
    const resources = await evaluatePlatform(values.stack, raw);
    const rows = footprint(parsePlatformConfig(raw));
    console.log(`Plan for stack ${values.stack}\n`);
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
        JSON.stringify(planJson(values.stack, resources, rows), null, 2) + "\n",
      );
      console.log(`wrote ${values.json}`);
    }
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
