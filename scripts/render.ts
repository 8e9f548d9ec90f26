// npm run render -- --stack <name> [--out <dir>] [--json <file>] [--base <git-ref>]
// Writes every Kubernetes object the stack would apply, one file per component, rendered with real
// kustomize and helm over the pinned sources, after the program's transforms. With --base, also
// renders the stack as of that commit and compares the two object by object (an upgrade).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stringify } from "yaml";
import { inWorktreeOf, runScriptIn } from "../components/ci/basePlan";
import { readStackPlatformConfig } from "../components/plan/stackConfig";
import { formatUpgradeDiff, upgradeDiff, blockingChanges } from "../components/render/upgradeDiff";
import { formatRenderedFootprint, renderedFootprint } from "../components/render/footprint";
import { RenderedObject } from "../components/render/objects";
import { renderPlatform } from "../components/render/render";
import { requireStack, runScript } from "./cli";

const USAGE = [
  "usage: npm run render -- --stack <name> [--out <dir>] [--json <file>] [--base <git-ref>]",
  "       (default out: .render/<stack>; --json writes every object with its URN; --base also",
  "        renders the stack as of that commit and lists what the upgrade updates, replaces,",
  "        deletes or collides with; exit 3 for a collision or a stateful replacement or deletion)",
].join("\n");

function writeComponents(out: string, objects: RenderedObject[]): number {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const byComponent = new Map<string, unknown[]>();
  for (const o of objects)
    byComponent.set(o.component, [...(byComponent.get(o.component) ?? []), o.object]);
  for (const [component, objs] of [...byComponent].sort())
    fs.writeFileSync(
      path.join(out, `${component}.yaml`),
      objs.map((o) => stringify(o)).join("---\n"),
    );
  return byComponent.size;
}

/** The stack's objects as of `ref`, rendered by that commit's own code over the same sources. */
function renderAtCommit(stack: string, ref: string): RenderedObject[] {
  return inWorktreeOf(ref, (dir) => {
    if (!fs.existsSync(path.join(dir, "stacks", `Pulumi.${stack}.yaml`))) return [];
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "base-render-")), "render.json");
    try {
      runScriptIn(dir, "render", [
        "--stack",
        stack,
        "--out",
        path.join(dir, ".render"),
        "--json",
        json,
      ]);
    } catch (err) {
      const e = err as { stderr?: Buffer; message: string };
      const first = String(e.stderr || e.message)
        .trim()
        .split("\n")[0];
      const hint = first.includes("--json")
        ? " (that commit predates render --json: use a newer base)"
        : "";
      throw new Error(`cannot render ${stack} at ${ref}: ${first}${hint}`, { cause: err });
    }
    return JSON.parse(fs.readFileSync(json, "utf8")) as RenderedObject[];
  });
}

runScript(
  USAGE,
  {
    stack: { type: "string" },
    out: { type: "string" },
    json: { type: "string" },
    base: { type: "string" },
  },
  async ({ values }) => {
    const stack = requireStack(values.stack, USAGE);
    const out = values.out ?? path.join(".render", stack);
    const result = await renderPlatform(stack, readStackPlatformConfig(stack));
    const files = writeComponents(out, result.objects);
    if (values.json) fs.writeFileSync(values.json, JSON.stringify(result.objects));
    console.log(`${result.objects.length} objects in ${files} files under ${out}`);
    console.log(
      `\nRequests as rendered (every container, times replicas, with one proxy per meshed replica; charts not rendered are missing):\n${formatRenderedFootprint(renderedFootprint(result.objects, result.chartValues))}\n`,
    );
    for (const n of result.notRendered) console.log(`not rendered: ${n.what}: ${n.reason}`);
    if (!values.base) return 0;
    const changes = upgradeDiff(renderAtCommit(stack, values.base), result.objects);
    console.log(`\nObjects changed against ${values.base}:\n${formatUpgradeDiff(changes)}`);
    return blockingChanges(changes).length ? 3 : 0;
  },
);
