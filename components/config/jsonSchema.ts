// The JSON Schema of the platform config, generated from the zod schema. It gives editors completion
// for stack files (docs/config.schema.json), feeds docs/configuration.md, and is the root the loader
// hands the error formatter to look up an example value for the field being fixed.
import { z } from "zod";
import { PlatformSchema, TenantSchema } from "./schema";
import type { JsonSchema } from "./schemaPath";

let cached: JsonSchema | undefined;

/** The config's JSON Schema, as users write it (input side: defaulted fields are optional). */
export function platformJsonSchema(): JsonSchema {
  cached ??= z.toJSONSchema(PlatformSchema, OPTIONS) as JsonSchema;
  return cached;
}

const OPTIONS = {
  io: "input",
  unrepresentable: "any",
  target: "draft-2020-12",
  override: keepInputExamples,
} as const;

/** Any value `pulumi config set --secret` wrote: an object with the ciphertext. */
const SECURE: JsonSchema = {
  type: "object",
  description: "A value encrypted with pulumi config set --secret.",
  properties: { secure: { type: "string" } },
  required: ["secure"],
  additionalProperties: false,
};

/** The schema with every scalar also allowed as a secure value (any value can be set --secret). */
function allowSecure(node: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...node };
  if (node.properties)
    out.properties = Object.fromEntries(
      Object.entries(node.properties).map(([k, v]) => [k, allowSecure(v)]),
    );
  if (node.items) out.items = allowSecure(node.items);
  if (node.anyOf) out.anyOf = node.anyOf.map(allowSecure);
  if (node.oneOf) out.oneOf = node.oneOf.map(allowSecure);
  if (node.additionalProperties && typeof node.additionalProperties === "object")
    out.additionalProperties = allowSecure(node.additionalProperties);
  const scalar = ["string", "number", "integer", "boolean"].includes(String(node.type));
  if (!scalar) return out;
  const { description, default: dflt, examples, ...rest } = out;
  return { description, default: dflt, examples, anyOf: [rest, SECURE] };
}

/**
 * A whole stack file, stacks/Pulumi.<stack>.yaml: the platform value under config, secure values
 * anywhere in it, and other namespaces' keys (aws:region, gcp:project, ...) as Pulumi takes them.
 */
export function stackFileJsonSchema(): JsonSchema {
  const { $schema, ...platform } = platformJsonSchema();
  return {
    $schema,
    title: "kubeflow-platform stack file (stacks/Pulumi.<stack>.yaml)",
    type: "object",
    properties: {
      config: {
        type: "object",
        description: "The stack's config: kubeflow-platform:platform and provider settings.",
        properties: { "kubeflow-platform:platform": allowSecure(platform) },
        propertyNames: {
          pattern: "^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$",
          description: "<namespace>:<key>, e.g. aws:region",
        },
      },
      secretsprovider: { type: "string" },
      encryptedkey: { type: "string" },
      encryptionsalt: { type: "string" },
      environment: { description: "Pulumi ESC environments the stack imports." },
    },
    additionalProperties: false,
  };
}

let tenantCached: JsonSchema | undefined;

/**
 * A tenant file, stacks/tenants/<env>/<tenant>.yaml: one tenant as in platform.tenants[], without
 * objectStoreCredentials (keys never go in a tenant file; the program refuses them there).
 */
export function tenantFileJsonSchema(): JsonSchema {
  if (!tenantCached) {
    const schema = z.toJSONSchema(TenantSchema, OPTIONS) as JsonSchema;
    const { objectStoreCredentials: _keys, ...properties } = schema.properties ?? {};
    void _keys;
    tenantCached = {
      ...schema,
      title: "kubeflow-platform tenant file (stacks/tenants/<env>/<tenant>.yaml)",
      properties,
    };
  }
  return tenantCached;
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
