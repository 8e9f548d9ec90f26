import { capabilitiesOf, containersOf, defineRule } from "./rule";

/*
 * baseline: adding NET_RAW or any capability beyond the default set is disallowed
 * (pod-security-admission check_capabilities_baseline). A CAP_ prefix is ignored.
 *
 * Restricted fields:
 *   spec.containers[*].securityContext.capabilities.add
 *   spec.initContainers[*].securityContext.capabilities.add
 *   spec.ephemeralContainers[*].securityContext.capabilities.add
 *
 * Allowed values: undefined, empty, or values from BASELINE_ALLOWED below
 */
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

export const capabilitiesBaseline = defineRule({
  id: "capabilitiesBaseline",
  level: "baseline",
  check: (spec) =>
    containersOf(spec).flatMap(({ path, c }) => {
      const extra = capabilitiesOf(c).add.filter(
        (a) => !BASELINE_ALLOWED.has(a.replace(/^CAP_/, "")),
      );
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
});
