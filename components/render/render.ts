// Render a stack for real: run the program under the mock runtime (what it registers), then build
// every kustomization with real kustomize and every chart with real helm, with the flags the
// pulumi-kubernetes provider uses, and apply the very transforms the program registered.
// Provider behaviour mirrored here (read in pulumi-kubernetes, provider/pkg/provider/{kustomize/v2,
// helm/v4,yaml/v2}): kustomize with LoadRestrictionsNone and helm enabled; `helm template` with the
// resource name as release name, CRDs included, hooks dropped; children named
// `<component>:<namespace>/<name>`; namespaced objects without a namespace get the component's
// namespace, else the provider's default ("default").
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parseAllDocuments, stringify } from "yaml";
import { K8sObject } from "../lib/k8s";
import { applyTransforms, ObjectTransform } from "../lib/transforms";
import { evaluatePlatform } from "../plan/evaluate";
import { Registration, urnFor } from "../plan/recorder";
import { HelmChartPin } from "../versions";
import { notes, UpstreamNote } from "../upstream/run";
import { RenderedObject } from "./objects";
import { apiVersionOfType, crdScopes, isNamespaced, typeToken } from "../lib/kinds";
import { SOURCES_ENV } from "../upstream/resolve";
import { renderTools } from "./tools";

export interface NotRendered {
  urn: string;
  what: string;
  reason: string;
}

export interface ChartValues {
  urn: string;
  pin: HelmChartPin;
  values: Record<string, unknown>;
}

export interface RenderResult {
  stack: string;
  registrations: Registration[];
  objects: RenderedObject[];
  /** Charts whose archive is not in the sources, kustomizations that would not build. */
  notRendered: NotRendered[];
  /** The values each chart is given, rendered or not (verify checks their keys). */
  chartValues: ChartValues[];
}

const UPSTREAM_TYPES =
  /^kubernetes:(helm\.sh\/v4:Chart|kustomize\/v2:Directory|yaml\/v2:Config(File|Group))$/;

/** Parse a multi-document YAML stream into objects, dropping empty documents. Pure. */
export function parseObjects(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => Boolean(o && o.kind && o.metadata));
}

/** `kubectl kustomize` as the provider runs kustomize. */
export function kustomizeBuild(dir: string): K8sObject[] {
  const { kubectl } = renderTools();
  const out = execFileSync(
    kubectl,
    ["kustomize", "--load-restrictor", "LoadRestrictionsNone", "--enable-helm", dir],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 512 * 1024 * 1024 },
  );
  return parseObjects(out);
}

/** `helm template` as the provider's Chart v4 runs it. */
export function helmTemplate(
  release: string,
  chart: string,
  namespace: string,
  values: Record<string, unknown>,
): K8sObject[] {
  const { helm } = renderTools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kfp-values-"));
  const valuesFile = path.join(dir, "values.yaml");
  fs.writeFileSync(valuesFile, stringify(values));
  try {
    const out = execFileSync(
      helm,
      [
        "template",
        release,
        chart,
        "--namespace",
        namespace,
        "--include-crds",
        "--no-hooks",
        "--skip-tests",
        "--values",
        valuesFile,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 512 * 1024 * 1024 },
    );
    return parseObjects(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function urnOf(resource: pulumi.Resource): Promise<string> {
  return new Promise((resolve) => resource.urn.apply((u) => resolve(u)));
}

/** The top-level component a URN lives under (its first component's name). Pure. */
export function topComponent(urn: string, byUrn: Map<string, Registration>): string {
  let r = byUrn.get(urn);
  while (r?.parent && byUrn.has(r.parent)) r = byUrn.get(r.parent);
  return r?.name ?? "stack";
}

/** The explicit dependencies of a registration and of every ancestor component. Pure. */
export function inheritedDeps(urn: string, byUrn: Map<string, Registration>): string[] {
  const deps = new Set<string>();
  for (let r = byUrn.get(urn); r; r = r.parent ? byUrn.get(r.parent) : undefined)
    for (const d of r.dependsOn) deps.add(d);
  return [...deps];
}

/** Our own objects: what the program registers directly, as the engine receives them. */
function ownObjects(
  regs: Registration[],
  byUrn: Map<string, Registration>,
  stack: ObjectTransform[],
): RenderedObject[] {
  const out: RenderedObject[] = [];
  for (const r of regs) {
    const kind = r.custom ? apiVersionOfType(r.type) : undefined;
    if (!kind) continue;
    const object = applyTransforms(
      structuredClone({ ...r.inputs, ...kind }) as unknown as K8sObject,
      stack,
    );
    out.push({
      object,
      urn: r.urn,
      component: topComponent(r.urn, byUrn),
      origin: "own",
      source: r.urn,
      dependsOn: inheritedDeps(r.urn, byUrn),
    });
  }
  return out;
}

/** The provider's normalization: a default namespace for namespaced kinds that have none. */
function normalizeNamespaces(objs: K8sObject[], namespace: string, scopes: Map<string, string>) {
  for (const o of objs) {
    if (o.metadata.namespace) continue;
    if (isNamespaced(o, scopes) === true) o.metadata.namespace = namespace;
  }
}

/** The API server drops a namespace on a cluster-scoped object (kustomize stamps some). */
function asStored(o: K8sObject, scopes: Map<string, string>): K8sObject {
  if (!o.metadata.namespace || isNamespaced(o, scopes) !== false) return o;
  const copy = structuredClone(o);
  delete copy.metadata.namespace;
  return copy;
}

/** Children of one chart or kustomization, named and ordered as the provider registers them. */
function children(
  note: UpstreamNote,
  reg: Registration,
  objs: K8sObject[],
  byUrn: Map<string, Registration>,
  stack: ObjectTransform[],
  scopes: Map<string, string>,
): RenderedObject[] {
  const namespace = String(reg.inputs.namespace || "default");
  normalizeNamespaces(objs, namespace, scopes);
  const transformed = objs.map((o) => applyTransforms(applyTransforms(o, note.transforms), stack));
  const component = topComponent(reg.urn, byUrn);
  const deps = inheritedDeps(reg.urn, byUrn);
  return transformed.map((object) => {
    const ns = object.metadata.namespace;
    const name = `${reg.name}:${ns ? `${ns}/` : ""}${object.metadata.name}`;
    return {
      object: asStored(object, scopes),
      urn: urnFor(reg.urn, typeToken(object.apiVersion, object.kind), name),
      component,
      origin: note.kind,
      source: reg.urn,
      dependsOn: [...deps],
    };
  });
}

function renderNote(note: UpstreamNote, reg: Registration): K8sObject[] | string {
  try {
    if (note.kind === "kustomize") return kustomizeBuild(String(reg.inputs.directory));
    const chart = String(reg.inputs.chart);
    if (!fs.existsSync(chart))
      return `chart ${note.pin!.chart} ${note.pin!.version} is not in the sources directory (set platform.sourcesDir or ${SOURCES_ENV} to a directory filled by npm run sources)`;
    return helmTemplate(
      String(reg.inputs.name || reg.name),
      chart,
      String(reg.inputs.namespace || "default"),
      (reg.inputs.values ?? {}) as Record<string, unknown>,
    );
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    return (e.stderr || e.message).trim().split("\n").slice(-3).join(" ");
  }
}

/**
 * Values a transform put in as Outputs (a role ARN on a ServiceAccount), resolved as the engine
 * resolves a transform's result before it registers the object.
 */
export async function resolveOutputs(value: unknown): Promise<unknown> {
  if (pulumi.Output.isInstance(value))
    return resolveOutputs(await new Promise((resolve) => value.apply(resolve)));
  if (Array.isArray(value)) return Promise.all(value.map(resolveOutputs));
  if (value && typeof value === "object")
    return Object.fromEntries(
      await Promise.all(
        Object.entries(value).map(async ([k, v]) => [k, await resolveOutputs(v)] as const),
      ),
    );
  return value;
}

function hasOutput(value: unknown): boolean {
  if (pulumi.Output.isInstance(value)) return true;
  return Boolean(value && typeof value === "object" && Object.values(value).some(hasOutput));
}

/** Render a stack's platform: our objects, every kustomization, and every chart we can. */
export async function renderPlatform(stack: string, rawConfig: unknown): Promise<RenderResult> {
  const registrations = await evaluatePlatform(stack, rawConfig);
  const { upstream, stack: stackTransforms } = notes();
  const byUrn = new Map(registrations.map((r) => [r.urn, r]));
  const objects = ownObjects(registrations, byUrn, stackTransforms);
  const notRendered: NotRendered[] = [];
  const chartValues: ChartValues[] = [];
  const built: { note: UpstreamNote; reg: Registration; objs: K8sObject[] }[] = [];
  for (const note of upstream) {
    const reg = byUrn.get(await urnOf(note.resource))!;
    if (note.kind === "chart")
      chartValues.push({
        urn: reg.urn,
        pin: note.pin!,
        values: (reg.inputs.values ?? {}) as Record<string, unknown>,
      });
    const result = renderNote(note, reg);
    if (typeof result === "string")
      notRendered.push({ urn: reg.urn, what: `${note.kind} ${reg.name}`, reason: result });
    else built.push({ note, reg, objs: result });
  }
  // A chart or kustomization registered around the builders is invisible to the render: say so.
  const noted = new Set(built.map((b) => b.reg.urn).concat(notRendered.map((n) => n.urn)));
  for (const r of registrations)
    if (UPSTREAM_TYPES.test(r.type) && !noted.has(r.urn))
      notRendered.push({
        urn: r.urn,
        what: `kustomize ${r.name}`,
        reason: `${r.type} registered without pinnedChart/upstreamKustomization: the render cannot see it`,
      });
  // Scopes come from every CRD in the render (a CR's CRD may live in another component).
  const scopes = crdScopes([...objects.map((o) => o.object), ...built.flatMap((b) => b.objs)]);
  for (const b of built)
    for (const child of children(b.note, b.reg, b.objs, byUrn, stackTransforms, scopes))
      objects.push(
        hasOutput(child.object)
          ? { ...child, object: (await resolveOutputs(child.object)) as K8sObject }
          : child,
      );
  return { stack, registrations, objects, notRendered, chartValues };
}
