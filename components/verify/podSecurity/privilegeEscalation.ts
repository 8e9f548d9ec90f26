import { containersOf, PodSecurityRule, sc } from "./rule";

/** restricted: allowPrivilegeEscalation must be false on every container. */
export const allowPrivilegeEscalation: PodSecurityRule = {
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
};
