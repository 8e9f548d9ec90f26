// Turns zod issues into problems a platform engineer can act on: the path, the bad value and the fix.
// The JSON Schema it reads examples and known keys from is handed in (the loader passes the
// platform's), so this formatter knows no concrete schema and imports none.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { setHints } from "./hints";
import { ConfigPath, Edit } from "./issue";
import { JsonSchema, schemaAt } from "./schemaPath";

export interface ConfigProblem {
  /** Dotted path from the config key, e.g. platform.tenants[0].name */
  path: string;
  message: string;
  /** The value found, JSON-encoded, or "(missing)"; secrets are never echoed. */
  value: string;
  fix: string;
  /** The fields the fix sets, from the config's root (so a tenant file's fix can say what to write). */
  edits?: ResolvedEdit[];
}

export type ResolvedEdit = Required<Pick<Edit, "path" | "value">> & { secret: boolean };

/** Bad config. A RunError so Pulumi prints the message without a stack trace and exits non-zero. */
export class ConfigError extends pulumi.RunError {
  constructor(
    readonly problems: ConfigProblem[],
    source = "kubeflow-platform:platform",
  ) {
    super(
      `${source} has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was deployed:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

export function formatProblem(p: ConfigProblem): string {
  return `${p.path}: ${p.message} (got ${p.value}). Fix: ${p.fix}`;
}

// Keys whose values are secrets (a Secret's *name*, secretName or pullSecret, is not one).
const SECRET_KEY = /password|secretAccessKey|clientSecret|accessKey|credentials|^config$/i;

export function pathText(path: PropertyKey[], root = "platform"): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    root,
  );
}

function isSecretPath(path: PropertyKey[]): boolean {
  return path.some((k) => typeof k === "string" && SECRET_KEY.test(k));
}

function show(value: unknown, path: PropertyKey[]): string {
  if (value === undefined) return "(missing)";
  if (isSecretPath(path)) return "[redacted]";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function exampleFor(path: PropertyKey[], input: unknown, schema: JsonSchema): unknown {
  const s = schemaAt(path, input, schema);
  const example = s?.examples?.[0] ?? (s?.enum ? s.enum[0] : undefined) ?? s?.const ?? s?.default;
  if (example !== undefined) return example;
  // An item of a list whose examples are whole lists: that list's item.
  const last = path[path.length - 1];
  if (typeof last === "number") {
    const list = schemaAt(path.slice(0, -1), input, schema)?.examples?.[0];
    if (Array.isArray(list) && list.length) return list[Math.min(last, list.length - 1)];
  }
  return undefined;
}

/** The fix of a field zod refused: its example set by command, or how to write a list or map. */
function defaultFix(path: PropertyKey[], input: unknown, missing: boolean, schema: JsonSchema) {
  const example = exampleFor(path, input, schema);
  if (example !== undefined)
    return { prose: missing ? undefined : "for example", edits: [{ value: example }] };
  const type = schemaAt(path, input, schema)?.type;
  if (type === "array" || type === "object")
    return {
      prose: `write it as a ${type === "array" ? "list" : "map"} in the stack file (see docs/configuration.md)`,
      edits: [],
    };
  return { prose: missing ? "set it" : "for example", edits: [{ value: "<value>" }] };
}

/** The edits of an issue's fix, made absolute; secrets wherever the path names one. */
function resolveEdits(edits: Edit[], issuePath: ConfigPath): ResolvedEdit[] {
  return edits.map((e) => {
    const path = e.path ?? issuePath;
    return { path, value: e.value, secret: e.secret ?? isSecretPath([...path]) };
  });
}

/** The fix text: the prose, then the pasteable commands of its edits. */
export function fixText(prose: string | undefined, edits: ResolvedEdit[]): string {
  if (!edits.length) return prose ?? "";
  const commands = setHints(edits.map((e) => [e.path, e.value, { secret: e.secret }]));
  return prose ? `${prose}: ${commands}` : commands;
}

/** Levenshtein distance, for "did you mean" on unknown keys. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length][b.length];
}

function didYouMean(
  key: string,
  parentPath: PropertyKey[],
  input: unknown,
  schema: JsonSchema,
): string {
  const known = Object.keys(schemaAt(parentPath, input, schema)?.properties ?? {});
  const best = known
    .map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) }))
    .sort((x, y) => x.d - y.d)[0];
  const hint =
    best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? `; did you mean "${best.k}"?` : "";
  return `remove it${hint}${known.length ? ` Known keys here: ${known.join(", ")}` : ""}`;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    input,
  );
}

/**
 * One problem per issue (and per unknown key), in the order zod found them. `schema` is the JSON
 * Schema of `input` (examples for fixes, known keys for typos).
 */
export function problemsFromIssues(
  issues: z.core.$ZodIssue[],
  input: unknown,
  schema: JsonSchema,
): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push({
          path: pathText(path),
          message: "unknown key",
          value: show(valueAt(input, path), path),
          fix: didYouMean(key, issue.path, input, schema),
        });
      }
      continue;
    }
    if (
      issue.code === "invalid_union" &&
      issue.errors.length > 0 &&
      issue.errors.every((e) => e.length > 0)
    ) {
      // zod explains a failed union per branch; report the first branch's reasons.
      out.push(...problemsFromIssues(issue.errors[0], input, schema));
      continue;
    }
    const value = valueAt(input, issue.path);
    const params = (issue as { params?: { fix?: string; edits?: Edit[] } }).params;
    const missing = value === undefined && issue.code === "invalid_type";
    const path = issue.path as (string | number)[];
    // A number or boolean where a string belongs: the same value, kept a string.
    const asString =
      issue.code === "invalid_type" &&
      issue.expected === "string" &&
      (typeof value === "number" || typeof value === "boolean")
        ? {
            prose: "quote it, so it stays a string",
            edits: [{ value: isSecretPath(issue.path) ? "<secret>" : String(value) }],
          }
        : undefined;
    const fallback =
      params?.fix === undefined
        ? (asString ?? defaultFix(issue.path, input, missing, schema))
        : undefined;
    const edits = resolveEdits(params?.edits ?? fallback?.edits ?? [], path);
    out.push({
      path: pathText(issue.path),
      message: missing ? "required" : issue.message,
      value: show(value, issue.path),
      fix: fixText(params?.fix ?? fallback?.prose, edits),
      ...(edits.length ? { edits } : {}),
    });
  }
  return out;
}
