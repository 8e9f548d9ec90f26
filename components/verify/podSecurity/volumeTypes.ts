import { PodSecurityRule } from "./rule";

const ALLOWED = new Set([
  "name",
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
  "image",
]);

/** restricted: only these volume types. */
export const volumeTypes: PodSecurityRule = {
  id: "volumeTypes",
  level: "restricted",
  check: (spec) =>
    (spec.volumes ?? []).flatMap((v) =>
      Object.keys(v)
        .filter((k) => !ALLOWED.has(k))
        .map((k) => ({
          field: `volumes[name=${String(v.name)}].${k}`,
          message: `volume type ${k}`,
          fix: "use configMap, secret, emptyDir, projected, downwardAPI, csi, ephemeral or a PVC",
        })),
    ),
};
