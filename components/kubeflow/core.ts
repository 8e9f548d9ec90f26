// Kubeflow's core from kubeflow/manifests at the pinned release: the kubeflow namespaces (Pod
// Security and Istio labels, network policies), the kubeflow-{admin,edit,view} roles, the Istio
// cluster roles, the Profiles controller with KFAM, the Central Dashboard and the PodDefaults
// webhook. Upstream's plain-HTTP gateway is dropped: ours (foundation/ingressAuth.ts) serves TLS.
import * as pulumi from "@pulumi/pulumi";
import { ObjectTransform } from "../lib/transforms";
import { AppRequests, workloadSettings } from "../lib/workloads";
import { upstreamKustomization } from "../upstream/kustomize";
import { manifests } from "../versions";

export const KUBEFLOW_NAMESPACE = "kubeflow";

/** The dashboard, the Profiles controller (with KFAM beside it) and the PodDefaults webhook. */
export const CORE_REQUESTS: AppRequests = {
  workloads: 3,
  requests: { cpu: "20m", memory: "64Mi" },
  meshed: 2,
};

export interface KubeflowCoreArgs {
  /** Ready cert-manager (issuer) and Istio (CRDs, webhook). */
  certManager: pulumi.Resource[];
  istio: pulumi.Resource[];
  /** The dashboard's menu: links to the installed apps only (dashboardLinks.ts). */
  dashboardMenu: ObjectTransform;
}

export class KubeflowCore extends pulumi.ComponentResource {
  /** The kubeflow namespace exists: depend on this for objects in it. */
  readonly namespace: pulumi.Resource;
  /** Profile CRD and controller: depend on this before creating Profiles. */
  readonly profiles: pulumi.Resource;
  /** PodDefaults CRD and its admission webhook. */
  readonly podDefaults: pulumi.Resource;

  constructor(name: string, args: KubeflowCoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:KubeflowCore", name, {}, opts);
    const parent = { parent: this };
    this.namespace = upstreamKustomization(
      `${name}-namespace`,
      { overlay: { paths: manifests.kubeflowNamespace.paths } },
      parent,
    );
    const roles = upstreamKustomization(
      `${name}-roles`,
      { overlay: { paths: manifests.kubeflowRoles.paths } },
      parent,
    );
    const istioResources = upstreamKustomization(
      `${name}-istio-resources`,
      {
        overlay: {
          paths: manifests.kubeflowIstioResources.paths,
          deletions: [
            {
              apiVersion: "networking.istio.io/v1alpha3",
              kind: "Gateway",
              name: "kubeflow-gateway",
              namespace: KUBEFLOW_NAMESPACE,
            },
          ],
        },
      },
      { parent: this, dependsOn: [this.namespace, ...args.istio] },
    );
    const after = [this.namespace, roles, istioResources, ...args.istio, ...args.certManager];
    const transforms = [workloadSettings(CORE_REQUESTS, {})];
    this.profiles = upstreamKustomization(
      `${name}-profiles`,
      { overlay: { paths: manifests.profiles.paths }, transforms },
      { parent: this, dependsOn: after },
    );
    upstreamKustomization(
      `${name}-central-dashboard`,
      {
        overlay: { paths: manifests.centralDashboard.paths },
        transforms: [args.dashboardMenu, ...transforms],
      },
      { parent: this, dependsOn: after },
    );
    this.podDefaults = upstreamKustomization(
      `${name}-poddefaults`,
      { overlay: { paths: manifests.podDefaults.paths }, transforms },
      { parent: this, dependsOn: after },
    );
    this.registerOutputs({});
  }
}
