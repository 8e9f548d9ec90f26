import { containersOf, defineRule, Finding, sc } from "./rule";

/*
 * restricted: neither the pod nor a container sets runAsUser 0
 * (pod-security-admission check_runAsUser).
 *
 * Restricted fields:
 *   spec.securityContext.runAsUser
 *   spec.containers[*].securityContext.runAsUser
 *   spec.initContainers[*].securityContext.runAsUser
 *   spec.ephemeralContainers[*].securityContext.runAsUser
 *
 * Allowed values: non-zero values, undefined. (Upstream also allows any value in a user
 * namespace, hostUsers: false, which no pod we render sets.)
 */
export const runAsUser = defineRule({
  id: "runAsUser",
  level: "restricted",
  check: (spec) => {
    const out: Finding[] =
      spec.securityContext?.runAsUser === 0
        ? [
            {
              field: "securityContext.runAsUser",
              message: "runs as UID 0",
              fix: "set a non-zero runAsUser",
            },
          ]
        : [];
    for (const { path, c } of containersOf(spec))
      if (sc(c).runAsUser === 0)
        out.push({
          field: `${path}.securityContext.runAsUser`,
          message: "runs as UID 0",
          fix:
            c.name === "istio-init"
              ? "run Istio with CNI (istio.cni: true)"
              : "set a non-zero runAsUser",
        });
    return out;
  },
});
