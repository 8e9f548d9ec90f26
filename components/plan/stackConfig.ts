// Reads a stack file (stacks/Pulumi.<stack>.yaml) the way the plan needs it: the platform key,
// with encrypted values (which the plan cannot and must not decrypt) replaced by a placeholder.
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { SECRET_PLACEHOLDER } from "./recorder";

export function stackFile(stack: string, root = process.cwd()): string {
  return path.join(root, "stacks", `Pulumi.${stack}.yaml`);
}

function replaceSecure(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(replaceSecure);
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (Object.keys(obj).length === 1 && typeof obj.secure === "string") return SECRET_PLACEHOLDER;
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, replaceSecure(v)]));
  }
  return value;
}

/** The raw `kubeflow-platform:platform` value of a stack, or undefined when the stack sets none. */
export function readStackPlatformConfig(stack: string, root = process.cwd()): unknown {
  const file = stackFile(stack, root);
  if (!fs.existsSync(file))
    throw new Error(
      `no stack file ${path.relative(root, file)}; stacks: ${listStacks(root).join(", ")}`,
    );
  const doc = (parse(fs.readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
  return replaceSecure(doc.config?.["kubeflow-platform:platform"]);
}

/** A stack file's plain provider settings (aws:region, ...), as the engine gives them to the program. */
export function readStackProviderConfig(
  stack: string,
  root = process.cwd(),
): Record<string, string> {
  const file = stackFile(stack, root);
  if (!fs.existsSync(file)) return {};
  const doc = (parse(fs.readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
  return Object.fromEntries(
    Object.entries(doc.config ?? {}).filter(
      (e): e is [string, string] =>
        !e[0].startsWith("kubeflow-platform:") && typeof e[1] === "string",
    ),
  );
}

export function listStacks(root = process.cwd()): string[] {
  return fs
    .readdirSync(path.join(root, "stacks"))
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => Boolean(s))
    .sort();
}
