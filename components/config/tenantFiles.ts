// Tenants from a folder of files, one per tenant, so a team adds itself with a one-file pull request.
// Each file is read here, its tenant appended to the inline ones and checked with the same rules;
// a problem in a file names the file, and its fix says what to write there.
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { ConfigProblem, pathText } from "./errors";
import { setHints } from "./hints";

export interface TenantFile {
  /** Path as the user wrote it (tenantsDir/<file>). */
  file: string;
  /** Its text; undefined for a file that is not a tenant file (reported, never ignored). */
  text?: string;
}

const TENANT_FILE = /\.ya?ml$/i;
// Files a tenants folder may hold besides tenant files: notes for humans and hidden files.
const NOT_TENANTS = /^\.|\.md$/i;

/** The files of a tenants folder, sorted; undefined if the folder does not exist. */
export function readTenantFiles(dir: string): TenantFile[] | undefined {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return undefined;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => !NOT_TENANTS.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((f) => ({
      file: path.posix.join(dir, f),
      text: TENANT_FILE.test(f) ? fs.readFileSync(path.join(dir, f), "utf8") : undefined,
    }));
}

/** A tenants folder must be inside the project: relative, and not above it. Pure. */
export function tenantsDirProblem(dir: string): ConfigProblem | undefined {
  if (!path.isAbsolute(dir) && !path.posix.normalize(dir).startsWith("..")) return undefined;
  return {
    path: "platform.tenantsDir",
    message: "must be a folder inside the project (a relative path that stays below it)",
    value: JSON.stringify(dir),
    fix: "move the tenant files under the project, e.g. stacks/tenants/<env>, and set that path",
  };
}

/** Config with the tenant files' tenants appended, and where each appended tenant came from. */
export function withTenantFiles(
  raw: unknown,
  read: (dir: string) => TenantFile[] | undefined,
): { raw: unknown; files: string[]; firstFileIndex: number; problems: ConfigProblem[] } {
  const obj = (raw ?? {}) as Record<string, unknown>;
  const dir = obj.tenantsDir;
  const inline = obj.tenants;
  if (typeof dir !== "string" || (inline !== undefined && !Array.isArray(inline)))
    return { raw, files: [], firstFileIndex: 0, problems: [] };
  const outside = tenantsDirProblem(dir);
  if (outside) return { raw, files: [], firstFileIndex: 0, problems: [outside] };
  const found = read(dir);
  if (!found)
    return {
      raw,
      files: [],
      firstFileIndex: 0,
      problems: [
        {
          path: "platform.tenantsDir",
          message: "folder not found (relative to the project directory)",
          value: JSON.stringify(dir),
          fix: "create it with one <tenant>.yaml per tenant, or fix the path",
        },
      ],
    };
  const before = (inline as unknown[] | undefined) ?? [];
  const problems: ConfigProblem[] = [];
  const tenants: unknown[] = [];
  const files: string[] = [];
  for (const f of found) {
    if (f.text === undefined) {
      problems.push({
        path: f.file,
        message: "is not a tenant file: only <tenant>.yaml files are read",
        value: JSON.stringify(path.basename(f.file)),
        fix: "rename it to <tenant>.yaml (YAML; JSON is valid YAML), or move it out of the folder",
      });
      continue;
    }
    let value: unknown;
    try {
      value = parse(f.text);
    } catch (err) {
      problems.push({
        path: f.file,
        message: `is not valid YAML (${(err as Error).message.split("\n")[0]})`,
        value: "[unparsable]",
        fix: "check the file's indentation",
      });
      continue;
    }
    const expected = path.basename(f.file).replace(TENANT_FILE, "");
    const name = (value as { name?: unknown } | null)?.name;
    if (typeof name === "string" && name !== expected)
      problems.push({
        path: `${f.file}: name`,
        message: `must match the file name (${expected})`,
        value: JSON.stringify(name),
        fix: `rename the file to ${name}.yaml or set name: ${expected}`,
      });
    if (value && typeof value === "object" && "objectStoreCredentials" in value)
      problems.push({
        path: `${f.file}: objectStoreCredentials`,
        message: "holds keys in plain text in a file anyone who reads the repository can read",
        value: "[redacted]",
        fix: secretsOutOfTenantFile(f.file, before.length),
      });
    tenants.push(value);
    files.push(f.file);
  }
  return {
    raw: { ...obj, tenants: [...before, ...tenants] },
    files,
    firstFileIndex: before.length,
    problems,
  };
}

/**
 * A tenant file's problem says what to write in the file, not a `pulumi config set` (which writes
 * the stack). Keys are secrets, and a tenant file is plain text in the repository: they go in the
 * platform stack, encrypted, with the tenant defined there (after the inline tenants). Pure.
 */
export function tenantFileFix(
  p: ConfigProblem,
  file: string,
  tenantIndex: number,
  inlineTenants: number,
): string {
  const own = (p.edits ?? []).filter((e) => e.path[0] === "tenants" && e.path[1] === tenantIndex);
  if (!own.length) return p.fix;
  if (own.some((e) => e.secret)) return secretsOutOfTenantFile(file, inlineTenants);
  const prose = p.fix.replace(/:? ?`pulumi [^`]*`/g, "").replace(/^for example$/, "");
  const writes = own.map(
    (e) => `${pathText(e.path.slice(2), "").slice(1)}: ${JSON.stringify(e.value)}`,
  );
  return `${prose ? `${prose}: ` : ""}in ${file}, set ${writes.join(" and ")}`;
}

function secretsOutOfTenantFile(file: string, inlineTenants: number): string {
  const at = ["tenants", inlineTenants, "objectStoreCredentials"];
  return `tenant files hold no secrets: remove the keys from ${file} (and the file), define the tenant in the platform stack's tenants[] instead and set its keys encrypted there: ${setHints(
    [
      [[...at, "accessKeyId"], "<access-key-id>", { secret: true }],
      [[...at, "secretAccessKey"], "<secret-access-key>", { secret: true }],
    ],
  )}`;
}
