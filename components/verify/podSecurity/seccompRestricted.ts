import { containersOf, defineRule, sc, seccompType } from "./rule";

/*
 * restricted: a seccomp profile must be set, and only RuntimeDefault or Localhost
 * (pod-security-admission check_seccompProfile_restricted, v1.19+).
 *
 * Restricted fields:
 *   spec.securityContext.seccompProfile.type
 *   spec.containers[*].securityContext.seccompProfile.type
 *   spec.initContainers[*].securityContext.seccompProfile.type
 *   spec.ephemeralContainers[*].securityContext.seccompProfile.type
 *
 * Allowed values: RuntimeDefault, Localhost; a container's may be undefined when the pod's is one
 * of those. The Istio injector sets the proxy's only from global.proxy.seccompProfile.
 */
export const seccompRestricted = defineRule({
  id: "seccompRestricted",
  level: "restricted",
  check: (spec) => {
    const ok = (t?: string) => t === "RuntimeDefault" || t === "Localhost";
    const pod = seccompType(spec.securityContext);
    return containersOf(spec)
      .filter(({ c }) => {
        const own = seccompType(sc(c));
        return own ? !ok(own) : !ok(pod);
      })
      .map(({ path, c }) => ({
        field: `${path}.securityContext.seccompProfile`,
        message: "no RuntimeDefault or Localhost seccomp profile",
        fix: c.name.startsWith("istio-")
          ? "set the pod's securityContext.seccompProfile.type: RuntimeDefault (the injected proxy sets none of its own)"
          : "set securityContext.seccompProfile.type: RuntimeDefault on the pod",
      }));
  },
});
