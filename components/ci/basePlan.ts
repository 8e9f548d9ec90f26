// The plan of a stack as of another commit: that commit is checked out in a git worktree of its
// own (never over the working tree, so files a change adds or deletes are seen as added and
// deleted) and planned there with its own code and stack files. The worktree borrows this
// checkout's node_modules; a base commit with other dependencies is planned with these ones.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { workDir } from "../lib/workDir";
import { PlanJson } from "../plan/report";

function git(args: string[], cwd = process.cwd()): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

/**
 * Run `fn` in a git worktree of `ref` (detached, borrowing this checkout's node_modules), removed
 * afterwards whatever happens.
 */
export function inWorktreeOf<T>(ref: string, fn: (dir: string) => T): T {
  const top = git(["rev-parse", "--show-toplevel"]);
  const commit = git(["rev-parse", "--verify", `${ref}^{commit}`]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubeflow-platform-base-"));
  try {
    git(["worktree", "add", "--detach", "--quiet", dir, commit], top);
    if (!fs.existsSync(path.join(dir, "node_modules")))
      fs.symlinkSync(path.join(top, "node_modules"), path.join(dir, "node_modules"), "dir");
    return fn(dir);
  } finally {
    try {
      git(["worktree", "remove", "--force", dir], top);
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
      git(["worktree", "prune"], top);
    }
  }
}

/** Run one of the project's scripts in `dir` with the working tree's work folder. */
export function runScriptIn(dir: string, script: string, args: string[]): void {
  execFileSync("npx", ["tsx", `scripts/${script}.ts`, ...args], {
    cwd: dir,
    stdio: ["ignore", "ignore", "pipe"],
    // The same relative work folder as the working tree's run, so inputs compare equal.
    env: { ...process.env, KUBEFLOW_PLATFORM_WORK_DIR: workDir() },
  });
}

/** The plan of `stack` at `ref`; an empty plan when the stack has no file there (a new stack). */
export function planAtCommit(stack: string, ref: string): PlanJson {
  return inWorktreeOf(ref, (dir) => {
    if (!fs.existsSync(path.join(dir, "stacks", `Pulumi.${stack}.yaml`)))
      return { stack, resources: [], footprint: [] } as unknown as PlanJson;
    const out = path.join(dir, "base-plan.json");
    runScriptIn(dir, "plan", ["--stack", stack, "--json", out]);
    return JSON.parse(fs.readFileSync(out, "utf8")) as PlanJson;
  });
}
