import { containersOf, defineRule, sc } from "./rule";

/*
 * restricted: privilege escalation (set-user-ID or set-group-ID file modes) is not allowed
 * (pod-security-admission check_allowPrivilegeEscalation).
 *
 * Restricted fields:
 *   spec.containers[*].securityContext.allowPrivilegeEscalation
 *   spec.initContainers[*].securityContext.allowPrivilegeEscalation
 *   spec.ephemeralContainers[*].securityContext.allowPrivilegeEscalation
 *
 * Allowed values: false (undefined is refused: the runtime's default allows escalation)
 */
export const allowPrivilegeEscalation = defineRule({
  id: "allowPrivilegeEscalation",
  level: "restricted",
  check: (spec) =>
    containersOf(spec)
      .filter(({ c }) => sc(c).allowPrivilegeEscalation !== false)
      .map(({ path }) => ({
        field: `${path}.securityContext.allowPrivilegeEscalation`,
        message: "not false",
        fix: "set securityContext.allowPrivilegeEscalation: false",
      })),
});
