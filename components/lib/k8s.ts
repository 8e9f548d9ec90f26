// Small shared builders for Kubernetes objects we write ourselves.

/** A Kubernetes object as transforms and builders see it: plain data. */
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
};

export const MANAGED_BY = { "app.kubernetes.io/managed-by": "kubeflow-platform" };

/** Standard labels: what the object is part of, and who manages it. */
export function labels(
  component: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    "app.kubernetes.io/part-of": "kubeflow-platform",
    "app.kubernetes.io/component": component,
    ...MANAGED_BY,
    ...extra,
  };
}

/** Restricted Pod Security settings for a container. */
export const restrictedContainerSecurity = {
  allowPrivilegeEscalation: false,
  runAsNonRoot: true,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
};

/** Pulumi's await logic gives up on this object instead of waiting for it (e.g. a LoadBalancer). */
export const SKIP_AWAIT = { "pulumi.com/skipAwait": "true" };
