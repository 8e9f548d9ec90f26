// Generated references stay in sync with the schema (run `npm run schema` to refresh them).
import { spawnSync } from "child_process";
import * as fs from "fs";
import { describe, expect, it } from "vitest";
import {
  configurationMarkdown,
  DOCS_FILE,
  SCHEMA_FILE,
  STACK_SCHEMA_FILE,
  TENANT_SCHEMA_FILE,
  schemaText,
  stackSchemaText,
  tenantSchemaText,
} from "../components/config/docs";
import {
  COMPONENTS_FILE,
  SIZING_FILE,
  componentsMarkdown,
  sizingMarkdown,
} from "../components/plan/referenceDocs";
import { CHECKS } from "../components/verify";
import { VERIFY_DOCS_FILE, verifyMarkdown } from "../components/verify/docs";
import { APP_NAMES } from "../components/config/apps";
import { parsePlatformConfig } from "../components/config/load";
import { evaluatePlatform } from "../components/plan/evaluate";
import { stackImages } from "../components/plan/imageList";
import { readStackPlatformConfig } from "../components/plan/stackConfig";

describe("generated config references", () => {
  it("docs/config.schema.json is current", () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaText());
  });
  it("docs/stack.schema.json and docs/tenant.schema.json are current", () => {
    expect(fs.readFileSync(STACK_SCHEMA_FILE, "utf8")).toBe(stackSchemaText());
    expect(fs.readFileSync(TENANT_SCHEMA_FILE, "utf8")).toBe(tenantSchemaText());
  });
  it("docs/configuration.md documents every field and is current", () => {
    const md = fs.readFileSync(DOCS_FILE, "utf8");
    expect(md).toBe(configurationMarkdown());
    for (const field of [
      "platform.ingress.serviceType",
      "platform.database.host",
      "platform.tenants[].quota.gpu",
      "platform.objectStore.tenantIsolation",
    ]) {
      expect(md).toContain(field);
    }
  });

  it("docs/components.md has a row per application and is current", () => {
    const md = fs.readFileSync(COMPONENTS_FILE, "utf8");
    expect(md).toBe(componentsMarkdown());
    for (const app of APP_NAMES) expect(md).toContain(`| \`${app}\` |`);
  });
  it("docs/sizing.md is current and compares with upstream's figure", () => {
    const md = fs.readFileSync(SIZING_FILE, "utf8");
    expect(md).toBe(sizingMarkdown());
    expect(md).toContain("4.4 CPU and 12 GiB");
  });
  it("docs/verify.md's table has a row per registered check and is current", () => {
    const md = fs.readFileSync(VERIFY_DOCS_FILE, "utf8");
    expect(md).toBe(verifyMarkdown(md));
    expect(CHECKS.length).toBeGreaterThan(0);
    for (const c of CHECKS) expect(md).toContain(`| ${c.name} | ${c.description} |`);
  });
});

// Every `npm run ...` the README and docs quote: the ones that run offline are run and must exit 0
// (the local stack's plan through the CLI, as npm would: `tsx scripts/plan.ts`; the other stacks'
// plans in-process, the same evaluatePlatform the CLI runs, to keep this fast); the rest are skipped
// for a recorded reason, and a template (with <placeholders>) or a bare script name must name a
// script whose --help lists every flag the quote uses.
const SKIPPED: Record<string, string> = {
  render: "needs helm, kustomize and the upstream sources (verify.test and CI run it)",
  verify: "needs helm, kustomize and the upstream sources (verify.test and CI run it)",
  sources: "fills a sources directory from the network",
  bench: "plans thousands of tenants for minutes (CI's bench job runs it)",
  schema: "rewrites docs/ (whose contents the tests above check)",
  engine: "builds Go tools for minutes, or runs the real engine (test/engine runs it where built)",
};
const DOC_FILES = ["README.md", ...fs.readdirSync("docs").map((f) => `docs/${f}`)].filter((f) =>
  f.endsWith(".md"),
);

function quotedCommands(): { file: string; command: string }[] {
  const out = new Map<string, string>();
  for (const file of DOC_FILES)
    for (const m of fs.readFileSync(file, "utf8").matchAll(/npm run [^`\n#;]*/g)) {
      const command = m[0].trim().replace(/[.,:)]+$/, "");
      if (!out.has(command)) out.set(command, file);
    }
  return [...out].map(([command, file]) => ({ command, file }));
}

const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as {
  scripts: Record<string, string>;
};
function runScript(script: string, args: string[]) {
  expect(pkg.scripts[script], `npm run ${script} is not a script`).toBe(`tsx scripts/${script}.ts`);
  return spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", `scripts/${script}.ts`, ...args],
    { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" }, timeout: 240_000 },
  );
}
const helps = new Map<string, string>();
function helpOf(script: string): string {
  if (!helps.has(script)) {
    const help = runScript(script, ["--help"]);
    expect(help.status, help.stderr).toBe(0);
    helps.set(script, help.stdout);
  }
  return helps.get(script)!;
}

describe("commands quoted in the docs", () => {
  const commands = quotedCommands();

  it("are found in the README and the docs", () => {
    expect(commands.map((c) => c.command)).toEqual(
      expect.arrayContaining(["npm run plan -- --stack local", "npm run images -- --stack <name>"]),
    );
  });

  it.each(commands)(
    "$command ($file)",
    async ({ command }) => {
      const [script, ...rest] = command.replace(/^npm run /, "").split(/\s+/);
      const args = rest[0] === "--" ? rest.slice(1) : rest;
      const stack = args[0] === "--stack" && args.length === 2 ? args[1] : undefined;
      // plan --policies runs the policy pack offline: run it through the CLI (exit 0: it passes).
      const policies =
        script === "plan" && args.length === 3 && args[0] === "--stack" && args[2] === "--policies";
      const template =
        /[<[]/.test(command) ||
        args.includes("--diff") ||
        // Writes the file it names into the checkout.
        args.includes("--policy-config") ||
        !args.length;
      if (template || SKIPPED[script]) {
        // Not run: the script exists and its usage names every flag the quote uses.
        const help = helpOf(script);
        for (const flag of args.filter((a) => a.startsWith("--")))
          expect(help, `${command}: ${flag}`).toContain(flag);
        return;
      }
      expect(["plan", "images"], `${command}: no rule to run it offline`).toContain(script);
      if (policies) {
        const run = runScript(script, args);
        expect(run.status, `${command}\n${run.stdout}\n${run.stderr}`).toBe(0);
        return;
      }
      expect(stack, command).toBeDefined();
      if (script === "plan" && stack === "local") {
        const run = runScript(script, args);
        expect(run.status, `${command}\n${run.stderr}`).toBe(0);
        expect(run.stderr).toBe("");
        expect(run.stdout).toMatch(
          /^Plan for stack local, targeting kubeconfig context kind-kubeflow/,
        );
        return;
      }
      const raw = readStackPlatformConfig(stack!);
      if (script === "plan")
        expect((await evaluatePlatform(stack!, raw)).length).toBeGreaterThan(0);
      else expect(stackImages(parsePlatformConfig(raw)).length).toBeGreaterThan(0);
    },
    300_000,
  );
});
