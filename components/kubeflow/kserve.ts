// KServe from its official charts (CRDs first, then the controller) in kubeflow, routed through the
// Kubeflow gateway and, in serverless mode, Knative's cluster-local gateway; plus the models web app
// from kubeflow/manifests. Raw-deployment mode needs no Knative.
import * as pulumi from "@pulumi/pulumi";
import { AppSettings } from "../config/apps";
import { INGRESS_GATEWAY_NAME, ISTIO_NAMESPACE } from "../foundation/istio";
import { KUBEFLOW_GATEWAY } from "../foundation/ingressAuth";
import { pinnedChart } from "../lib/charts";
import { AppRequests, mergeResources } from "../lib/workloads";
import { charts, manifests } from "../versions";
import { KUBEFLOW_NAMESPACE } from "./core";
import { manifestsApp } from "./manifestsApp";

/** The KServe controller. */
export const KSERVE_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "50m", memory: "128Mi" },
};
/** The models web app. */
export const MODELS_WEB_APP_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "10m", memory: "64Mi" },
};

type KServeSettings = AppSettings & { mode: "serverless" | "rawDeployment" };

/** Controller chart values. Pure. */
export function kserveValues(settings: KServeSettings): Record<string, unknown> {
  return {
    kserve: {
      controller: {
        deploymentMode: settings.mode === "serverless" ? "Serverless" : "RawDeployment",
        resources: mergeResources(undefined, KSERVE_REQUESTS.requests, settings.resources),
        gateway: {
          ingressGateway: {
            gateway: `${KUBEFLOW_NAMESPACE}/${KUBEFLOW_GATEWAY}`,
            gatewayService: `${INGRESS_GATEWAY_NAME}.${ISTIO_NAMESPACE}.svc.cluster.local`,
          },
          localGateway: {
            gateway: "knative-serving/knative-local-gateway",
            gatewayService: `knative-local-gateway.${ISTIO_NAMESPACE}.svc.cluster.local`,
          },
        },
      },
    },
  };
}

export interface KServeArgs {
  settings: KServeSettings;
  /** Namespace, cert-manager, Istio; and Knative Serving in serverless mode. */
  dependsOn: pulumi.Resource[];
}

export class KServe extends pulumi.ComponentResource {
  constructor(name: string, args: KServeArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:KServe", name, {}, opts);
    // CRDs as a chart of their own, so they upgrade with the pinned version (Helm never upgrades
    // a chart's crds/ directory).
    const crds = pinnedChart(
      `${name}-crds`,
      charts.kserveCrd,
      KUBEFLOW_NAMESPACE,
      {},
      {
        parent: this,
        dependsOn: args.dependsOn,
      },
    );
    const controller = pinnedChart(
      `${name}-controller`,
      charts.kserve,
      KUBEFLOW_NAMESPACE,
      kserveValues(args.settings),
      { parent: this, dependsOn: [...args.dependsOn, crds] },
    );
    manifestsApp(this, `${name}-models-web-app`, manifests.modelsWebApp, MODELS_WEB_APP_REQUESTS, {
      settings: { replicas: args.settings.replicas },
      dependsOn: [...args.dependsOn, controller],
    });
    this.registerOutputs({});
  }
}
