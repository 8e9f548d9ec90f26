// The Pod Security Standards rules, in one list; a level enforces its own rules and those below it.
import { capabilitiesBaseline, capabilitiesRestricted } from "./capabilities";
import { hostNamespaces } from "./hostNamespaces";
import { hostPathVolumes } from "./hostPath";
import { hostPorts } from "./hostPorts";
import { allowPrivilegeEscalation } from "./privilegeEscalation";
import { privileged } from "./privileged";
import { procMount, sysctls } from "./procMountAndSysctls";
import { Finding, Level, PodSecurityRule } from "./rule";
import { runAsNonRoot, runAsUser } from "./runAsNonRoot";
import { seccompBaseline, seccompRestricted } from "./seccomp";
import { volumeTypes } from "./volumeTypes";
import { PodSpec } from "../../render/pods";

export const POD_SECURITY_RULES: PodSecurityRule[] = [
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
];

/** What a pod spec violates at a level. Pure. */
export function evaluatePodSecurity(spec: PodSpec, level: Level): (Finding & { rule: string })[] {
  if (level === "privileged") return [];
  const levels = level === "restricted" ? ["baseline", "restricted"] : ["baseline"];
  return POD_SECURITY_RULES.filter((r) => levels.includes(r.level)).flatMap((r) =>
    r.check(spec).map((f) => ({ ...f, rule: r.id })),
  );
}

export type { Level } from "./rule";
