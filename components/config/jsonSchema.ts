// The JSON Schema of the platform config, generated from the zod schema. It gives editors completion
// for stack files (docs/config.schema.json), feeds docs/configuration.md, and lets error messages
// look up an example value for the field being fixed.
import { z } from "zod";
import { PlatformSchema } from "./schema";

export type JsonSchema = {
  type?: string | string[];
  description?: string;
  default?: unknown;
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
};

let cached: JsonSchema | undefined;

/** The config's JSON Schema, as users write it (input side: defaulted fields are optional). */
export function platformJsonSchema(): JsonSchema {
  cached ??= z.toJSONSchema(PlatformSchema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
    override: keepInputExamples,
  }) as JsonSchema;
  return cached;
}

/**
 * zod leaves a field's examples out of the input-side schema when the field transforms its value
 * (a CPU quantity: number or string, normalised to a string); ours are input values, so keep them.
 */
function keepInputExamples(ctx: {
  zodSchema: z.core.$ZodTypes;
  jsonSchema: z.core.JSONSchema.BaseSchema;
}): void {
  const meta = z.globalRegistry.get(ctx.zodSchema) as { examples?: unknown[] } | undefined;
  if (meta?.examples && ctx.jsonSchema.examples === undefined)
    ctx.jsonSchema.examples = meta.examples;
}

/** Branches of a union, or the schema itself. */
export function branches(s: JsonSchema): JsonSchema[] {
  return s.oneOf ?? s.anyOf ?? [s];
}

/**
 * The schema of the field at `path`, choosing union branches by the `kind` found in `input`.
 * Returns undefined where the path leaves the schema (e.g. an unknown key).
 */
export function schemaAt(
  path: PropertyKey[],
  input: unknown,
  root = platformJsonSchema(),
): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  let value: unknown = input;
  for (const key of path) {
    if (!node) return undefined;
    node = pickBranch(node, value);
    if (typeof key === "number") {
      node = node.items;
    } else {
      node = node.properties?.[String(key)];
    }
    value =
      value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return node ? pickBranch(node, value) : undefined;
}

function pickBranch(node: JsonSchema, value: unknown): JsonSchema {
  const options = branches(node).filter((b) => b.type !== "null");
  const kind =
    value && typeof value === "object" ? (value as Record<string, unknown>).kind : undefined;
  const chosen =
    options.length === 1
      ? options[0]
      : (options.find((b) => b.properties?.kind?.const === kind) ??
        options.find((b) => b.type === "object" || b.properties) ??
        options[0]);
  // A union's description and examples sit on the union (e.g. a CPU quantity: number or string).
  if (chosen === node) return node;
  const inherited = Object.fromEntries(
    (["description", "examples", "default"] as const)
      .filter((k) => node[k] !== undefined && chosen[k] === undefined)
      .map((k) => [k, node[k]]),
  );
  return { ...inherited, ...chosen };
}
