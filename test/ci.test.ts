// The CI a user adopts in their fork: every script, path and stack the workflows call exists, they
// run only the stacks stacks/deployed.yaml lists (a tenant file maps to its environment's stacks),
// they set up each cloud's credentials, and Renovate finds every pinned version in the catalog.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { affectedStacks } from "../components/ci/affectedStacks";
import {
  deployedProblems,
  describeStack,
  environmentSuffix,
  readDeployedStacks,
  stepOutputs,
} from "../components/ci/deployedStacks";
import { charts, kubeflowManifests } from "../components/versions";

const WORKFLOWS = ".github/workflows";
const CREDENTIALS_ACTION = ".github/actions/stack-credentials/action.yml";
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as {
  scripts: Record<string, string>;
};
type Step = {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, unknown>;
  if?: string;
};
type Job = {
  steps: Step[];
  needs?: string | string[];
  environment?: string;
  strategy?: { matrix?: { stack?: unknown; include?: unknown } };
};
type Workflow = { on: unknown; permissions?: Record<string, string>; jobs: Record<string, Job> };
const workflows = fs
  .readdirSync(WORKFLOWS)
  .map((f) => [f, parse(fs.readFileSync(path.join(WORKFLOWS, f), "utf8")) as Workflow] as const);
const workflow = (f: string) => workflows.find(([name]) => name === f)![1];
const credentialsAction = parse(fs.readFileSync(CREDENTIALS_ACTION, "utf8")) as {
  inputs: Record<string, unknown>;
  runs: { steps: Step[] };
};
const deployed = readDeployedStacks();
const deployedNames = deployed.map((s) => s.stack);
const environments = [...new Set(deployed.map((s) => s.environment))];
const ciDoc = fs.readFileSync("docs/ci.md", "utf8");

describe("workflows", () => {
  it("cover pull requests, merges with promotion, and nightly drift", () => {
    expect(workflows.map(([f]) => f).sort()).toEqual([
      "deploy.yml",
      "drift.yml",
      "pull-request.yml",
    ]);
    const deploy = workflow("deploy.yml");
    expect(deploy.jobs.prod.needs).toBe("dev");
    expect(deploy.jobs.prod.environment).toBe("production");
    expect(workflow("drift.yml").jobs.drift.steps.at(-1)!.with).toMatchObject({
      command: "preview",
      "expect-no-changes": true,
    });
  });

  it.each(workflows)("%s calls only scripts, files and stacks that exist", (_f, wf) => {
    for (const job of Object.values(wf.jobs)) {
      const written: string[] = [];
      for (const step of job.steps) {
        const run = step.run ?? "";
        if (step.uses?.startsWith("./"))
          expect(fs.existsSync(path.join(step.uses, "action.yml")), step.uses).toBe(true);
        else if (step.uses)
          expect(step.uses, "actions are pinned to a version").toMatch(/@v\d+|@[0-9a-f]{40}$/);
        for (const m of run.matchAll(/npm run (?:--silent )?([\w:-]+)/g))
          expect(Object.keys(pkg.scripts), `npm run ${m[1]}`).toContain(m[1]);
        for (const m of run.matchAll(/npx tsx (\S+)/g))
          expect(fs.existsSync(m[1]), m[1]).toBe(true);
        for (const m of run.matchAll(/--prefix (\S+)/g))
          expect(fs.existsSync(path.join(m[1], "package-lock.json")), m[1]).toBe(true);
        const packs = step.with?.policyPacks;
        if (typeof packs === "string") expect(fs.existsSync(packs), packs).toBe(true);
        for (const m of run.matchAll(/--policy-pack (\S+)/g))
          expect(fs.existsSync(m[1]), m[1]).toBe(true);
        // The policy config Pulumi gets is the one the offline plan wrote for this stack.
        const configs = [
          ...(typeof step.with?.policyPackConfigs === "string"
            ? [step.with.policyPackConfigs]
            : []),
          ...[...run.matchAll(/--policy-pack-config (\S+)/g)].map((m) => m[1]),
        ];
        written.push(...[...run.matchAll(/--policy-config (\S+)/g)].map((m) => m[1]));
        for (const c of configs)
          expect(written, `${c} is written by plan --policy-config first`).toContain(c);
        if (typeof packs === "string" || run.includes("--policy-pack "))
          expect(configs.length, "a policy pack runs with its stack's config").toBeGreaterThan(0);
        const stack = step.with?.["stack-name"];
        if (typeof stack === "string" && !stack.includes("matrix"))
          expect(deployedNames, stack).toContain(stack.split("/").pop());
      }
      const matrix = job.strategy?.matrix;
      if (Array.isArray(matrix?.stack))
        for (const s of matrix.stack)
          expect(deployedNames, "matrix stacks are deployed").toContain(s);
    }
  });

  it.each(workflows)("%s: stack matrices come from stacks/deployed.yaml", (_f, wf) => {
    for (const job of Object.values(wf.jobs)) {
      const include = job.strategy?.matrix?.include;
      if (include === undefined) continue;
      const from = /^\$\{\{ fromJSON\(needs\.(\w+)\.outputs\.matrix\) \}\}$/.exec(String(include));
      expect(from, "matrix: include: ${{ fromJSON(needs.<job>.outputs.matrix) }}").not.toBeNull();
      const producer = wf.jobs[from![1]];
      expect(producer.steps.some((s) => s.run?.includes("scripts/ciStacks.ts"))).toBe(true);
    }
  });

  it("deploy has one job per environment of stacks/deployed.yaml, in order, each after the last", () => {
    const jobs = Object.values(workflow("deploy.yml").jobs);
    expect(jobs.map((j) => j.environment)).toEqual(environments);
    jobs.forEach((job, i) => {
      const env = job.environment!;
      if (i > 0) expect(job.needs).toBe(Object.keys(workflow("deploy.yml").jobs)[i - 1]);
      const listed = job.steps.find((s) => s.run?.includes("scripts/ciStacks.ts"))!;
      expect(listed.run).toContain(`--environment ${env} `);
      // The job's credentials are the environment's own.
      const creds = job.steps.find((s) => s.uses === "./.github/actions/stack-credentials")!;
      for (const v of Object.values(creds.with!).filter((v) => /vars\.|secrets\./.test(String(v))))
        expect(String(v), env).toMatch(new RegExp(`_${environmentSuffix(env)} \\}\\}$`));
    });
  });

  it.each(workflows)(
    "%s: jobs reaching clusters set up their credentials first (OIDC allowed)",
    (_f, wf) => {
      for (const [name, job] of Object.entries(wf.jobs)) {
        const pulumi = job.steps.findIndex(
          (s) =>
            s.run?.includes("pulumi up") ||
            (s.uses?.startsWith("pulumi/actions") && s.with?.command),
        );
        if (pulumi < 0) continue;
        const creds = job.steps.findIndex((s) => s.uses === "./.github/actions/stack-credentials");
        expect(creds, `${name} sets up credentials`).toBeGreaterThanOrEqual(0);
        expect(creds, `${name}: before Pulumi`).toBeLessThan(pulumi);
        expect(wf.permissions?.["id-token"], "OIDC needs id-token: write").toBe("write");
        for (const k of Object.keys(job.steps[creds].with ?? {}))
          expect(Object.keys(credentialsAction.inputs), k).toContain(k);
      }
    },
  );

  it("the credentials action logs in to each cloud with pinned actions; every name is documented", () => {
    const steps = credentialsAction.runs.steps;
    for (const [cloud, action] of [
      ["aws", "aws-actions/configure-aws-credentials@"],
      ["gcp", "google-github-actions/auth@"],
      ["gcp", "google-github-actions/setup-gcloud@"],
      ["azure", "azure/login@"],
      ["azure", "azure/use-kubelogin@"],
    ])
      expect(
        steps.some((s) => s.uses?.startsWith(action) && s.if?.includes(`,${cloud},`)),
        `${cloud}: ${action}`,
      ).toBe(true);
    expect(steps.some((s) => s.if?.includes(",existing,") && s.run?.includes("KUBECONFIG="))).toBe(
      true,
    );
    for (const s of steps) if (s.uses) expect(s.uses).toMatch(/@v\d+(\.\d+)*$|@[0-9a-f]{40}$/);
    for (const [, wf] of workflows)
      for (const job of Object.values(wf.jobs))
        for (const step of job.steps)
          for (const v of Object.values(step.with ?? {}))
            for (const m of String(v).matchAll(
              /(?:vars|secrets)(?:\.|\[format\(')([A-Z_]+?)(?:_\{0\}|_DEV|_PRODUCTION)?\b/g,
            ))
              expect(ciDoc, `docs/ci.md documents ${m[1]}`).toContain(m[1]);
  });
});

describe("stacks/deployed.yaml", () => {
  it("lists shipped stacks, each updated after the stacks it reads", () => {
    expect(deployedNames).toEqual(["platform-dev", "tenants-dev", "platform-prod", "tenants-prod"]);
  });
  it("refuses an unknown stack, a stack listed twice and a tenants stack before its platform", () => {
    const refs = (s: string) =>
      s.startsWith("tenants-") ? [s.replace("tenants-", "platform-")] : [];
    const problems = deployedProblems(
      {
        dev: { stacks: ["tenants-dev", "platform-dev", "nope"] },
        production: { stacks: ["platform-dev"] },
      },
      ["platform-dev", "tenants-dev"],
      refs,
    );
    expect(problems.map((p) => `${p.path}: ${p.message}. Fix: ${p.fix}`)).toEqual([
      "environments.dev.stacks[0]: is updated before platform-dev, which it reads by StackReference. Fix: move tenants-dev after platform-dev in environments.dev.stacks",
      "environments.dev.stacks[2]: no stack file stacks/Pulumi.nope.yaml. Fix: use one of platform-dev, tenants-dev, or add the stack file",
      "environments.production.stacks[0]: listed twice (also in environment dev). Fix: list each stack once, in the environment whose deploy job updates it",
    ]);
  });
  it("a missing or malformed file is a clear error naming the file", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "deployed-"));
    try {
      fs.mkdirSync(path.join(root, "stacks"));
      expect(() => readDeployedStacks(root)).toThrow(
        /stacks\/deployed.yaml has 1 problem.*create stacks\/deployed.yaml/s,
      );
      fs.writeFileSync(
        path.join(root, "stacks", "deployed.yaml"),
        "environments:\n  dev: [platform-dev]\n",
      );
      expect(() => readDeployedStacks(root)).toThrow(
        /environments\.dev: .*Fix: write environments/s,
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
  it("knows each kind of stack's cloud and region", () => {
    const kind = (s: string) => {
      const d = describeStack(s, "dev");
      return `${d.cloud} ${d.region}`.trim();
    };
    expect(
      [
        "aws-dev",
        "gcp-dev",
        "azure-dev",
        "cluster-aws-prod",
        "platform-aws-prod",
        "tenants-dev",
      ].map(kind),
    ).toEqual([
      "aws eu-west-1",
      "gcp europe-west4",
      "azure westeurope",
      "aws us-east-1",
      "aws us-east-1", // on the EKS cluster of cluster-aws-prod: EKS tokens need AWS credentials
      "existing",
    ]);
  });
  it("step outputs: the matrix, the names in order, the clouds and the AWS region", () => {
    const out = stepOutputs([
      describeStack("cluster-aws-prod", "production"),
      describeStack("tenants-dev", "production"),
    ]);
    expect(out.split("\n").slice(1)).toEqual([
      "stacks=cluster-aws-prod tenants-dev",
      "clouds=aws,existing",
      "aws-region=us-east-1",
    ]);
    expect(JSON.parse(out.split("\n")[0].slice("matrix=".length))[0]).toEqual({
      stack: "cluster-aws-prod",
      environment: "production",
      suffix: "PRODUCTION",
      cloud: "aws",
      region: "us-east-1",
    });
  });
});

describe("affected stacks", () => {
  const real = deployed.map((s) => ({
    name: s.stack,
    tenantsDir: s.tenantsDir,
    references: s.references,
  }));
  const all = [...deployedNames].sort();
  it.each([
    [["stacks/tenants/dev/team-x.yaml"], ["tenants-dev"]],
    [["stacks/tenants/prod/team-vision.yaml"], ["tenants-prod"]],
    [["stacks/tenants/local/team-demo.yaml"], []], // local is an example, not deployed
    [["stacks/Pulumi.platform-dev.yaml"], ["platform-dev", "tenants-dev"]], // tenants read its GPU capacity
    [["stacks/Pulumi.tenants-prod.yaml"], ["tenants-prod"]],
    [["stacks/Pulumi.aws-dev.yaml"], []],
    [["components/foundation/istio.ts"], all],
    [["policies/gpu.ts"], all],
    [["stacks/deployed.yaml"], all],
    [["docs/tenants.md", "test/x.test.ts", "policies/test/pack.test.ts"], []],
  ])("%j → %j", (changed, expected) => {
    expect(affectedStacks(changed, real)).toEqual(expected);
  });
  it("a tenant file maps by the stack's tenantsDir, however it is written, and nested folders too", () => {
    const stacks = [
      { name: "t", tenantsDir: "./stacks/tenants/dev/" },
      { name: "u", tenantsDir: "stacks/tenants/dev-2" },
    ];
    expect(affectedStacks(["stacks/tenants/dev/a/b.yaml"], stacks)).toEqual(["t"]);
    expect(affectedStacks(["stacks/tenants/dev-2/b.yaml"], stacks)).toEqual(["u"]);
  });
  it("a cluster stack's change reaches the platform on it and the tenants on that", () => {
    const stacks = [
      { name: "cluster", references: [] },
      { name: "platform", references: ["cluster"] },
      { name: "tenants", references: ["platform"] },
      { name: "other" },
    ];
    expect(affectedStacks(["stacks/Pulumi.cluster.yaml"], stacks)).toEqual([
      "cluster",
      "platform",
      "tenants",
    ]);
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
