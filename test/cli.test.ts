// The scripts as a user meets them: help and usage errors, one message each, never a trace.
import { spawnSync } from "child_process";
import * as fs from "fs";
import { describe, expect, it } from "vitest";

const tsx = (script: string, args: string[]) =>
  spawnSync("npx", ["tsx", `scripts/${script}.ts`, ...args], { encoding: "utf8" });

describe("scripts", () => {
  it("--help prints the usage and exits 0; schema --help rewrites nothing", () => {
    const before = fs.statSync("docs/configuration.md").mtimeMs;
    for (const script of ["plan", "render", "verify", "images", "sources", "schema"]) {
      const r = tsx(script, ["--help"]);
      expect([script, r.status, r.stdout.startsWith("usage:")]).toEqual([script, 0, true]);
    }
    expect(fs.statSync("docs/configuration.md").mtimeMs).toBe(before);
  }, 120_000);

  it("an unknown flag, a missing value or an unknown stack is one message and exit 1", () => {
    for (const [script, args, says] of [
      ["plan", ["--bogus"], "Unknown option '--bogus'"],
      ["verify", ["--stack"], "argument missing"],
      ["render", ["--stack", "nope"], "no stack file stacks/Pulumi.nope.yaml"],
      ["plan", ["--diff", "package.json", "package.json"], "is not a plan"],
    ] as const) {
      const r = tsx(script, [...args]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(says);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
