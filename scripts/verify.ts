// npm run verify -- --stack <name> [--json <file>]
// Renders the stack (npm run render) and checks the objects as the API server and the mesh would.
// Exit 0: no violation; 1: bad usage or config; 4: violations.
import * as fs from "fs";
import { verifyStack } from "../components/verify/stack";
import { requireStack, runScript } from "./cli";

const USAGE = "usage: npm run verify -- --stack <name> [--json <file>]   (exit 4 on violations)";

runScript(USAGE, { stack: { type: "string" }, json: { type: "string" } }, async ({ values }) => {
  const stack = requireStack(values.stack, USAGE);
  const { render, violations } = await verifyStack(stack);
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
          stack,
          objects: render.objects.map((o) => o.object),
          violations,
          notRendered: render.notRendered,
        },
        null,
        2,
      ) + "\n",
    );
  return violations.length ? 4 : 0;
});
