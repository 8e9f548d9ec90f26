// plan --base: the stack as of another commit, planned in a worktree (never by checking files out
// over the working tree), diffed against the working tree: a removed tenant is flagged.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";

const TENANT =
  'name: team-extra\nowner: extra@example.com\nquota:\n  cpu: "1"\n  memory: 1Gi\n  storage: 1Gi\n';

describe("npm run plan -- --base", () => {
  it("flags a tenant the change removes, and leaves the working tree as it was", () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), "kfp-base-"));
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], {
        cwd: repo,
        stdio: "pipe",
      });
    try {
      execFileSync("git", ["clone", "--quiet", process.cwd(), repo]);
      fs.symlinkSync(path.resolve("node_modules"), path.join(repo, "node_modules"), "dir");
      // Base: the tenant exists; the change deletes its file (uncommitted).
      fs.writeFileSync(path.join(repo, "stacks/tenants/local/team-extra.yaml"), TENANT);
      git("add", "stacks");
      git("commit", "--quiet", "-m", "base");
      fs.rmSync(path.join(repo, "stacks/tenants/local/team-extra.yaml"));
      const r = spawnSync("npx", ["tsx", "scripts/plan.ts", "--stack", "local", "--base", "HEAD"], {
        cwd: repo,
        encoding: "utf8",
      });
      expect(r.stdout).toContain("- tenants-team-extra-namespace");
      expect(r.stdout).toContain("STATEFUL: tenants-team-extra-namespace");
      expect(r.status).toBe(3);
      // The deleted file stays deleted, and no worktree is left behind.
      expect(fs.existsSync(path.join(repo, "stacks/tenants/local/team-extra.yaml"))).toBe(false);
      expect(git("worktree", "list").toString().trim().split("\n")).toHaveLength(1);
      // The same commit as base: nothing changes.
      fs.writeFileSync(path.join(repo, "stacks/tenants/local/team-extra.yaml"), TENANT);
      const same = spawnSync(
        "npx",
        ["tsx", "scripts/plan.ts", "--stack", "local", "--base", "HEAD"],
        { cwd: repo, encoding: "utf8" },
      );
      expect(same.stdout).toContain("No changes.");
      expect(same.status).toBe(0);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  }, 120_000);
});
