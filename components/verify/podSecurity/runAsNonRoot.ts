import { containersOf, PodSecurityRule, sc } from "./rule";

/** restricted: every container must run as non-root (its own setting or the pod's), none as UID 0. */
export const runAsNonRoot: PodSecurityRule = {
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
};

/** restricted: no container (nor the pod) sets runAsUser 0. */
export const runAsUser: PodSecurityRule = {
  id: "runAsUser",
  level: "restricted",
  check: (spec) => {
    const out =
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
};
