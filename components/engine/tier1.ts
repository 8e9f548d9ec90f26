// Tier 1 of the engine: the real Pulumi CLI and the real Kubernetes provider plugin, with no cluster.
// One stack runs under the Automation API (a LocalWorkspace whose inline program imports the
// project's index.ts) with a local file backend, and every Kubernetes provider renders to a
// directory (`renderYamlToDirectory`) instead of applying: `pulumi up` writes each object the
// provider would send as YAML (<out>/0-crd, <out>/1-manifest) and contacts no cluster, provided no
// kubeconfig can be found (KUBECONFIG unset, HOME without .kube). See
// shared/research/real-engine.md §1 for the provider behaviour this relies on.
//
// The test-mode hook is a stack transform registered by this harness before the program runs, so
// the program itself is unchanged (its plans stay identical):
//   - every `pulumi:providers:kubernetes` loses kubeconfig, context and cluster (the provider
//     rejects them beside renderYamlToDirectory) and gains renderYamlToDirectory;
//   - every `helm.sh/v4:Chart` whose archive is not in the sources (the same test `npm run render`
//     makes: the chart argument is not a local path) points at an empty local chart instead, so it
//     renders no object and fetches nothing, and is reported as not rendered. The Chart itself is
//     still registered, so what depends on it keeps its order. A local chart path is made absolute
//     (the provider runs in the workspace folder, not the project).
//   - Where such a chart would install CRDs that kustomizations elsewhere use (Istio's base chart,
//     cert-manager), its stand-in chart carries scope-only stub CRDs, annotated as such: provider
//     4.25.0 fails a Directory with a custom resource whose scope it cannot resolve offline (4.32.0
//     leaves it unnamespaced, as `npm run render` does). The stubs are written to <out>/0-crd like
//     any CRD; countRendered leaves them out.
// One stack per Node process: the program keeps module-level state (the sources in force).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, PulumiCommand, Stack, UpResult } from "@pulumi/pulumi/automation";
import { awaitStackRegistrations } from "@pulumi/pulumi/runtime/settings";
import { parse, stringify } from "yaml";
import { ROOT_ENV } from "./toolchain";
import { SOURCES_ENV } from "../upstream/resolve";

export const PROVIDER_TYPE = "pulumi:providers:kubernetes";
export const CHART_TYPE = "kubernetes:helm.sh/v4:Chart";
/** A test value: tier 1's state lives in a temporary folder and holds nothing real. */
export const TEST_PASSPHRASE = "kubeflow-platform-engine-tier1";
export const PROJECT = "kubeflow-platform";

export interface NotRenderedChart {
  name: string;
  reason: string;
}

/** Provider inputs for render mode: no cluster identity, a directory instead. Pure. */
export function renderModeProviderProps(props: Record<string, unknown>, out: string) {
  const rest = { ...props };
  for (const k of ["kubeconfig", "context", "cluster"]) delete rest[k];
  return { ...rest, renderYamlToDirectory: out };
}

/** The same words `npm run render` uses for a chart it cannot render. Pure. */
export function chartNotInSources(chart: string, version: unknown): string {
  return `chart ${chart} ${version ?? ""} is not in the sources directory (set platform.sourcesDir or ${SOURCES_ENV} to a directory filled by npm run sources)`;
}

/**
 * A Chart's inputs in tier 1: a local chart made absolute, else the empty chart (with the reason it
 * is not rendered). `exists` says whether a path exists. Pure given `exists`.
 */
export function tier1ChartProps(
  props: Record<string, unknown>,
  projectRoot: string,
  emptyChartFor: (chart: string) => string,
  exists: (p: string) => boolean,
): { props: Record<string, unknown>; notRendered?: string } {
  const chart = String(props.chart ?? "");
  const local = chart.startsWith(".") || path.isAbsolute(chart);
  if (local && exists(path.resolve(projectRoot, chart)))
    return { props: { ...props, chart: path.resolve(projectRoot, chart) } };
  const rest = { ...props };
  delete rest.version;
  delete rest.repositoryOpts;
  return {
    props: { ...rest, chart: emptyChartFor(chart) },
    notRendered: chartNotInSources(chart, props.version),
  };
}

/** The annotation on every stub CRD (so nobody takes it for the chart's own). */
export const STUB_ANNOTATION = "kubeflow-platform.dev/engine-tier1-stub";

type Scope = "Namespaced" | "Cluster";
/** The custom resource kinds a chart installs CRDs for, by chart name (scope only). */
export const CHART_CRD_KINDS: Readonly<Record<string, [group: string, kind: string, Scope][]>> = {
  base: [
    ...(
      [
        "DestinationRule",
        "EnvoyFilter",
        "Gateway",
        "ProxyConfig",
        "ServiceEntry",
        "Sidecar",
        "VirtualService",
        "WorkloadEntry",
        "WorkloadGroup",
      ] as const
    ).map((k): [string, string, Scope] => ["networking.istio.io", k, "Namespaced"]),
    ...(["AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication"] as const).map(
      (k): [string, string, Scope] => ["security.istio.io", k, "Namespaced"],
    ),
    ["telemetry.istio.io", "Telemetry", "Namespaced"],
    ["extensions.istio.io", "WasmPlugin", "Namespaced"],
  ],
  "cert-manager": [
    ["cert-manager.io", "Certificate", "Namespaced"],
    ["cert-manager.io", "CertificateRequest", "Namespaced"],
    ["cert-manager.io", "Issuer", "Namespaced"],
    ["cert-manager.io", "ClusterIssuer", "Cluster"],
    ["acme.cert-manager.io", "Order", "Namespaced"],
    ["acme.cert-manager.io", "Challenge", "Namespaced"],
  ],
};

/** A kind's plural as CRDs spell it (Policy → policies, Gateway → gateways). Pure. */
export function pluralOf(kind: string): string {
  const k = kind.toLowerCase();
  return /[^aeiou]y$/.test(k) ? `${k.slice(0, -1)}ies` : `${k}s`;
}

/** A CRD that says only a kind's scope (any schema is accepted). Pure. */
export function stubCrd(group: string, kind: string, scope: Scope): Record<string, unknown> {
  const plural = pluralOf(kind);
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: {
      name: `${plural}.${group}`,
      annotations: {
        [STUB_ANNOTATION]: "scope only; the chart that installs this CRD is not in the sources",
      },
    },
    spec: {
      group,
      scope,
      names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
          },
        },
      ],
    },
  };
}

/** A chart with no templates: what a Chart without its archive renders in tier 1. */
export function writeEmptyChart(dir: string, stubs: [string, string, Scope][] = []): string {
  fs.mkdirSync(dir, { recursive: true });
  if (stubs.length) {
    fs.mkdirSync(path.join(dir, "crds"), { recursive: true });
    fs.writeFileSync(
      path.join(dir, "crds", "stubs.yaml"),
      stubs.map(([g, k, s]) => stringify(stubCrd(g, k, s))).join("---\n"),
    );
  }
  fs.writeFileSync(
    path.join(dir, "Chart.yaml"),
    stringify({
      apiVersion: "v2",
      name: "not-rendered",
      version: "0.0.0",
      description: "Stands in for a chart whose archive is not in the sources (engine tier 1).",
    }),
  );
  return dir;
}

/** The stack transform of tier 1 (see the header). */
export function tier1Transform(
  out: string,
  projectRoot: string,
  emptyChartFor: (chart: string) => string,
  notRendered: NotRenderedChart[],
): pulumi.ResourceTransform {
  return (args) => {
    if (args.type === PROVIDER_TYPE)
      return { props: renderModeProviderProps(args.props, out), opts: args.opts };
    // The Chart is seen twice: as the program registers it, and as the provider's Construct
    // registers the component again (with no chart argument): only the first is the program's.
    if (args.type === CHART_TYPE && typeof args.props.chart === "string" && args.props.chart) {
      const r = tier1ChartProps(args.props, projectRoot, emptyChartFor, fs.existsSync);
      if (r.notRendered) notRendered.push({ name: args.name, reason: r.notRendered });
      return { props: r.props, opts: args.opts };
    }
    return undefined;
  };
}

export interface Tier1Dirs {
  /** Where the provider writes the objects. */
  out: string;
  /** A scratch folder: HOME, the workspace, the state, the kustomize work folder. */
  scratch: string;
}

/**
 * The environment of the engine and of this process (the program reads it too): the tool cache
 * first on PATH, a HOME without .kube, no KUBECONFIG, a local backend, a test passphrase, no
 * plugin downloads. Pure.
 */
export function tier1Env(
  base: NodeJS.ProcessEnv,
  bin: string,
  dirs: Tier1Dirs,
  projectRoot: string,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const k of Object.keys(env))
    if (k === "KUBECONFIG" || k.startsWith("PULUMI_") || k.startsWith("KUBERNETES_")) delete env[k];
  return {
    ...env,
    PATH: [bin, base.PATH ?? ""].join(path.delimiter),
    HOME: path.join(dirs.scratch, "home"),
    PULUMI_HOME: path.join(dirs.scratch, "home", ".pulumi"),
    PULUMI_BACKEND_URL: `file://${path.join(dirs.scratch, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: TEST_PASSPHRASE,
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    [ROOT_ENV]: projectRoot,
    // Absolute, so the provider (running in the workspace folder) finds the kustomize overlays.
    KUBEFLOW_PLATFORM_WORK_DIR: path.join(dirs.scratch, "kustomize"),
  };
}

/** The stack's settings file for the workspace; refuses values encrypted for a real stack. Pure. */
export function workspaceStackFile(text: string, file: string): string {
  if (/^\s*secure:/m.test(text))
    throw new Error(
      `${file} holds secure values, encrypted with that stack's own secrets provider; tier 1 cannot read them. Fix: run tier 1 on a stack without secrets, or give the value in plain text in a test copy`,
    );
  return text;
}

/** What each `up` reports, counted by operation. Pure. */
export function changeCounts(summary: UpResult["summary"]): Record<string, number> {
  return Object.fromEntries(
    Object.entries(summary.resourceChanges ?? {}).filter(([, n]) => (n ?? 0) > 0),
  ) as Record<string, number>;
}

/**
 * Every changing operation in a summary: anything but "same" and "read" (the program reads its own
 * stack's previous outputs through a StackReference on every run after the first). Pure.
 */
export function changedOps(counts: Record<string, number>): string[] {
  return Object.keys(counts).filter((op) => op !== "same" && op !== "read");
}

/** The files the provider wrote, by folder. */
export function countRendered(out: string): { crds: number; manifests: number; stubs: number } {
  const files = (d: string) =>
    fs.existsSync(path.join(out, d))
      ? fs.readdirSync(path.join(out, d)).map((f) => fs.readFileSync(path.join(out, d, f), "utf8"))
      : [];
  const crds = files("0-crd");
  const stubs = crds.filter((t) => t.includes(STUB_ANNOTATION)).length;
  return { crds: crds.length - stubs, manifests: files("1-manifest").length, stubs };
}

export interface Tier1Options {
  stack: string;
  projectRoot: string;
  /** The tool cache's bin (pulumi, pulumi-resource-kubernetes, pulumi-resource-random). */
  bin: string;
  dirs: Tier1Dirs;
  /** Engine diagnostics and progress go here. */
  log: string;
}

export interface Tier1UpResult {
  seconds: number;
  changes: Record<string, number>;
  notRendered: NotRenderedChart[];
  /** Warnings and errors the engine and the plugins reported (deduplicated). */
  diagnostics: string[];
}

/** Set up the workspace and stack (idempotent: a second run selects the same stack). */
async function workspaceStack(opts: Tier1Options, program: () => Promise<unknown>): Promise<Stack> {
  const work = path.join(opts.dirs.scratch, "workspace");
  fs.mkdirSync(work, { recursive: true });
  const stackFile = path.join(opts.projectRoot, "stacks", `Pulumi.${opts.stack}.yaml`);
  if (!fs.existsSync(stackFile))
    throw new Error(`no stack file ${stackFile}. Fix: name a stack in stacks/ (ls stacks)`);
  const target = path.join(work, `Pulumi.${opts.stack}.yaml`);
  if (!fs.existsSync(target))
    fs.writeFileSync(target, workspaceStackFile(fs.readFileSync(stackFile, "utf8"), stackFile));
  const project = parse(fs.readFileSync(path.join(opts.projectRoot, "Pulumi.yaml"), "utf8")) as {
    name: string;
    description?: string;
  };
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(opts.bin) });
  const ws = await LocalWorkspace.create({
    workDir: work,
    program: program as () => Promise<Record<string, unknown>>,
    pulumiCommand,
    envVars: Object.fromEntries(
      Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined),
    ),
    projectSettings: {
      name: project.name,
      description: project.description,
      runtime: "nodejs",
      backend: { url: process.env.PULUMI_BACKEND_URL! },
    },
  });
  return Stack.createOrSelect(opts.stack, ws);
}

/**
 * One `pulumi up` of the stack in render mode. Sets this process's environment (the program reads
 * it too), so run one stack per process.
 */
export async function tier1Up(opts: Tier1Options): Promise<Tier1UpResult> {
  const env = tier1Env(process.env, opts.bin, opts.dirs, opts.projectRoot);
  for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
  Object.assign(process.env, env);
  for (const d of ["home", "state", "kustomize"])
    fs.mkdirSync(path.join(opts.dirs.scratch, d), { recursive: true });
  fs.mkdirSync(opts.dirs.out, { recursive: true });
  // One stand-in chart per chart name: the plain empty one, or one with that chart's stub CRDs.
  const emptyChartFor = (chart: string) => {
    const stubs = CHART_CRD_KINDS[chart.split("/").pop()!];
    const dir = path.join(opts.dirs.scratch, "empty-charts", stubs ? chart.split("/").pop()! : "-");
    return fs.existsSync(dir) ? dir : writeEmptyChart(dir, stubs);
  };
  const notRendered: NotRenderedChart[] = [];
  const program = async () => {
    notRendered.length = 0;
    pulumi.runtime.registerResourceTransform(
      tier1Transform(opts.dirs.out, opts.projectRoot, emptyChartFor, notRendered),
    );
    // The registration is asynchronous and resources do not wait for it: wait here, or the first
    // provider could be registered untransformed.
    await awaitStackRegistrations();
    // index.ts is `export = async () => ...`; loaded here, inside the engine's run.
    const mod = (await import(path.join(opts.projectRoot, "index.ts"))) as {
      default?: () => Promise<Record<string, unknown>>;
    };
    const main = (mod.default ?? mod) as unknown as () => Promise<Record<string, unknown>>;
    return main();
  };
  const stack = await workspaceStack(opts, program);
  const diagnostics = new Set<string>();
  const start = process.hrtime.bigint();
  const result = await stack.up({
    color: "never",
    onOutput: (s) => fs.appendFileSync(opts.log, s),
    onEvent: (e) => {
      const d = e.diagnosticEvent;
      if (d && (d.severity === "warning" || d.severity === "error"))
        diagnostics.add(`${d.severity}: ${d.message.trim()}`);
    },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    seconds,
    changes: changeCounts(result.summary),
    notRendered: [...notRendered],
    diagnostics: [...diagnostics],
  };
}

/** A scratch folder for one tier-1 run. */
export function tier1Scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "kfp-engine-tier1-"));
}
