// cert-manager from its official chart, plus the self-signed ClusterIssuer Kubeflow's webhooks
// (Pipelines cache, PodDefaults, Katib) name in their Certificates.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { pinnedChart } from "../upstream/charts";
import { labels, restrictedContainerSecurity } from "../lib/k8s";
import { AppRequests } from "../lib/workloads";
import { charts, images } from "../versions";

export const CERT_MANAGER_NAMESPACE = "cert-manager";
/** Upstream Kubeflow manifests reference this issuer by name. */
export const SELF_SIGNING_ISSUER = "kubeflow-self-signing-issuer";

/** Controller, webhook and CA injector. */
export const CERT_MANAGER_REQUESTS: AppRequests = {
  workloads: 3,
  requests: { cpu: "10m", memory: "64Mi" },
};

export function certManagerValues(): Record<string, unknown> {
  const resources = { requests: CERT_MANAGER_REQUESTS.requests };
  return {
    // CRDs are chart templates, so they are managed (and upgraded) as Pulumi resources.
    crds: { enabled: true, keep: true },
    global: { leaderElection: { namespace: CERT_MANAGER_NAMESPACE } },
    resources,
    webhook: { resources },
    cainjector: { resources },
    // The startup check is a Helm hook; helm.v4.Chart skips hooks, so do not render it.
    startupapicheck: { enabled: false },
  };
}

const API_CHECK = "cert-manager-api-check";

/**
 * What the chart's startupapicheck hook does (helm.v4.Chart drops hooks): wait until the webhook
 * admits cert-manager objects (its CA injected, its endpoint up) by a dry-run Certificate create.
 * Pulumi waits for the Job to complete, so the issuers after it never race the webhook. Pure.
 */
export function apiCheckObjects(): Record<string, Record<string, unknown>> {
  const metadata = {
    name: API_CHECK,
    namespace: CERT_MANAGER_NAMESPACE,
    labels: labels("cert-manager"),
  };
  return {
    serviceAccount: { metadata },
    role: {
      metadata,
      rules: [{ apiGroups: ["cert-manager.io"], resources: ["certificates"], verbs: ["create"] }],
    },
    roleBinding: {
      metadata,
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: API_CHECK },
      subjects: [{ kind: "ServiceAccount", name: API_CHECK, namespace: CERT_MANAGER_NAMESPACE }],
    },
    job: {
      metadata,
      spec: {
        backoffLimit: 6,
        template: {
          metadata: { labels: labels("cert-manager") },
          spec: {
            serviceAccountName: API_CHECK,
            restartPolicy: "OnFailure",
            securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
            containers: [
              {
                name: "check",
                image: images.certManagerApiCheck,
                args: ["check", "api", "--wait=5m", "-v"],
                resources: { requests: { cpu: "10m", memory: "32Mi" } },
                securityContext: restrictedContainerSecurity,
              },
            ],
          },
        },
      },
    },
  };
}

export function selfSigningIssuer() {
  return {
    apiVersion: "cert-manager.io/v1",
    kind: "ClusterIssuer",
    metadata: { name: SELF_SIGNING_ISSUER, labels: labels("cert-manager") },
    spec: { selfSigned: {} },
  };
}

export class CertManager extends pulumi.ComponentResource {
  /** Depend on this for anything that creates Certificates or Issuers. */
  readonly ready: pulumi.Resource[];

  constructor(name: string, _args: Record<string, never>, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:foundation:CertManager", name, {}, opts);
    const ns = new k8s.core.v1.Namespace(
      `${name}-namespace`,
      { metadata: { name: CERT_MANAGER_NAMESPACE, labels: labels("cert-manager") } },
      { parent: this },
    );
    const chart = pinnedChart(
      `${name}-chart`,
      charts.certManager,
      CERT_MANAGER_NAMESPACE,
      certManagerValues(),
      {
        parent: this,
        dependsOn: [ns],
      },
    );
    const check = apiCheckObjects();
    const after = { parent: this, dependsOn: [chart] };
    const sa = new k8s.core.v1.ServiceAccount(`${name}-api-check`, check.serviceAccount, after);
    const role = new k8s.rbac.v1.Role(
      `${name}-api-check`,
      check.role as k8s.rbac.v1.RoleArgs,
      after,
    );
    const binding = new k8s.rbac.v1.RoleBinding(
      `${name}-api-check`,
      check.roleBinding as unknown as k8s.rbac.v1.RoleBindingArgs,
      { parent: this, dependsOn: [role, sa] },
    );
    const apiReady = new k8s.batch.v1.Job(`${name}-api-check`, check.job as k8s.batch.v1.JobArgs, {
      parent: this,
      dependsOn: [chart, binding],
    });
    const issuer = new k8s.apiextensions.CustomResource(
      `${name}-self-signing-issuer`,
      selfSigningIssuer(),
      { parent: this, dependsOn: [chart, apiReady] },
    );
    this.ready = [chart, apiReady, issuer];
    this.registerOutputs({});
  }
}
