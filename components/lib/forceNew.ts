// The fields of a Kubernetes object whose change the provider plans as a replacement (delete, then
// create, for objects with fixed names) rather than an update: forceNewProperties in
// provider/pkg/provider/diff.go, pulumi-kubernetes v4.32.0, for the kinds the platform applies.
// ConfigMap and Secret data are absent because every provider of the program runs with
// enableConfigMapMutable and enableSecretMutable (components/lib/k8sProvider.ts).
import { isDeepStrictEqual } from "util";

const SELECTOR = ["spec.selector"];

const BY_KIND: Record<string, string[]> = {
  "apps/Deployment": SELECTOR,
  "apps/DaemonSet": SELECTOR,
  "apps/StatefulSet": [
    "spec.podManagementPolicy",
    "spec.revisionHistoryLimit",
    "spec.selector",
    "spec.serviceName",
    "spec.volumeClaimTemplates",
  ],
  "batch/Job": ["spec.completions", "spec.parallelism", "spec.selector", "spec.template"],
  "/PersistentVolumeClaim": [
    "spec.accessModes",
    "spec.selector",
    "spec.storageClassName",
    "spec.volumeName",
  ],
  "/Service": ["spec.clusterIP"],
  "/Secret": ["type"],
  "/ResourceQuota": ["spec.scopes"],
  "rbac.authorization.k8s.io/RoleBinding": ["roleRef"],
  "rbac.authorization.k8s.io/ClusterRoleBinding": ["roleRef"],
  "storage.k8s.io/StorageClass": ["parameters", "provisioner"],
};

/** Paths (as key lists) whose change replaces an object of this kind; name and namespace always. */
export function forceNewFields(apiVersion: string, kind: string): string[][] {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  return ["metadata.name", "metadata.namespace", ...(BY_KIND[`${group}/${kind}`] ?? [])].map((p) =>
    p.split("."),
  );
}

type Json = Record<string, unknown>;
const at = (o: unknown, path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Json)[k] : undefined), o);

/** The paths among `fields` whose value differs between the two. Pure. */
export function changedFields(before: unknown, after: unknown, fields: string[][]): string[][] {
  return fields.filter((f) => !isDeepStrictEqual(at(before, f), at(after, f)));
}
