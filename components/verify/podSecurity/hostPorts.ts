import { containersOf, PodSecurityRule } from "./rule";

/** baseline: no host ports. */
export const hostPorts: PodSecurityRule = {
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
};
