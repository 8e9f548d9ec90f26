import { containersOf, PodSecurityRule, sc } from "./rule";

// Sysctls baseline allows (pod-security-admission check_sysctls, latest).
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

/** baseline: the default /proc mount only. */
export const procMount: PodSecurityRule = {
  id: "procMount",
  level: "baseline",
  check: (spec) =>
    containersOf(spec)
      .filter(({ c }) => sc(c).procMount !== undefined && sc(c).procMount !== "Default")
      .map(({ path }) => ({
        field: `${path}.securityContext.procMount`,
        message: "not Default",
        fix: "remove procMount",
      })),
};

/** baseline: only safe sysctls. */
export const sysctls: PodSecurityRule = {
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
};
