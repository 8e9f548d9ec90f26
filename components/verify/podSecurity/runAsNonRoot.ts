import { containersOf, defineRule, sc } from "./rule";

/*
 * restricted: containers must be required to run as non-root users
 * (pod-security-admission check_runAsNonRoot).
 *
 * Restricted fields:
 *   spec.securityContext.runAsNonRoot
 *   spec.containers[*].securityContext.runAsNonRoot
 *   spec.initContainers[*].securityContext.runAsNonRoot
 *   spec.ephemeralContainers[*].securityContext.runAsNonRoot
 *
 * Allowed values: true; undefined on a container when the pod sets true. (Upstream also allows any
 * value in a user namespace, hostUsers: false, which no pod we render sets; a pod-level false with
 * every container setting true is reported by upstream on the pod field, here not at all.)
 */
export const runAsNonRoot = defineRule({
  id: "runAsNonRoot",
  level: "restricted",
  check: (spec) => {
    const pod = spec.securityContext?.runAsNonRoot;
    return containersOf(spec)
      .filter(({ c }) => {
        const own = sc(c).runAsNonRoot;
        return own === false || (own === undefined && pod !== true);
      })
      .map(({ path, c }) => ({
        field: `${path}.securityContext.runAsNonRoot`,
        message: "may run as root",
        fix:
          c.name === "istio-init"
            ? "run Istio with CNI (istio.cni: true) so the injector adds no root istio-init"
            : "set securityContext.runAsNonRoot: true",
      }));
  },
});
