// What a pod names: its ServiceAccount, the Secrets, ConfigMaps and PVCs of its volumes, the
// ConfigMaps and Secrets (and their keys) of its env and envFrom, and the Services its env values
// name. Optional references, claims of a StatefulSet's own volumeClaimTemplates and Secrets a
// Certificate issues at run time are not required to be in the render.
import { RenderedObject } from "../../../render/objects";
import { allContainers, PodTemplate } from "../../../render/pods";
import { has, key, ObjectIndex, Ref } from "../../objectIndex";
import { serviceHost } from "./services";

/** Keys of a ConfigMap or Secret, or undefined when they cannot be known (redacted, controller-filled). */
function keysOf(o: RenderedObject): Set<string> | undefined {
  const maps = ["data", "binaryData", "stringData"].map((f) => o.object[f]);
  if (maps.some((m) => typeof m === "string")) return undefined;
  if (o.object.kind === "Secret" && maps.every((m) => m === undefined)) return undefined;
  return new Set(maps.flatMap((m) => Object.keys((m ?? {}) as object)));
}

/** What one pod template names that is not there. Pure. */
export function podRefs(pod: PodTemplate, ix: ObjectIndex): Ref[] {
  const ns = pod.namespace;
  const out: Ref[] = [];
  const need = (kind: string, name: string, field: string, keyName?: string) => {
    if (kind === "Secret" && ix.issuedSecrets.has(`${ns}/${name}`)) return;
    const target = ix.byKey.get(key(kind, ns, name));
    if (!target) {
      if (!has(ix, kind, ns, name))
        out.push({
          field,
          message: `${kind} ${ns}/${name} does not exist`,
          fix: `create ${kind} ${name} in ${ns}, or fix the name`,
        });
      return;
    }
    const keys = keyName ? keysOf(target) : undefined;
    if (keyName && keys && !keys.has(keyName))
      out.push({
        field,
        message: `${kind} ${ns}/${name} has no key ${keyName}`,
        fix: `add ${keyName} to ${kind} ${name}`,
      });
  };
  const spec = pod.spec;
  const sa = spec.serviceAccountName ?? spec.serviceAccount;
  if (sa && sa !== "default") need("ServiceAccount", sa, `${pod.path}.serviceAccountName`);
  const claims = new Set(
    (
      (pod.owner.object.spec as { volumeClaimTemplates?: { metadata: { name: string } }[] })
        .volumeClaimTemplates ?? []
    ).map((t) => t.metadata.name),
  );
  for (const v of spec.volumes ?? []) {
    const vol = v as {
      name: string;
      secret?: { secretName: string; optional?: boolean };
      configMap?: { name: string; optional?: boolean };
      persistentVolumeClaim?: { claimName: string };
    };
    if (vol.secret && !vol.secret.optional)
      need("Secret", vol.secret.secretName, `${pod.path}.volumes[name=${vol.name}]`);
    if (vol.configMap && !vol.configMap.optional)
      need("ConfigMap", vol.configMap.name, `${pod.path}.volumes[name=${vol.name}]`);
    if (vol.persistentVolumeClaim && !claims.has(vol.persistentVolumeClaim.claimName))
      need(
        "PersistentVolumeClaim",
        vol.persistentVolumeClaim.claimName,
        `${pod.path}.volumes[name=${vol.name}]`,
      );
  }
  for (const { list, container } of allContainers(spec)) {
    const at = `${pod.path}.${list}[name=${container.name}]`;
    for (const e of container.envFrom ?? []) {
      const ref = e as {
        configMapRef?: { name: string; optional?: boolean };
        secretRef?: { name: string; optional?: boolean };
      };
      if (ref.configMapRef && !ref.configMapRef.optional)
        need("ConfigMap", ref.configMapRef.name, `${at}.envFrom`);
      if (ref.secretRef && !ref.secretRef.optional)
        need("Secret", ref.secretRef.name, `${at}.envFrom`);
    }
    for (const e of container.env ?? []) {
      const from = e.valueFrom as
        | {
            configMapKeyRef?: { name: string; key: string; optional?: boolean };
            secretKeyRef?: { name: string; key: string; optional?: boolean };
          }
        | undefined;
      if (from?.configMapKeyRef && !from.configMapKeyRef.optional)
        need(
          "ConfigMap",
          from.configMapKeyRef.name,
          `${at}.env[${e.name}]`,
          from.configMapKeyRef.key,
        );
      if (from?.secretKeyRef && !from.secretKeyRef.optional)
        need("Secret", from.secretKeyRef.name, `${at}.env[${e.name}]`, from.secretKeyRef.key);
      if (e.value) out.push(...serviceHost(e.value, `${at}.env[${e.name}]`, ix));
    }
  }
  return out;
}
