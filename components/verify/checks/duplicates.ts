// No two objects with one identity (the second apply would fight the first), and no two
// registrations with one URN (the engine refuses the program).
import { identity } from "../../lib/kinds";
import { defineCheck, fault, Fault } from "../types";

export const duplicates = defineCheck({
  name: "duplicates",
  description: "no two objects with one identity, no two registrations with one URN",
  run(input) {
    const out: Fault[] = [];
    const seen = new Map<string, string>();
    for (const o of input.objects) {
      const id = identity(o.object);
      const first = seen.get(id);
      if (first)
        out.push(
          fault(
            o,
            "metadata.name",
            `also applied by ${first}`,
            "remove one of the two (a deletion in the overlay, or a chart value)",
          ),
        );
      else seen.set(id, o.source.split("::").pop() ?? o.source);
    }
    const urns = new Set<string>();
    for (const r of input.registrations) {
      if (urns.has(r.urn))
        out.push({
          object: r.urn,
          component: r.name,
          field: "urn",
          message: "registered twice",
          fix: "give the two resources different names",
        });
      urns.add(r.urn);
    }
    return out;
  },
});
