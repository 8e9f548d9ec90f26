// npm run render -- --stack <name> [--out <dir>]
// Writes every Kubernetes object the stack would apply, one file per component, rendered with real
// kustomize and helm over the pinned sources, after the program's transforms.
import * as fs from "fs";
import * as path from "path";
import { stringify } from "yaml";
import { readStackPlatformConfig } from "../components/plan/stackConfig";
import { formatRenderedFootprint, renderedFootprint } from "../components/render/footprint";
import { renderPlatform } from "../components/render/render";
import { requireStack, runScript } from "./cli";

const USAGE =
  "usage: npm run render -- --stack <name> [--out <dir>]   (default out: .render/<stack>)";

runScript(USAGE, { stack: { type: "string" }, out: { type: "string" } }, async ({ values }) => {
  const stack = requireStack(values.stack, USAGE);
  const out = values.out ?? path.join(".render", stack);
  const result = await renderPlatform(stack, readStackPlatformConfig(stack));
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const byComponent = new Map<string, unknown[]>();
  for (const o of result.objects)
    byComponent.set(o.component, [...(byComponent.get(o.component) ?? []), o.object]);
  for (const [component, objs] of [...byComponent].sort())
    fs.writeFileSync(
      path.join(out, `${component}.yaml`),
      objs.map((o) => stringify(o)).join("---\n"),
    );
  console.log(`${result.objects.length} objects in ${byComponent.size} files under ${out}`);
  console.log(
    `\nRequests as rendered (every container, times replicas, with one proxy per meshed replica; charts not rendered are missing):\n${formatRenderedFootprint(renderedFootprint(result.objects, result.chartValues))}\n`,
  );
  for (const n of result.notRendered) console.log(`not rendered: ${n.what}: ${n.reason}`);
  return 0;
});
