// A CRD's openAPIV3Schema as a JSON Schema that validates like the API server's structural schema:
// unknown fields are errors (the server would prune them, silently dropping a setting) unless
// x-kubernetes-preserve-unknown-fields; int-or-string, nullable and embedded resources as defined
// by apiextensions. Formats and CEL rules (x-kubernetes-validations) are not checked. Hand-written:
// no library converts Kubernetes' structural schemas for ajv.
import Ajv, { ValidateFunction } from "ajv";

type Schema = Record<string, unknown>;

/** Convert one structural schema node (recursively). Pure. */
export function toJsonSchema(node: Schema): Schema {
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "properties")
      out.properties = Object.fromEntries(
        Object.entries(v as Record<string, Schema>).map(([p, s]) => [p, toJsonSchema(s)]),
      );
    else if (k === "items" && v && typeof v === "object") out.items = toJsonSchema(v as Schema);
    else if (k === "additionalProperties" && v && typeof v === "object")
      out.additionalProperties = toJsonSchema(v as Schema);
    else if (["allOf", "anyOf", "oneOf"].includes(k)) out[k] = (v as Schema[]).map(toJsonSchema);
    else if (k === "not") out.not = toJsonSchema(v as Schema);
    else if (!k.startsWith("x-kubernetes") && k !== "nullable" && k !== "format") out[k] = v;
  }
  if (node["x-kubernetes-int-or-string"]) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  const open =
    node["x-kubernetes-preserve-unknown-fields"] || node["x-kubernetes-embedded-resource"];
  if (node.type === "object" && out.properties && out.additionalProperties === undefined && !open)
    out.additionalProperties = false;
  if (node["x-kubernetes-embedded-resource"])
    out.properties = {
      apiVersion: { type: "string" },
      kind: { type: "string" },
      metadata: { type: "object" },
      ...(out.properties as object),
    };
  if (node.nullable && typeof out.type === "string") out.type = [out.type, "null"];
  return out;
}

type Crd = {
  spec: { versions: { name: string; served?: boolean; schema?: { openAPIV3Schema?: Schema } }[] };
};

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

/** A validator for one version of a CRD, or undefined when that version is not served. */
export function crdValidator(crd: Crd, version: string): ValidateFunction | undefined {
  const v = crd.spec.versions.find((x) => x.name === version && x.served !== false);
  if (!v) return undefined;
  const schema = toJsonSchema(
    v.schema?.openAPIV3Schema ?? { type: "object", "x-kubernetes-preserve-unknown-fields": true },
  );
  // The API server validates metadata itself; the CRD schema only says it is an object.
  const props = (schema.properties ?? {}) as Schema;
  props.metadata = { type: "object" };
  props.apiVersion = { type: "string" };
  props.kind = { type: "string" };
  schema.properties = props;
  return ajv.compile(schema);
}
