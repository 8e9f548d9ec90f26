// Every kind whose CRD serves several versions is in the API-version alias table
// (components/lib/apiVersionAliases.ts) with exactly those versions: otherwise an upstream move of
// one of its objects to another version is a create that collides with the object already there.
import { SERVED_VERSIONS } from "../../lib/apiVersionAliases";
import { defineCheck, fault } from "../types";

type CrdSpec = {
  group: string;
  names: { kind: string };
  versions: { name: string; served?: boolean }[];
};

export const servedVersions = defineCheck({
  name: "served-versions",
  description:
    "every CRD that serves several versions is in the API-version alias table (`components/lib/apiVersionAliases.ts`) with exactly those versions, so an upstream move between versions is an update, not a colliding create",
  run(input) {
    return input.objects.flatMap((o) => {
      if (o.object.kind !== "CustomResourceDefinition") return [];
      const spec = o.object.spec as CrdSpec;
      const served = spec.versions
        .filter((v) => v.served)
        .map((v) => v.name)
        .sort();
      const listed = [...(SERVED_VERSIONS[spec.group]?.[spec.names.kind] ?? [])].sort();
      if (served.length < 2 || served.join() === listed.join()) return [];
      return [
        fault(
          o,
          "spec.versions",
          `serves ${served.join(", ")}; the alias table lists ${listed.join(", ") || "nothing"}`,
          `set SERVED_VERSIONS["${spec.group}"].${spec.names.kind} to ${JSON.stringify(served)} in components/lib/apiVersionAliases.ts`,
        ),
      ];
    });
  },
});
