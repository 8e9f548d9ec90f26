// The plan of a stack as of another commit: that commit is checked out in a git worktree of its
// own (never over the working tree, so files a change adds or deletes are seen as added and
// deleted) and planned there with its own code and stack files. The worktree borrows this
// checkout's node_modules; a base commit with other dependencies is planned with these ones.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { workDir } from "../lib/workDir";
import { PlanJson } from "./report";

function git(args: string[], cwd = process.cwd()): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

/** The plan of `stack` at `ref`; an empty plan when the stack has no file there (a new stack). */
export function planAtCommit(stack: string, ref: string): PlanJson {
  const top = git(["rev-parse", "--show-toplevel"]);
  const commit = git(["rev-parse", "--verify", `${ref}^{commit}`]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubeflow-platform-base-"));
  try {
    git(["worktree", "add", "--detach", "--quiet", dir, commit], top);
    if (!fs.existsSync(path.join(dir, "node_modules")))
      fs.symlinkSync(path.join(top, "node_modules"), path.join(dir, "node_modules"), "dir");
    if (!fs.existsSync(path.join(dir, "stacks", `Pulumi.${stack}.yaml`)))
      return { stack, resources: [], footprint: [] } as unknown as PlanJson;
    const out = path.join(dir, "base-plan.json");
    execFileSync("npx", ["tsx", "scripts/plan.ts", "--stack", stack, "--json", out], {
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
      // The same relative work folder as the working tree's plan, so inputs compare equal.
      env: { ...process.env, KUBEFLOW_PLATFORM_WORK_DIR: workDir() },
    });
    return JSON.parse(fs.readFileSync(out, "utf8")) as PlanJson;
  } finally {
    try {
      git(["worktree", "remove", "--force", dir], top);
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
      git(["worktree", "prune"], top);
    }
  }
}
