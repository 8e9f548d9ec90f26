import { containersOf, PodSecurityRule, sc } from "./rule";

// The capabilities baseline allows a container to add (pod-security-admission check_capabilities_baseline).
const BASELINE_ALLOWED = new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
]);

function caps(c: Parameters<typeof sc>[0]): { add: string[]; drop: string[] } {
  const v = (sc(c).capabilities ?? {}) as { add?: string[]; drop?: string[] };
  return { add: v.add ?? [], drop: v.drop ?? [] };
}

/** baseline: only the default capabilities may be added. */
export const capabilitiesBaseline: PodSecurityRule = {
  id: "capabilitiesBaseline",
  level: "baseline",
  check: (spec) =>
    containersOf(spec).flatMap(({ path, c }) => {
      const extra = caps(c).add.filter((a) => !BASELINE_ALLOWED.has(a.replace(/^CAP_/, "")));
      return extra.length
        ? [
            {
              field: `${path}.securityContext.capabilities.add`,
              message: `adds ${extra.join(", ")}`,
              fix:
                c.name === "istio-init"
                  ? "run Istio with CNI (istio.cni: true) so the injector adds no istio-init"
                  : `remove ${extra.join(", ")} from capabilities.add`,
            },
          ]
        : [];
    }),
};

/** restricted: drop ALL, and add nothing but NET_BIND_SERVICE. */
export const capabilitiesRestricted: PodSecurityRule = {
  id: "capabilitiesRestricted",
  level: "restricted",
  check: (spec) =>
    containersOf(spec).flatMap(({ path, c }) => {
      const { add, drop } = caps(c);
      const out = [];
      if (!drop.includes("ALL"))
        out.push({
          field: `${path}.securityContext.capabilities.drop`,
          message: "does not drop ALL",
          fix: 'set securityContext.capabilities.drop: ["ALL"]',
        });
      const extra = add.filter((a) => a !== "NET_BIND_SERVICE");
      if (extra.length)
        out.push({
          field: `${path}.securityContext.capabilities.add`,
          message: `adds ${extra.join(", ")}`,
          fix:
            c.name === "istio-init"
              ? "run Istio with CNI (istio.cni: true) so the injector adds no istio-init"
              : "add no capability but NET_BIND_SERVICE",
        });
      return out;
    }),
};
