// npm run engine -- <build|status|render> ...: the real Pulumi engine (design.md, "Three levels of
// truth", level 3). `build` makes the pinned tools from their Go modules into a cache outside the
// clone (components/engine/toolchain.ts); `render` runs one stack's `pulumi up` under the real CLI
// and Kubernetes provider in render mode, twice, the second time expecting no changes
// (components/engine/tier1.ts). Each `up` runs in its own process: the program keeps
// module-level state, and a fresh process is the honest test that a second run changes nothing.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ENGINE_PINS } from "../components/engine/pins";
import { buildToolchain, TierSelection, toolchainStatus } from "../components/engine/toolchain";
import {
  changedOps,
  countRendered,
  tier1Scratch,
  tier1Up,
  Tier1UpResult,
} from "../components/engine/tier1";
import { requireStack, runScript, UsageError } from "./cli";

const USAGE = [
  "usage: npm run engine -- build [--tier 1|2|all]",
  "       npm run engine -- status [--tier 1|2|all]",
  "       npm run engine -- render --stack <name> --out <dir>",
  "  build   build the pinned tools from their Go modules (default tier 1: pulumi, the Kubernetes",
  "          provider, the random stand-in; tier 2: etcd, the control plane, kubectl, kwok) into",
  "          ${XDG_CACHE_HOME:-~/.cache}/kubeflow-platform/engine/<pins hash>/bin; a no-op when built",
  "  status  print the cache folder and what the tier still lacks (exit 1 when something is missing)",
  "  render  tier 1: pulumi up of the stack with every Kubernetes provider rendering YAML to <dir>,",
  "          no cluster contacted, then a second up that must change nothing",
].join("\n");

const ROOT = path.resolve(__dirname, "..");

function parseTier(value: string | undefined): TierSelection {
  if (value === undefined || value === "1") return 1;
  if (value === "2") return 2;
  if (value === "all") return "all";
  throw new UsageError(`--tier must be 1, 2 or all (got '${value}')\n${USAGE}`);
}

/** The plugin/SDK version pair, said before every run (pins.ts explains an exception). */
function versionNotice(): string {
  const npm = (
    JSON.parse(
      fs.readFileSync(path.join(ROOT, "node_modules/@pulumi/kubernetes/package.json"), "utf8"),
    ) as { version: string }
  ).version;
  const pin = ENGINE_PINS.kubernetesProvider;
  if (npm === pin.release)
    return `Kubernetes provider plugin ${pin.release} = @pulumi/kubernetes ${npm}`;
  return (
    `NOTE: the Kubernetes provider plugin is ${pin.release}, the program's @pulumi/kubernetes is ${npm}` +
    ` (the engine uses the plugin on PATH whatever version the SDK asks for). ` +
    (pin.npmSdkException?.npmVersion === npm
      ? `Deliberate: ${pin.npmSdkException.reason}`
      : "Not a documented exception: see components/engine/pins.ts")
  );
}

function fmtChanges(c: Record<string, number>): string {
  return Object.entries(c)
    .map(([op, n]) => `${op} ${n}`)
    .join(", ");
}

/** One `up` in a child process; its result is the last line of its output. */
function upInChild(stack: string, out: string, scratch: string, log: string, again: boolean) {
  fs.appendFileSync(log, `\n# pulumi up #${again ? 2 : 1} of ${stack}\n`);
  const args = [
    path.join(ROOT, "node_modules/.bin/tsx"),
    __filename,
    "up",
    "--stack",
    stack,
    "--out",
    out,
    "--scratch",
    scratch,
    "--log",
    log,
  ];
  const r = spawnSync(args[0], args.slice(1), {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = (r.stdout ?? "").trim().split("\n").pop() ?? "";
  if (r.status !== 0 || !last.startsWith("{"))
    throw new Error(
      `pulumi up ${again ? "(second run)" : ""} of ${stack} failed (exit ${r.status}); the engine's output is in ${log}`,
    );
  return JSON.parse(last) as Tier1UpResult;
}

async function render(stack: string, outArg: string | undefined): Promise<number> {
  if (!outArg) throw new UsageError(`--out is required\n${USAGE}`);
  const status = toolchainStatus(ROOT, 1);
  if (status.missing.length)
    throw new Error(
      `the tier-1 tools are not built for these pins (missing ${status.missing.join(", ")} in ${status.paths.bin}). Fix: npm run engine -- build`,
    );
  const out = path.resolve(outArg);
  fs.rmSync(out, { recursive: true, force: true });
  const scratch = tier1Scratch();
  const log = path.join(scratch, "engine.log");
  console.log(versionNotice());
  console.log(`tools ${status.paths.bin}; scratch (state, HOME, log) ${scratch}`);
  const first = upInChild(stack, out, scratch, log, false);
  const rendered = countRendered(out);
  console.log(
    `up #1: ${first.seconds.toFixed(1)} s; ${fmtChanges(first.changes)}; wrote ${rendered.crds} CRDs and ${rendered.manifests} other objects to ${out} (+ ${rendered.stubs} scope-only stub CRDs)`,
  );
  for (const n of first.notRendered) console.log(`  not rendered: ${n.name}: ${n.reason}`);
  for (const d of first.diagnostics) console.log(`  ${d.split("\n")[0]}`);
  const second = upInChild(stack, out, scratch, log, true);
  const changed = changedOps(second.changes);
  console.log(
    `up #2: ${second.seconds.toFixed(1)} s; ${fmtChanges(second.changes)}${changed.length ? " (expected no changes)" : "; no changes"}`,
  );
  return changed.length ? 1 : 0;
}

runScript(
  USAGE,
  {
    tier: { type: "string" },
    stack: { type: "string" },
    out: { type: "string" },
    scratch: { type: "string" },
    log: { type: "string" },
  },
  async (args) => {
    const [command, ...rest] = args.positionals;
    if (rest.length) throw new UsageError(`unexpected argument '${rest[0]}'\n${USAGE}`);
    switch (command) {
      case "build": {
        const tier = parseTier(args.values.tier);
        const start = Date.now();
        const report = buildToolchain(ROOT, tier);
        if (report.upToDate) console.log(`up to date: ${report.bin}`);
        else
          console.log(
            `built ${report.built.length} binaries in ${((Date.now() - start) / 1000).toFixed(0)} s into ${report.bin}`,
          );
        return 0;
      }
      case "status": {
        const s = toolchainStatus(ROOT, parseTier(args.values.tier));
        console.log(`key ${s.key}\nbin ${s.paths.bin}`);
        if (s.missing.length) console.log(`missing: ${s.missing.join(", ")}`);
        return s.missing.length ? 1 : 0;
      }
      case "render":
        return render(requireStack(args.values.stack, USAGE), args.values.out);
      // Internal: one `up`, run by `render` in a child process; prints its result as JSON.
      case "up": {
        const { stack, out, scratch, log } = args.values;
        if (!stack || !out || !scratch || !log)
          throw new UsageError(`up is internal to render\n${USAGE}`);
        const status = toolchainStatus(ROOT, 1);
        const result = await tier1Up({
          stack,
          projectRoot: ROOT,
          bin: status.paths.bin,
          dirs: { out, scratch },
          log,
        });
        console.log(JSON.stringify(result));
        return 0;
      }
      case undefined:
        throw new UsageError(`a command is required\n${USAGE}`);
      default:
        throw new UsageError(`unknown command '${command}'\n${USAGE}`);
    }
  },
  true,
);
