// Every verify check, in one list: the order of the report.
import { builds } from "./checks/builds";
import { chartValues } from "./checks/chartValues";
import { controllerFields } from "./checks/controllerFields";
import { defaultNamespace } from "./checks/defaultNamespace";
import { duplicates } from "./checks/duplicates";
import { hpaReplicas } from "./checks/hpaReplicas";
import { images } from "./checks/images";
import { meshIdentity } from "./checks/meshIdentity";
import { ordering } from "./checks/ordering";
import { podSecurity } from "./checks/podSecurity";
import { references } from "./checks/references";
import { schema } from "./checks/schema";
import { servedVersions } from "./checks/servedVersions";
import { Check, VerifyInput, Violation } from "./types";

export const CHECKS: Check[] = [
  builds,
  schema,
  podSecurity,
  ordering,
  meshIdentity,
  references,
  images,
  controllerFields,
  hpaReplicas,
  chartValues,
  defaultNamespace,
  duplicates,
  servedVersions,
];

/** Run every check over a render. Pure. */
export function verify(input: VerifyInput, checks: Check[] = CHECKS): Violation[] {
  return checks.flatMap((c) => c.run(input));
}
