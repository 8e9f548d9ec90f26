import { capabilitiesOf, containersOf, defineRule, Finding } from "./rule";

/*
 * restricted: containers drop ALL capabilities and may add back only NET_BIND_SERVICE
 * (pod-security-admission check_capabilities_restricted).
 *
 * Restricted fields:
 *   spec.containers[*].securityContext.capabilities.drop
 *   spec.initContainers[*].securityContext.capabilities.drop
 *   spec.ephemeralContainers[*].securityContext.capabilities.drop
 * Allowed values: a list including "ALL"
 *
 * Restricted fields:
 *   spec.containers[*].securityContext.capabilities.add
 *   spec.initContainers[*].securityContext.capabilities.add
 *   spec.ephemeralContainers[*].securityContext.capabilities.add
 * Allowed values: undefined, empty, "NET_BIND_SERVICE"
 */
export const capabilitiesRestricted = defineRule({
  id: "capabilitiesRestricted",
  level: "restricted",
  check: (spec) =>
    containersOf(spec).flatMap(({ path, c }) => {
      const { add, drop } = capabilitiesOf(c);
      const out: Finding[] = [];
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
});
