import { containersOf, defineRule, sc, seccompType } from "./rule";

/*
 * baseline: a seccomp profile, where one is set, is not Unconfined
 * (pod-security-admission check_seccompProfile_baseline, v1.19+).
 *
 * Restricted fields:
 *   spec.securityContext.seccompProfile.type
 *   spec.containers[*].securityContext.seccompProfile.type
 *   spec.initContainers[*].securityContext.seccompProfile.type
 *   spec.ephemeralContainers[*].securityContext.seccompProfile.type
 *
 * Allowed values: RuntimeDefault, Localhost, undefined (the API server admits no other type than
 * these and Unconfined, so refusing Unconfined is refusing the rest)
 */
export const seccompBaseline = defineRule({
  id: "seccompBaseline",
  level: "baseline",
  check: (spec) => {
    const out =
      seccompType(spec.securityContext) === "Unconfined"
        ? [
            {
              field: "securityContext.seccompProfile.type",
              message: "Unconfined",
              fix: "use RuntimeDefault",
            },
          ]
        : [];
    for (const { path, c } of containersOf(spec))
      if (seccompType(sc(c)) === "Unconfined")
        out.push({
          field: `${path}.securityContext.seccompProfile.type`,
          message: "Unconfined",
          fix: "use RuntimeDefault",
        });
    return out;
  },
});
