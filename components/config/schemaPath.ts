// Where a config path leads in a JSON Schema: the field's schema, choosing a union's branch by the
// `kind` the config gives. It walks any root it is handed (the loader hands it the platform's), so
// the error formatter needs no knowledge of the platform schema and imports none.

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
  root: JsonSchema,
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

/**
 * The branch of a union that `value` takes (by its `kind`, else the object branch), carrying the
 * union's own description, examples and default where the branch has none.
 */
export function pickBranch(node: JsonSchema, value: unknown): JsonSchema {
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
