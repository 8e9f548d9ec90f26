// Fix hints work when pasted: every backticked command of every corpus case's fix is run through a
// real shell (bash, with `pulumi` a function that prints the argv it receives), that argv is read the
// way `pulumi config set` reads it (flags, property path, value types), and the edit applied to the
// bad config makes the problem go away. Tenant-file fixes say what to write in the file.
import { spawnSync } from "child_process";
import { describe, expect, it } from "vitest";
import { ConfigError, ConfigProblem } from "../../components/config/errors";
import {
  configPathText,
  hintCommands,
  setCommands,
  shellWord,
} from "../../components/config/hints";
import { TenantFile, parsePlatformConfig } from "../../components/config/load";
import { minimalConfig, s3ObjectStore } from "../fixtures/configs";
import { CORPUS } from "./corpus.cases";

const KEY = "kubeflow-platform:platform";

/** The argv each `pulumi` call of each command line receives from bash. */
function shellArgv(lines: string[]): string[][][] {
  const script = [
    `pulumi() { for a in "$@"; do printf '%s\\037' "$a"; done; printf '\\035'; }`,
    ...lines.map((l) => `${l}\nprintf '\\036'`),
  ].join("\n");
  const run = spawnSync("bash", ["-c", script], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toBe("");
  const groups = run.stdout.split("\x1e").slice(0, -1);
  expect(groups).toHaveLength(lines.length);
  return groups.map((g) =>
    g
      .split("\x1d")
      .slice(0, -1)
      .map((call) => call.split("\x1f").slice(0, -1)),
  );
}

/** Pulumi's property path syntax: name, .name, [0], ["any key"]. */
function parsePropertyPath(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === "[") {
      if (text[i + 1] === '"') {
        const end = text.indexOf('"]', i + 2);
        out.push(JSON.parse(text.slice(i + 1, end + 1)) as string);
        i = end + 2;
      } else {
        const end = text.indexOf("]", i);
        const index = text.slice(i + 1, end);
        expect(index, `bad index in ${text}`).toMatch(/^\d+$/);
        out.push(Number(index));
        i = end + 1;
      }
    } else {
      const m = /^[^.[]+/.exec(text.slice(i))!;
      out.push(m[0]);
      i += m[0].length;
    }
    if (text[i] === ".") i++;
  }
  return out;
}

interface PulumiEdit {
  op: "set" | "rm";
  path: (string | number)[];
  value?: unknown;
  secret: boolean;
}

/** What `pulumi config set|rm` does with an argv (the CLI's documented flags and typing rules). */
function readPulumiArgv(argv: string[]): PulumiEdit {
  expect(argv.slice(0, 1)).toEqual(["config"]);
  const op = argv[1];
  expect(["set", "rm"]).toContain(op);
  let usePath = false;
  let secret = false;
  let type: string | undefined;
  const positional: string[] = [];
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === "--path") usePath = true;
    else if (a === "--secret") secret = true;
    else if (a === "--plaintext") secret = false;
    else if (a === "--type") type = argv[++i];
    else if (a.startsWith("-")) throw new Error(`unknown flag ${a} in ${argv.join(" ")}`);
    else positional.push(a);
  }
  expect(positional, argv.join(" ")).toHaveLength(op === "set" ? 2 : 1);
  const [key, raw] = positional;
  const path = usePath ? parsePropertyPath(key) : [key];
  if (op === "rm") return { op: "rm", path, secret };
  expect(["string", "bool", "int", "float", undefined]).toContain(type);
  const value =
    type === "string" || !usePath
      ? raw
      : type === "bool" || raw === "true" || raw === "false"
        ? raw === "true"
        : type === "int" || type === "float" || /^[-+]?[0-9]+$/.test(raw)
          ? Number(raw)
          : raw;
  return { op: "set", path, value, secret };
}

function apply(config: Record<string, unknown>, e: PulumiEdit): void {
  let node: Record<string | number, unknown> = config;
  e.path.slice(0, -1).forEach((k, i) => {
    if (node[k] === undefined || typeof node[k] !== "object")
      node[k] = typeof e.path[i + 1] === "number" ? [] : {};
    node = node[k] as Record<string | number, unknown>;
  });
  const last = e.path[e.path.length - 1];
  if (e.op === "rm") delete node[last];
  else node[last] = e.value;
}

function problemsOf(raw: unknown, provider: Record<string, string> = {}): ConfigProblem[] {
  try {
    parsePlatformConfig(raw, () => [], provider);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
}

describe("hint building blocks", () => {
  it("writes keys with dots or slashes in bracket syntax", () => {
    expect(
      configPathText(["cluster", "gpuPools", 0, "nodeSelector", "nvidia.com/gpu.present"]),
    ).toBe('kubeflow-platform:platform.cluster.gpuPools[0].nodeSelector["nvidia.com/gpu.present"]');
  });

  it("quotes for the shell only what needs it", () => {
    expect(shellWord("10.0.0.0/16")).toBe("10.0.0.0/16");
    expect(shellWord("<value>")).toBe("'<value>'");
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
  });

  it("sets maps and lists one leaf at a time, strings that look like numbers with --type string", () => {
    expect(setCommands(["cluster", "zones"], ["1", "2"])).toEqual([
      "pulumi config set --type string --path 'kubeflow-platform:platform.cluster.zones[0]' 1",
      "pulumi config set --type string --path 'kubeflow-platform:platform.cluster.zones[1]' 2",
    ]);
    const [cmd] = setCommands(["cluster", "gpuPools", 0, "nodeSelector"], {
      "nvidia.com/gpu.present": "true",
    });
    const [[argv]] = shellArgv([cmd]);
    expect(readPulumiArgv(argv)).toEqual({
      op: "set",
      path: [KEY, "cluster", "gpuPools", 0, "nodeSelector", "nvidia.com/gpu.present"],
      value: "true",
      secret: false,
    });
  });

  it("control: the argv reader catches a hint that would not survive the shell", () => {
    // An unquoted placeholder is a redirection, and an unquoted bracket path a glob.
    const run = spawnSync("bash", ["-c", "pulumi() { :; }; pulumi config set --path x <value>"]);
    expect(run.status).not.toBe(0);
    expect(readPulumiArgv(["config", "set", "--path", "a.b", "8"]).value).toBe(8);
  });
});

describe("every corpus fix, pasted", () => {
  const cases = CORPUS.map(([desc, config, path, { provider } = {}]) => {
    const problems = problemsOf(config, provider);
    return { desc, config, path, provider, problems };
  });

  it("each command of each fix reaches pulumi as the argv the fix means, and fixes it", () => {
    let commands = 0;
    for (const { desc, config, provider = {}, problems } of cases) {
      for (const p of problems) {
        const spans = hintCommands(p.fix);
        if (!spans.length) continue;
        const argvs = shellArgv(spans);
        spans.forEach((span, s) => {
          commands++;
          const edits = argvs[s].map(readPulumiArgv);
          // The commands name the fields the problem's edits mean (when it lists them).
          if (p.edits && spans.length === 1)
            expect(
              edits.map((e) => e.path.slice(1)),
              `${desc}: ${span}`,
            ).toEqual(
              p.edits.flatMap(
                (e) =>
                  (e.value && typeof e.value === "object"
                    ? Object.keys(e.value).map((k) => [...e.path, k])
                    : [e.path]) as (string | number)[][],
              ),
            );
          for (const e of edits)
            if (
              e.path.some((k) =>
                /password|secretAccessKey|clientSecret|accessKey|credentials|^config$/i.test(
                  String(k),
                ),
              )
            )
              expect(e.secret, `${desc}: ${span} must use --secret`).toBe(true);
          // Applied to the bad config, the problem is gone (unless the value is a placeholder).
          if (edits.some((e) => typeof e.value === "string" && /^<.*>$/.test(e.value))) return;
          const stack: Record<string, unknown> = {
            [KEY]: structuredClone(config),
            ...provider,
          };
          for (const e of edits) apply(stack, e.path[0] === KEY ? e : e);
          const { [KEY]: after, ...afterProvider } = stack;
          const still = problemsOf(after, afterProvider as Record<string, string>).filter(
            (q) => q.path === p.path && q.message === p.message,
          );
          expect(still, `${desc}: after ${span}`).toEqual([]);
        });
      }
    }
    expect(commands).toBeGreaterThan(30);
  });

  it("no fix says to lower something below 0, and every fix is more than a word", () => {
    for (const { desc, problems } of cases)
      for (const p of problems) {
        expect(p.fix, desc).not.toMatch(/below 0\b/);
        expect(p.fix.length, desc).toBeGreaterThan(5);
      }
    const zero = problemsOf({
      cluster: { kind: "existing", context: "c" },
      tenants: [{ name: "t", owner: "o@example.com", quota: { memory: "0" } }],
    });
    expect(zero.map((p) => p.fix).join("\n")).toMatch(/leaves room for no pod/);
  });
});

describe("tenant-file fixes", () => {
  const base = { ...minimalConfig, tenantsDir: "tenants/dev" };
  const files =
    (text: string) =>
    (dir: string): TenantFile[] => [{ file: `${dir}/team-a.yaml`, text }];
  const problems = (raw: unknown, text: string) => {
    try {
      parsePlatformConfig(raw, files(text));
    } catch (e) {
      return (e as ConfigError).problems;
    }
    throw new Error("accepted");
  };

  it("say what to write in the file, never a pulumi config set of the tenant", () => {
    const found = problems(base, "name: team-a\nowner: nobody\nquota: { cpu: lots }\n");
    expect(found.map((p) => p.fix)).toEqual([
      'in tenants/dev/team-a.yaml, set owner: "alice@example.com"',
      'in tenants/dev/team-a.yaml, set quota.cpu: "16"',
    ]);
  });

  it("never suggest writing keys into a tenant file, and refuse keys written there", () => {
    const missing = problems(
      { ...base, objectStore: s3ObjectStore },
      "name: team-a\nowner: a@example.com\n",
    );
    const fix = missing.find(
      (p) => p.path === "tenants/dev/team-a.yaml: objectStoreCredentials",
    )!.fix;
    expect(fix).toMatch(/^tenant files hold no secrets/);
    expect(fix).not.toMatch(/in tenants\/dev\/team-a\.yaml, set/);
    for (const span of hintCommands(fix)) expect(span).toMatch(/^pulumi config set --secret /);
    const written = problems(
      { ...base, objectStore: s3ObjectStore },
      "name: team-a\nowner: a@example.com\nobjectStoreCredentials: { accessKeyId: AKIAX, secretAccessKey: s3cr3t }\n",
    );
    const plain = written.find((p) => /holds keys in plain text/.test(p.message))!;
    expect(plain.path).toBe("tenants/dev/team-a.yaml: objectStoreCredentials");
    expect(JSON.stringify(written)).not.toContain("s3cr3t");
  });
});
