// A tenant's cloud identity: Profile plugins where Kubeflow's profile controller has one (AWS IAM
// role, GCP service account), and on Azure a ServiceAccount of our own.
import { TenantConfig } from "../config/schema";
import { K8sObject, labels } from "../lib/k8s";

/** Profile plugins for the tenant's cloud identity, as Kubeflow's profile controller reads them. */
export function identityPlugins(identity: TenantConfig["identity"]): Record<string, unknown>[] {
  const plugins: Record<string, unknown>[] = [];
  if (identity?.awsIamRole)
    plugins.push({
      kind: "AwsIamForServiceAccount",
      // The cluster layer owns the role's trust policy; the controller only annotates.
      spec: { awsIamRole: identity.awsIamRole, annotateOnly: true },
    });
  if (identity?.gcpServiceAccount)
    plugins.push({
      kind: "WorkloadIdentity",
      spec: { gcpServiceAccount: identity.gcpServiceAccount },
    });
  return plugins;
}

/**
 * Azure has no profile plugin: the tenant's default-editor ServiceAccount is created by us with the
 * managed identity's client id (the Profile controller leaves an existing one alone).
 */
export function azureServiceAccount(t: TenantConfig): K8sObject | undefined {
  if (!t.identity?.azureClientId) return undefined;
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: {
      name: "default-editor",
      namespace: t.name,
      labels: labels("tenant"),
      annotations: { "azure.workload.identity/client-id": t.identity.azureClientId },
    },
  };
}
