import { containersOf, defineRule, sc } from "./rule";

/*
 * baseline: the default /proc masks reduce the attack surface and are required
 * (pod-security-admission check_procMount_baseline).
 *
 * Restricted fields:
 *   spec.containers[*].securityContext.procMount
 *   spec.initContainers[*].securityContext.procMount
 *   spec.ephemeralContainers[*].securityContext.procMount
 *
 * Allowed values: undefined, "Default". (Upstream allows any value in a user namespace,
 * hostUsers: false; no pod we render sets it, so that exception is not modelled.)
 */
export const procMount = defineRule({
  id: "procMount",
  level: "baseline",
  check: (spec) =>
    containersOf(spec)
      .filter(({ c }) => sc(c).procMount !== undefined && sc(c).procMount !== "Default")
      .map(({ path }) => ({
        field: `${path}.securityContext.procMount`,
        message: "not Default",
        fix: "remove procMount",
      })),
});
