// npm run sources -- --stack <name> --out <dir> [--dry-run]
// Fills a local sources directory (docs/airgap.md) on a connected machine: the pinned git trees and
// every chart the stack uses. Point platform.sourcesDir or KUBEFLOW_PLATFORM_SOURCES at it.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { evaluatePlatform } from "../components/plan/evaluate";
import { readStackPlatformConfig } from "../components/plan/stackConfig";
import { notes } from "../components/upstream/run";
import { renderTools } from "../components/render/tools";
import { fillSteps } from "../components/upstream/fill";
import { requireStack, runScript, UsageError } from "./cli";

const USAGE = "usage: npm run sources -- --stack <name> --out <dir> [--dry-run]";

runScript(
  USAGE,
  { stack: { type: "string" }, out: { type: "string" }, "dry-run": { type: "boolean" } },
  async ({ values }) => {
    const stack = requireStack(values.stack, USAGE);
    if (!values.out) throw new UsageError(`--out is required\n${USAGE}`);
    // The charts this stack uses, as the program registers them.
    await evaluatePlatform(stack, readStackPlatformConfig(stack));
    const charts = notes().upstream.flatMap((n) => (n.pin ? [n.pin] : []));
    const steps = fillSteps(charts, path.resolve(values.out));
    for (const step of steps) {
      console.log(
        `${step.what}: ${step.argv.join(" ")}${step.stdoutTo ? ` > ${step.stdoutTo}` : ""}`,
      );
      if (values["dry-run"]) continue;
      if (step.skipIfExists && fs.existsSync(step.skipIfExists)) {
        console.log(`  already there: ${step.skipIfExists}`);
        continue;
      }
      const [program, ...args] = step.argv;
      const binary = program === "helm" ? renderTools().helm : program;
      if (step.argv[1] === "pull")
        fs.mkdirSync(step.argv[step.argv.length - 1], { recursive: true });
      const out = execFileSync(binary, args, {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      });
      if (step.stdoutTo) fs.writeFileSync(step.stdoutTo, out);
      if (step.expect && out.trim() !== step.expect)
        throw new Error(
          `${step.what}: got ${out.trim()}; the tag moved, so the pin in components/versions.ts must be checked`,
        );
    }
    console.log(values["dry-run"] ? `${steps.length} steps (dry run)` : `filled ${values.out}`);
    return 0;
  },
);
