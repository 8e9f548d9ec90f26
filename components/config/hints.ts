// Fix hints that work when pasted into a shell: `pulumi config set --path` commands with the key in
// Pulumi's property-path syntax (brackets for keys with dots or slashes), every word quoted for the
// shell, and `--type string` where Pulumi would otherwise store a number or a boolean.
//
// Pulumi's rules (docs for `pulumi config set`, CLI 3.x): with --path, "true" and "false" become
// booleans and integers become numbers, everything else a string; the value is never parsed as
// JSON, so a map or list is set one leaf per command; `--type string` keeps a value a string;
// `["a.b"]` names a key that holds a dot.
import type { ConfigPath } from "./issue";
export type { ConfigPath };

export const CONFIG_KEY = "kubeflow-platform:platform";

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The path as Pulumi's --path reads it: kubeflow-platform:platform.a.b["c.d"][0]. Pure. */
export function configPathText(path: ConfigPath, root = CONFIG_KEY): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`;
    return PLAIN_KEY.test(key) ? `${acc}.${key}` : `${acc}[${JSON.stringify(key)}]`;
  }, root);
}

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One shell word: bare when safe, else single-quoted (a ' inside as '\''). Pure. */
export function shellWord(text: string): string {
  return SHELL_SAFE.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

// Strings Pulumi's --path would store as a boolean or an integer.
const CONVERTED = /^(true|false|[-+]?[0-9]+)$/;

/** The leaves of a value: [relative path, scalar] for each scalar inside maps and lists. Pure. */
function leaves(value: unknown, at: (string | number)[] = []): [(string | number)[], unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...at, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  return [[at, value]];
}

export interface SetOptions {
  /** Store it encrypted (`--secret`). */
  secret?: boolean;
}

/** The `pulumi config set` commands that write `value` at `path`, one per leaf. Pure. */
export function setCommands(path: ConfigPath, value: unknown, opts: SetOptions = {}): string[] {
  return leaves(value).map(([rest, leaf]) => {
    const text = typeof leaf === "string" ? leaf : JSON.stringify(leaf);
    const flags = [
      ...(opts.secret ? ["--secret"] : []),
      ...(typeof leaf === "string" && CONVERTED.test(leaf) ? ["--type", "string"] : []),
      "--path",
      shellWord(configPathText([...path, ...rest])),
    ];
    // A value that starts with "-" would read as a flag; "--" ends the flags.
    return [
      "pulumi",
      "config",
      "set",
      ...flags,
      ...(text.startsWith("-") ? ["--"] : []),
      shellWord(text),
    ].join(" ");
  });
}

/** The commands as one pasteable line in backticks. Pure. */
export function setHint(path: ConfigPath, value: unknown, opts: SetOptions = {}): string {
  return `\`${setCommands(path, value, opts).join(" && ")}\``;
}

/** Several fields' commands as one pasteable line in backticks. Pure. */
export function setHints(edits: [ConfigPath, unknown, SetOptions?][]): string {
  return `\`${edits.flatMap(([p, v, o]) => setCommands(p, v, o)).join(" && ")}\``;
}

/** The command that removes the key at `path`, in backticks. Pure. */
export function removeHint(path: ConfigPath): string {
  return `\`pulumi config rm --path ${shellWord(configPathText(path))}\``;
}

/** The pasteable commands of a hint: its backticked `pulumi ...` spans. Pure. */
export function hintCommands(fix: string): string[] {
  return [...fix.matchAll(/`(pulumi [^`]+)`/g)].map((m) => m[1]);
}
