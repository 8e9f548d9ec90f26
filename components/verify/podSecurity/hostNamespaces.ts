import { defineRule } from "./rule";

/*
 * baseline: sharing the host's network, PID and IPC namespaces is disallowed
 * (pod-security-admission check_hostNamespaces).
 *
 * Restricted fields:
 *   spec.hostNetwork
 *   spec.hostPID
 *   spec.hostIPC
 *
 * Allowed values: undefined, false
 */
export const hostNamespaces = defineRule({
  id: "hostNamespaces",
  level: "baseline",
  check: (spec) =>
    (["hostNetwork", "hostPID", "hostIPC"] as const)
      .filter((f) => spec[f] === true)
      .map((f) => ({ field: f, message: `${f}: true`, fix: `remove ${f}` })),
});
