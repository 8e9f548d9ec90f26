// Turns zod issues into problems a platform engineer can act on: the path, the bad value and the fix.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { schemaAt } from "./jsonSchema";

export interface ConfigProblem {
  /** Dotted path from the config key, e.g. platform.tenants[0].name */
  path: string;
  message: string;
  /** The value found, JSON-encoded, or "(missing)"; secrets are never echoed. */
  value: string;
  fix: string;
}

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

const CONFIG_KEY = "kubeflow-platform:platform";
const SECRET_KEY = /password|secret|accesskey|credentials|^config$/i;

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

function exampleFor(path: PropertyKey[], input: unknown): string {
  const s = schemaAt(path, input);
  const example = s?.examples?.[0] ?? (s?.enum ? s.enum[0] : undefined) ?? s?.default;
  if (example === undefined) return "<value>";
  return typeof example === "string" ? example : JSON.stringify(example);
}

function setCommand(path: PropertyKey[], input: unknown): string {
  const secret = isSecretPath(path) ? "--secret " : "";
  return `pulumi config set ${secret}--path '${pathText(path, CONFIG_KEY)}' ${exampleFor(path, input)}`;
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

function didYouMean(key: string, parentPath: PropertyKey[], input: unknown): string {
  const known = Object.keys(schemaAt(parentPath, input)?.properties ?? {});
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

/** One problem per issue (and per unknown key), in the order zod found them. */
export function problemsFromIssues(issues: z.core.$ZodIssue[], input: unknown): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push({
          path: pathText(path),
          message: "unknown key",
          value: show(valueAt(input, path), path),
          fix: didYouMean(key, issue.path, input),
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
      out.push(...problemsFromIssues(issue.errors[0], input));
      continue;
    }
    const value = valueAt(input, issue.path);
    const fixParam = (issue as { params?: { fix?: string } }).params?.fix;
    const missing = value === undefined && issue.code === "invalid_type";
    out.push({
      path: pathText(issue.path),
      message: missing ? "required" : issue.message,
      value: show(value, issue.path),
      fix:
        fixParam ??
        (missing
          ? setCommand(issue.path, input)
          : `set a valid value, e.g. ${setCommand(issue.path, input)}`),
    });
  }
  return out;
}
