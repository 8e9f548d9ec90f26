import { containersOf, PodSecurityRule, sc } from "./rule";

type Profile = { type?: string } | undefined;

/** baseline: seccomp may not be Unconfined. */
export const seccompBaseline: PodSecurityRule = {
  id: "seccompBaseline",
  level: "baseline",
  check: (spec) => {
    const pod = (spec.securityContext?.seccompProfile as Profile)?.type;
    const out =
      pod === "Unconfined"
        ? [
            {
              field: "securityContext.seccompProfile.type",
              message: "Unconfined",
              fix: "use RuntimeDefault",
            },
          ]
        : [];
    for (const { path, c } of containersOf(spec))
      if ((sc(c).seccompProfile as Profile)?.type === "Unconfined")
        out.push({
          field: `${path}.securityContext.seccompProfile.type`,
          message: "Unconfined",
          fix: "use RuntimeDefault",
        });
    return out;
  },
};

/** restricted: every container runs RuntimeDefault or Localhost seccomp (its own, or the pod's). */
export const seccompRestricted: PodSecurityRule = {
  id: "seccompRestricted",
  level: "restricted",
  check: (spec) => {
    const ok = (t?: string) => t === "RuntimeDefault" || t === "Localhost";
    const pod = (spec.securityContext?.seccompProfile as Profile)?.type;
    return containersOf(spec)
      .filter(({ c }) => {
        const own = (sc(c).seccompProfile as Profile)?.type;
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
};
