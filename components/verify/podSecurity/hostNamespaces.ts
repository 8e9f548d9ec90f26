import { PodSecurityRule } from "./rule";

/** baseline: no host network, PID or IPC namespace. */
export const hostNamespaces: PodSecurityRule = {
  id: "hostNamespaces",
  level: "baseline",
  check: (spec) =>
    (["hostNetwork", "hostPID", "hostIPC"] as const)
      .filter((f) => spec[f] === true)
      .map((f) => ({ field: f, message: `${f}: true`, fix: `remove ${f}` })),
};
