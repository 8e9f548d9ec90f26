import { defineRule } from "./rule";

/*
 * baseline: hostPath volumes are forbidden (pod-security-admission check_hostPathVolumes).
 *
 * Restricted fields:
 *   spec.volumes[*].hostPath
 *
 * Allowed values: undefined
 */
export const hostPathVolumes = defineRule({
  id: "hostPathVolumes",
  level: "baseline",
  check: (spec) =>
    (spec.volumes ?? [])
      .filter((v) => v.hostPath)
      .map((v) => ({
        field: `volumes[name=${String(v.name)}].hostPath`,
        message: "hostPath volume",
        fix: "use a PersistentVolumeClaim, emptyDir or projected volume",
      })),
});
