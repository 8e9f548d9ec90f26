// npm run verify -- --stack <name> [--json <file>]
// Renders the stack (npm run render) and checks the objects as the API server and the mesh would.
// Exit 0: no violation; 1: bad usage or config; 4: violations.
import * as fs from "fs";
import { parseArgs } from "util";
import { runCli } from "./cli";
import { verifyStack } from "../components/verify/stack";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { stack: { type: "string" }, json: { type: "string" } },
  });
  if (!values.stack) {
    console.error("usage: npm run verify -- --stack <name> [--json <file>]");
    return 1;
  }
  const { render, violations } = await verifyStack(values.stack);
  for (const v of violations)
    console.log(
      `${v.check}: ${v.object} (${v.component}) ${v.field}: ${v.message}\n    fix: ${v.fix}`,
    );
  for (const n of render.notRendered) console.log(`not rendered: ${n.what}: ${n.reason}`);
  console.log(
    `\n${render.objects.length} objects, ${violations.length} violations, ${render.notRendered.length} not rendered`,
  );
  if (values.json)
    fs.writeFileSync(
      values.json,
      JSON.stringify(
        {
          stack: values.stack,
          objects: render.objects.map((o) => o.object),
          violations,
          notRendered: render.notRendered,
        },
        null,
        2,
      ) + "\n",
    );
  return violations.length ? 4 : 0;
}

runCli(main);
