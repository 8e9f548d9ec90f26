// A tenant's home: its namespace (created by us with the owner annotation the Profile controller
// checks, so we can order objects in it and keep it when the Profile goes), its Profile, and what
// removing the tenant does to each of its objects.
import * as pulumi from "@pulumi/pulumi";
import { TenantConfig } from "../config/schema";
import { K8sObject, labels } from "../lib/k8s";
import { identityPlugins } from "./identity";
import { quotaHard } from "./quota";

/** Labels the Profile controller would set (kept equal so neither side fights the other). */
export function tenantNamespace(t: TenantConfig): K8sObject {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: t.name,
      annotations: { owner: t.owner },
      labels: {
        ...labels("tenant"),
        "app.kubernetes.io/part-of": "kubeflow-profile",
        "istio-injection": "enabled",
        "pipelines.kubeflow.org/enabled": "true",
        "katib.kubeflow.org/metrics-collector-injection": "enabled",
        "serving.kubeflow.org/inferenceservice": "enabled",
        "pod-security.kubernetes.io/enforce": "baseline",
      },
    },
  };
}

export function profile(t: TenantConfig): K8sObject {
  const hard = quotaHard(t.quota);
  const plugins = identityPlugins(t.identity);
  return {
    apiVersion: "kubeflow.org/v1",
    kind: "Profile",
    metadata: { name: t.name, labels: labels("tenant") },
    spec: {
      owner: { kind: "User", name: t.owner },
      ...(hard ? { resourceQuotaSpec: { hard } } : {}),
      ...(plugins.length ? { plugins } : {}),
    },
  };
}

/**
 * What removing the tenant from config does to one of its objects. "keep": it stays with the
 * namespace when the tenant is retained (retainOnDelete) and goes with it otherwise (deletedWith:
 * one namespace delete, not one call per object). "revoke": it is deleted either way — not
 * deletedWith the namespace, since a retained namespace would keep it. Pure.
 */
export function onTenantRemoval(
  t: Pick<TenantConfig, "retain">,
  ns: pulumi.Resource,
  fate: "keep" | "revoke",
): Pick<pulumi.CustomResourceOptions, "deletedWith" | "retainOnDelete"> {
  return fate === "keep" ? { deletedWith: ns, retainOnDelete: t.retain } : {};
}
