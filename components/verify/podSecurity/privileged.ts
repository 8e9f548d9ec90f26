import { containersOf, PodSecurityRule, sc } from "./rule";

/** baseline: no privileged container. */
export const privileged: PodSecurityRule = {
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
};
