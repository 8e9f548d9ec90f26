// Facts about Kubernetes kinds and object identity, shared by the plan diff, the render, the upgrade
// diff and verify: type tokens, groups, identity as the API server sees it, and scope. Pure.
import { K8sObject } from "./k8s";

/** Pulumi's type token for a Kubernetes kind: `v1` → `core/v1`. Pure. */
export function typeToken(apiVersion: string, kind: string): string {
  return `kubernetes:${apiVersion.includes("/") ? apiVersion : `core/${apiVersion}`}:${kind}`;
}

/** The apiVersion a Pulumi Kubernetes type token stands for, or undefined for non-objects. Pure. */
export function apiVersionOfType(type: string): { apiVersion: string; kind: string } | undefined {
  const m = /^kubernetes:([^:]+):([A-Z]\w*)$/.exec(type);
  if (!m || m[1].startsWith("helm.sh") || m[1].startsWith("kustomize") || m[1].startsWith("yaml"))
    return undefined;
  return { apiVersion: m[1].replace(/^core\//, ""), kind: m[2] };
}

/** Group of an apiVersion ("" for the core group). Pure. */
export function groupOf(apiVersion: string): string {
  return apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
}

/** Kind identity: group and kind (versions of one kind are the same object). */
export function kindKey(obj: { apiVersion: string; kind: string }): string {
  return `${groupOf(obj.apiVersion)}/${obj.kind}`;
}

/** Object identity as the API server sees it: group, kind, namespace, name. */
export function identity(obj: K8sObject): string {
  return `${kindKey(obj)}/${obj.metadata.namespace ?? ""}/${obj.metadata.name}`;
}

/** A short human name: Kind namespace/name. */
export function describe(obj: K8sObject): string {
  const ns = obj.metadata.namespace ? `${obj.metadata.namespace}/` : "";
  return `${obj.kind} ${ns}${obj.metadata.name}`;
}

// Built-in kinds that are cluster-scoped (Kubernetes 1.34); every other built-in kind is namespaced.
// Custom kinds take their scope from their CRD in the same render.
const CLUSTER_SCOPED_BUILTINS = new Set([
  "/Namespace",
  "/Node",
  "/PersistentVolume",
  "/ComponentStatus",
  "rbac.authorization.k8s.io/ClusterRole",
  "rbac.authorization.k8s.io/ClusterRoleBinding",
  "apiextensions.k8s.io/CustomResourceDefinition",
  "apiregistration.k8s.io/APIService",
  "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
  "admissionregistration.k8s.io/MutatingWebhookConfiguration",
  "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
  "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
  "admissionregistration.k8s.io/MutatingAdmissionPolicy",
  "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
  "storage.k8s.io/StorageClass",
  "storage.k8s.io/CSIDriver",
  "storage.k8s.io/CSINode",
  "storage.k8s.io/VolumeAttachment",
  "storage.k8s.io/VolumeAttributesClass",
  "scheduling.k8s.io/PriorityClass",
  "node.k8s.io/RuntimeClass",
  "networking.k8s.io/IngressClass",
  "networking.k8s.io/IPAddress",
  "networking.k8s.io/ServiceCIDR",
  "certificates.k8s.io/CertificateSigningRequest",
  "flowcontrol.apiserver.k8s.io/FlowSchema",
  "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
  "resource.k8s.io/DeviceClass",
]);

/** Whether a kind is namespaced, from the built-in list or a CRD among `objects`. */
export function isNamespaced(
  obj: { apiVersion: string; kind: string },
  crdScopes: Map<string, string>,
): boolean | undefined {
  const key = kindKey(obj);
  const scope = crdScopes.get(key);
  if (scope) return scope === "Namespaced";
  const group = groupOf(obj.apiVersion);
  if (group === "" || group.endsWith(".k8s.io") || !group.includes(".") || group === "apps")
    return !CLUSTER_SCOPED_BUILTINS.has(key);
  return undefined;
}

/** group/kind → scope of every CRD in a list of objects. Pure. */
export function crdScopes(objects: K8sObject[]): Map<string, string> {
  const scopes = new Map<string, string>();
  for (const o of objects) {
    if (o.kind !== "CustomResourceDefinition") continue;
    const spec = o.spec as { group: string; names: { kind: string }; scope: string };
    scopes.set(`${spec.group}/${spec.names.kind}`, spec.scope);
  }
  return scopes;
}
