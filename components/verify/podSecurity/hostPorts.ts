import { containersOf, defineRule } from "./rule";

/*
 * baseline: host ports are forbidden (pod-security-admission check_hostPorts).
 *
 * Restricted fields:
 *   spec.containers[*].ports[*].hostPort
 *   spec.initContainers[*].ports[*].hostPort
 *   spec.ephemeralContainers[*].ports[*].hostPort
 *
 * Allowed values: undefined, 0
 */
export const hostPorts = defineRule({
  id: "hostPorts",
  level: "baseline",
  check: (spec) =>
    containersOf(spec).flatMap(({ path, c }) =>
      (c.ports ?? [])
        .filter((p) => p.hostPort)
        .map((p) => ({
          field: `${path}.ports[containerPort=${p.containerPort}].hostPort`,
          message: `hostPort ${p.hostPort}`,
          fix: "remove hostPort; expose the port with a Service",
        })),
    ),
});
