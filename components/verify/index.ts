// Every verify check, in one list: the order of the report, and of docs/verify.md's table.
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
import { webhookReachability } from "./checks/webhookReachability";
import { Check, runCheck, VerifyInput, Violation } from "./types";

export const CHECKS = [
  builds,
  schema,
  podSecurity,
  ordering,
  meshIdentity,
  references,
  webhookReachability,
  images,
  controllerFields,
  hpaReplicas,
  chartValues,
  defaultNamespace,
  duplicates,
  servedVersions,
] as const;

/** The name of a registered check: tables keyed by it (tests, docs) cover every check. */
export type CheckName = (typeof CHECKS)[number]["name"];

/** Run every check over a render. Pure. */
export function verify(input: VerifyInput, checks: readonly Check[] = CHECKS): Violation[] {
  return checks.flatMap((c) => runCheck(c, input));
}
