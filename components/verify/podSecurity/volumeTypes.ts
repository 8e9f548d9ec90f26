import { defineRule } from "./rule";

/*
 * restricted: besides hostPath (refused at baseline too), inline volume sources are limited to
 * the types below (pod-security-admission check_restrictedVolumes).
 *
 * Restricted fields:
 *   spec.volumes[*].<any source but those below>: hostPath, gcePersistentDisk,
 *   awsElasticBlockStore, gitRepo, nfs, iscsi, glusterfs, rbd, flexVolume, cinder, cephfs,
 *   flocker, fc, azureFile, vsphereVolume, quobyte, azureDisk, portworxVolume,
 *   photonPersistentDisk, scaleIO, storageos
 *
 * Allowed values: configMap, csi, downwardAPI, emptyDir, ephemeral, image,
 * persistentVolumeClaim, projected, secret
 */
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

export const volumeTypes = defineRule({
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
});
