// The CI a user adopts in their fork: every script, path and stack the workflows call exists, and
// Renovate finds every pinned version in the catalog.
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { affectedStacks } from "../components/plan/affectedStacks";
import { listStacks } from "../components/plan/stackConfig";
import { charts, kubeflowManifests } from "../components/versions";

const WORKFLOWS = ".github/workflows";
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as {
  scripts: Record<string, string>;
};
type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Workflow = {
  on: unknown;
  jobs: Record<string, { steps: Step[]; strategy?: { matrix?: { stack?: unknown } } }>;
};
const workflows = fs
  .readdirSync(WORKFLOWS)
  .map((f) => [f, parse(fs.readFileSync(path.join(WORKFLOWS, f), "utf8")) as Workflow] as const);

describe("workflows", () => {
  it("cover pull requests, merges with promotion, and nightly drift", () => {
    expect(workflows.map(([f]) => f).sort()).toEqual([
      "deploy.yml",
      "drift.yml",
      "pull-request.yml",
    ]);
    const deploy = workflows.find(([f]) => f === "deploy.yml")![1];
    expect((deploy.jobs.prod as unknown as { needs: string; environment: string }).needs).toBe(
      "dev",
    );
    expect((deploy.jobs.prod as unknown as { environment: string }).environment).toBe("production");
    const drift = workflows.find(([f]) => f === "drift.yml")![1];
    expect(drift.jobs.drift.steps.at(-1)!.with).toMatchObject({
      command: "preview",
      "expect-no-changes": true,
    });
  });

  it.each(workflows)("%s calls only scripts, files and stacks that exist", (_f, wf) => {
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps) {
        if (step.uses)
          expect(step.uses, "actions are pinned to a version").toMatch(/@v\d+|@[0-9a-f]{40}$/);
        for (const m of (step.run ?? "").matchAll(/npm run (?:--silent )?([\w:-]+)/g))
          expect(Object.keys(pkg.scripts), `npm run ${m[1]}`).toContain(m[1]);
        for (const m of (step.run ?? "").matchAll(/npx tsx (\S+)/g))
          expect(fs.existsSync(m[1]), m[1]).toBe(true);
        for (const m of (step.run ?? "").matchAll(/--prefix (\S+)/g))
          expect(fs.existsSync(path.join(m[1], "package-lock.json")), m[1]).toBe(true);
        for (const key of ["policyPacks", "policyPackConfigs"]) {
          const p = step.with?.[key];
          if (typeof p === "string") expect(fs.existsSync(p), p).toBe(true);
        }
        const stack = step.with?.["stack-name"];
        if (typeof stack === "string" && !stack.includes("matrix")) {
          const name = stack.split("/").pop()!;
          expect(listStacks(), stack).toContain(name);
        }
      }
      const matrix = job.strategy?.matrix?.stack;
      if (Array.isArray(matrix)) for (const s of matrix) expect(listStacks()).toContain(s);
    }
  });
});

describe("affected stacks (pure)", () => {
  const stacks = [
    { name: "local", tenantsDir: "stacks/tenants/local" },
    { name: "platform-dev" },
    { name: "tenants-dev", tenantsDir: "stacks/tenants/dev" },
  ];
  it("a tenant file touches only its tenants stack", () => {
    expect(affectedStacks(["stacks/tenants/dev/team-x.yaml"], stacks)).toEqual(["tenants-dev"]);
  });
  it("a stack file its stack; code every stack; docs none", () => {
    expect(affectedStacks(["stacks/Pulumi.platform-dev.yaml"], stacks)).toEqual(["platform-dev"]);
    expect(affectedStacks(["components/foundation/istio.ts"], stacks)).toEqual([
      "local",
      "platform-dev",
      "tenants-dev",
    ]);
    expect(affectedStacks(["docs/tenants.md", "test/x.test.ts"], stacks)).toEqual([]);
  });
});

describe("renovate", () => {
  const config = JSON.parse(fs.readFileSync("renovate.json", "utf8")) as {
    customManagers: { matchStrings: string[] }[];
    packageRules: { groupName?: string; matchPackageNames?: string[] }[];
  };
  const catalog = fs.readFileSync("components/versions.ts", "utf8");
  const found = config.customManagers.flatMap((m) =>
    m.matchStrings.flatMap((s) => [...catalog.matchAll(new RegExp(s, "g"))].map((x) => x.groups!)),
  );

  it("finds every chart version, the manifests tag and the shared Kubeflow tags", () => {
    for (const c of Object.values(charts))
      expect(
        found.some(
          (g) => g.currentValue === c.version && (g.depName === c.chart || g.chart === c.chart),
        ),
        c.chart,
      ).toBe(true);
    expect(found).toContainEqual(
      expect.objectContaining({
        depName: "kubeflow/manifests",
        currentValue: kubeflowManifests.ref,
      }),
    );
    for (const tag of ["v1.10.0", "2.16.0", "v0.19.0"])
      expect(
        found.some((g) => g.datasource === "docker" && g.currentValue === tag),
        tag,
      ).toBe(true);
  });

  it("finds every image written with a literal tag", () => {
    const literal = [
      ...catalog.matchAll(/"([a-z0-9.-]+\.[a-z]{2,}(?::\d+)?\/[^"$@\s]+:[^"$\s]+)"/g),
    ].map((m) => m[1]);
    expect(literal.length).toBeGreaterThan(20);
    for (const image of literal)
      expect(
        found.some((g) => `${g.depName}:${g.currentValue}` === image),
        image,
      ).toBe(true);
  });

  it("groups a Kubeflow release's bumps together", () => {
    const group = config.packageRules.find((r) => r.groupName === "Kubeflow release")!;
    expect(group.matchPackageNames).toContain("kubeflow/manifests");
  });
});
