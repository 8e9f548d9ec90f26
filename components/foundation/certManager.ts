// cert-manager from its official chart, plus the self-signed ClusterIssuer Kubeflow's webhooks
// (Pipelines cache, PodDefaults, Katib) name in their Certificates.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { pinnedChart } from "../lib/charts";
import { labels } from "../lib/k8s";
import { AppRequests } from "../lib/workloads";
import { charts } from "../versions";

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
    const issuer = new k8s.apiextensions.CustomResource(
      `${name}-self-signing-issuer`,
      selfSigningIssuer(),
      {
        parent: this,
        dependsOn: [chart],
      },
    );
    this.ready = [chart, issuer];
    this.registerOutputs({});
  }
}
