// The Pod Security Standards rules, in one list; a level enforces its own rules and those below it.
// One rule per file, named by its id. Not modelled (no pod we render sets their fields):
// pod-security-admission's appArmorProfile, seLinuxOptions, windowsHostProcess,
// hostProbesAndHostLifecycle and procMount_restricted checks.
import { PodSpec } from "../../render/pods";
import { allowPrivilegeEscalation } from "./allowPrivilegeEscalation";
import { capabilitiesBaseline } from "./capabilitiesBaseline";
import { capabilitiesRestricted } from "./capabilitiesRestricted";
import { hostNamespaces } from "./hostNamespaces";
import { hostPathVolumes } from "./hostPathVolumes";
import { hostPorts } from "./hostPorts";
import { privileged } from "./privileged";
import { procMount } from "./procMount";
import { Finding, Level } from "./rule";
import { runAsNonRoot } from "./runAsNonRoot";
import { runAsUser } from "./runAsUser";
import { seccompBaseline } from "./seccompBaseline";
import { seccompRestricted } from "./seccompRestricted";
import { sysctls } from "./sysctls";
import { volumeTypes } from "./volumeTypes";

export const POD_SECURITY_RULES = [
  hostNamespaces,
  privileged,
  capabilitiesBaseline,
  hostPathVolumes,
  hostPorts,
  seccompBaseline,
  procMount,
  sysctls,
  volumeTypes,
  allowPrivilegeEscalation,
  runAsNonRoot,
  runAsUser,
  seccompRestricted,
  capabilitiesRestricted,
] as const;

/** The id of a registered rule: tables keyed by it (tests) cover every rule. */
export type PodSecurityRuleId = (typeof POD_SECURITY_RULES)[number]["id"];

/** What a pod spec violates at a level. Pure. */
export function evaluatePodSecurity(spec: PodSpec, level: Level): (Finding & { rule: string })[] {
  if (level === "privileged") return [];
  const levels = level === "restricted" ? ["baseline", "restricted"] : ["baseline"];
  return POD_SECURITY_RULES.filter((r) => levels.includes(r.level)).flatMap((r) =>
    r.check(spec).map((f) => ({ ...f, rule: r.id })),
  );
}

export type { Level } from "./rule";
