// Chart values: every key we set exists in the chart's values.yaml (or its values.schema.json).
// Helm ignores unknown keys silently: a misspelt or version-dependent key (Trainer 2.1.0 has no
// manager.podAnnotations) is a setting that does nothing. Free-form maps (defaults of `{}`:
// labels, annotations, nodeSelector, env) take any key; subcharts' keys are theirs.
import { ChartValueFacts } from "../../versions";
import { ChartDefaults, defineCheck, Fault } from "../types";

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => Boolean(v) && typeof v === "object" && !Array.isArray(v);

// Istio's charts keep their defaults under this key and read user values from the top level.
const ISTIO_DEFAULTS = "_internal_defaults_do_not_set";

function schemaAt(schema: Json | undefined, key: string): { known: boolean; child?: Json } {
  if (!schema) return { known: false };
  const props = schema.properties as Record<string, Json> | undefined;
  if (props && key in props) return { known: true, child: props[key] };
  const extra = schema.additionalProperties;
  return { known: extra === true || isMap(extra), child: isMap(extra) ? extra : undefined };
}

/** Our values as the chart's templates see them: descoped prefixes merged onto the top. Pure. */
function descope(ours: Json, facts: ChartValueFacts): Json {
  const out = { ...ours };
  for (const prefix of facts.descoped ?? [])
    if (isMap(out[prefix])) {
      const inner = out[prefix] as Json;
      delete out[prefix];
      Object.assign(out, inner);
    }
  return out;
}

/** Drop the keys the chart takes whole or reads outside values.yaml. Pure. */
function withoutOpenKeys(ours: Json, facts: ChartValueFacts): Json {
  const out = structuredClone(ours);
  for (const key of [...(facts.freeForm ?? []), ...(facts.templateOnly ?? [])]) {
    const parts = key.split(".");
    let at: Json | undefined = out;
    for (const p of parts.slice(0, -1)) at = isMap(at?.[p]) ? (at![p] as Json) : undefined;
    if (at) delete at[parts[parts.length - 1]];
  }
  return out;
}

/** Key paths in `ours` that the defaults (and schema) do not define. Pure. */
export function unknownKeys(
  oursAsGiven: Json,
  defaults: ChartDefaults,
  facts: ChartValueFacts = {},
): string[] {
  const ours = withoutOpenKeys(descope(oursAsGiven, facts), facts);
  const roots = isMap(defaults.values[ISTIO_DEFAULTS])
    ? { ...defaults.values, ...(defaults.values[ISTIO_DEFAULTS] as Json) }
    : defaults.values;
  const out: string[] = [];
  const walk = (value: Json, def: Json | undefined, schema: Json | undefined, at: string[]) => {
    for (const [k, v] of Object.entries(value)) {
      const pathHere = [...at, k];
      if (at.length === 0 && (defaults.subcharts.includes(k) || k === "global")) {
        if (k === "global" && isMap(v) && isMap(roots.global))
          walk(v, roots.global as Json, undefined, pathHere);
        continue;
      }
      const s = schemaAt(schema, k);
      const inDefaults = def !== undefined && k in def;
      if (!inDefaults && !s.known) {
        out.push(pathHere.join("."));
        continue;
      }
      const d = inDefaults ? def![k] : undefined;
      // A free-form map (default {}) or a value the defaults leave open takes any key below.
      if (isMap(v) && isMap(d) && Object.keys(d).length > 0) walk(v, d, s.child, pathHere);
      else if (isMap(v) && !inDefaults && s.child?.properties)
        walk(v, undefined, s.child, pathHere);
    }
  };
  walk(ours, roots, defaults.schema, []);
  return out;
}

export const chartValues = defineCheck({
  name: "chart-values",
  description:
    "every value key we set exists in the chart's `values.yaml` or `values.schema.json` (Istio's descoped `pilot.`/`cni.` prefixes, pass-through maps and template-only keys are recorded per chart in the versions catalog)",
  cannotSee: "charts whose archives are not in the sources: their defaults are unknown",
  run(input) {
    const out: Fault[] = [];
    for (const c of input.chartValues) {
      const defaults = input.chartDefaults?.(c.pin.chart, c.pin.version);
      if (!defaults) continue;
      for (const key of unknownKeys(c.values, defaults, c.pin.values))
        out.push({
          object: `chart ${c.pin.chart} ${c.pin.version}`,
          component: c.urn.split("::").pop() ?? c.urn,
          field: `values.${key}`,
          message: `the chart defines no value ${key}: helm ignores it`,
          fix: "use the key the pinned chart version defines (its values.yaml), or a transform on the rendered objects",
        });
    }
    return out;
  },
});
