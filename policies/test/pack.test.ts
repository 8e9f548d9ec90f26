// The pack as `pulumi policy publish` ships it: the CLI runs `npm pack` in this folder and uploads
// only that tarball, then installs its dependencies where it runs (pulumi/pulumi
// pkg/backend/httpstate/policypack.go: Publish → npm.Pack(pwd), installRequiredPolicy →
// npm.Install). So every file the pack loads must be in the tarball, and every package it imports
// must be one of its own dependencies; a `../components` import would break on publish.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { POLICIES } from "../policies";

const PACK = path.resolve(__dirname, "..");
const read = (f: string) => fs.readFileSync(path.join(PACK, f), "utf8");
const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string> };

/** The files `npm pack` puts in the tarball (no network: --dry-run). */
function packedFiles(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: PACK,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
}

/** Module specifiers a TypeScript file imports or re-exports. */
export function importsOf(source: string): string[] {
  return [
    ...source.matchAll(
      /(?:import|export)[^"';]*?from\s+["']([^"']+)["']|require\(["']([^"']+)["']\)/g,
    ),
  ].map((m) => m[1] ?? m[2]);
}

/** Problems with a set of packed files: imports leaving the tarball or packages not depended on. */
export function selfContainmentProblems(
  files: Record<string, string>,
  dependencies: string[],
): string[] {
  const problems: string[] = [];
  for (const [file, source] of Object.entries(files)) {
    if (!file.endsWith(".ts")) continue;
    for (const spec of importsOf(source)) {
      if (spec.startsWith(".")) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
        if (!(`${target}.ts` in files) && !(target in files))
          problems.push(`${file} imports ${spec}, which is not in the published pack`);
      } else {
        const name = spec.startsWith("@")
          ? spec.split("/").slice(0, 2).join("/")
          : spec.split("/")[0];
        if (!dependencies.includes(name))
          problems.push(
            `${file} imports ${spec}; add ${name} to policies/package.json dependencies`,
          );
      }
    }
  }
  return problems;
}

describe("the published pack", () => {
  const files = packedFiles();
  it("holds the manifest, the entry file and the base config, and no tests", () => {
    expect(files).toEqual(expect.arrayContaining(["PulumiPolicy.yaml", "index.ts", "config.json"]));
    expect(files.filter((f) => f.startsWith("test/"))).toEqual([]);
  });
  it("imports nothing outside its folder and only packages it depends on", () => {
    const sources = Object.fromEntries(files.map((f) => [f, read(f)]));
    expect(selfContainmentProblems(sources, Object.keys(pkg.dependencies))).toEqual([]);
  });
  it("the check finds an import from outside the folder and an undeclared package", () => {
    expect(
      selfContainmentProblems(
        {
          "quota.ts": 'import { quantityToNumber } from "../components/lib/quantity";',
          "gpu.ts": 'import { parse } from "yaml";\nimport { x } from "./facts/none";',
        },
        ["@pulumi/policy"],
      ),
    ).toEqual([
      "quota.ts imports ../components/lib/quantity, which is not in the published pack",
      "gpu.ts imports yaml; add yaml to policies/package.json dependencies",
      "gpu.ts imports ./facts/none, which is not in the published pack",
    ]);
  });
  it("its tsconfig stands alone (ts-node reads it from the installed pack, without ../)", () => {
    expect(read("tsconfig.json")).not.toContain("extends");
  });
  it("builds the PolicyPack only in its entry file; every policy file exports plain objects", () => {
    for (const f of files.filter((x) => x.endsWith(".ts") && x !== "index.ts"))
      expect(read(f), f).not.toContain("new PolicyPack");
    expect(read("index.ts")).toContain("new PolicyPack(");
  });
  it("the base config names only policies of the pack, with properties of their schemas", () => {
    const names = POLICIES.map((p) => p.name);
    expect(new Set(names).size).toBe(POLICIES.length);
    for (const [name, entry] of Object.entries(JSON.parse(read("config.json")))) {
      const policy = POLICIES.find((p) => p.name === name);
      expect(policy, name).toBeDefined();
      const known = Object.keys(policy!.configSchema?.properties ?? {});
      for (const k of Object.keys(entry as object)) expect(known, `${name}.${k}`).toContain(k);
    }
  });
});
