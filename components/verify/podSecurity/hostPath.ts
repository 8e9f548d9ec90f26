import { PodSecurityRule } from "./rule";

/** baseline: no hostPath volumes. */
export const hostPathVolumes: PodSecurityRule = {
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
};
