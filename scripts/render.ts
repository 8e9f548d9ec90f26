// npm run render -- --stack <name> [--out <dir>]
// Writes every Kubernetes object the stack would apply, one file per component, rendered with real
// kustomize and helm over the pinned sources, after the program's transforms.
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { runCli } from "./cli";
import { stringify } from "yaml";
import { readStackPlatformConfig } from "../components/plan/stackConfig";
import { formatRenderedFootprint, renderedFootprint } from "../components/render/footprint";
import { renderPlatform } from "../components/render/render";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { stack: { type: "string" }, out: { type: "string" } } });
  if (!values.stack) {
    console.error("usage: npm run render -- --stack <name> [--out <dir>]");
    return 1;
  }
  const out = values.out ?? path.join(".render", values.stack);
  const result = await renderPlatform(values.stack, readStackPlatformConfig(values.stack));
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
}

runCli(main);
