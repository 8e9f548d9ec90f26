import { containersOf, defineRule, sc } from "./rule";

/*
 * baseline: privileged containers disable most security mechanisms and are disallowed
 * (pod-security-admission check_privileged).
 *
 * Restricted fields:
 *   spec.containers[*].securityContext.privileged
 *   spec.initContainers[*].securityContext.privileged
 *   spec.ephemeralContainers[*].securityContext.privileged
 *
 * Allowed values: false, undefined
 */
export const privileged = defineRule({
  id: "privileged",
  level: "baseline",
  check: (spec) =>
    containersOf(spec)
      .filter(({ c }) => sc(c).privileged === true)
      .map(({ path }) => ({
        field: `${path}.securityContext.privileged`,
        message: "privileged container",
        fix: "set securityContext.privileged: false",
      })),
});
