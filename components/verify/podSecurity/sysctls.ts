import { defineRule } from "./rule";

/*
 * baseline: sysctls can disable security mechanisms or affect every container on a node; only a
 * safe subset, namespaced and isolated per pod, is allowed (pod-security-admission check_sysctls).
 *
 * Restricted fields:
 *   spec.securityContext.sysctls[*].name
 *
 * Allowed values: SAFE_SYSCTLS below. (Upstream's latest version also allows
 * net.ipv4.tcp_slow_start_after_idle and net.ipv4.tcp_notsent_lowat; this list refuses them.)
 */
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem",
]);

export const sysctls = defineRule({
  id: "sysctls",
  level: "baseline",
  check: (spec) =>
    ((spec.securityContext?.sysctls as { name: string }[] | undefined) ?? [])
      .filter((s) => !SAFE_SYSCTLS.has(s.name))
      .map((s) => ({
        field: `securityContext.sysctls[name=${s.name}]`,
        message: "unsafe sysctl",
        fix: `remove sysctl ${s.name}`,
      })),
});
