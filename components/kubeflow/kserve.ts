// KServe from its official charts (CRDs first, then the controller) in kubeflow, routed through the
// Kubeflow gateway and, in serverless mode, Knative's cluster-local gateway; plus the models web app
// from kubeflow/manifests. Raw-deployment mode needs no Knative.
import * as pulumi from "@pulumi/pulumi";
import { AppSettings } from "../config/apps";
import { ISTIO_NAMESPACE } from "../foundation/istio";
import { KUBEFLOW_GATEWAY } from "../foundation/ingressAuth";
import { pinnedChart } from "../upstream/charts";
import { forObject, waitFor } from "../lib/transforms";
import { AppRoleRules, EDIT_VERBS, kubeflowRoles, VIEW_VERBS } from "./roles";
import { AppRequests, mergeResources } from "../lib/workloads";
import { charts, manifests } from "../versions";
import { KUBEFLOW_NAMESPACE } from "./core";
import { manifestsApp } from "./manifestsApp";
import { AppModule } from "./app";

/** The KServe controller. */
export const KSERVE_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "50m", memory: "128Mi" },
  extra: { cpu: "10m", memory: "32Mi" },
};

/** The controller's kube-rbac-proxy (the chart asks 100m/300Mi for a metrics proxy). */
export const KSERVE_RBAC_PROXY_RESOURCES = {
  requests: { cpu: "10m", memory: "32Mi" },
  limits: { cpu: "100m", memory: "128Mi" },
};
/** The models web app. */
export const MODELS_WEB_APP_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "10m", memory: "64Mi" },
  meshed: 1,
};

type KServeSettings = AppSettings & { mode: "serverless" | "rawDeployment" };

/** Controller chart values. Pure. */
const NO_SIDECAR = { "sidecar.istio.io/inject": "false" };

export function kserveValues(settings: KServeSettings): Record<string, unknown> {
  return {
    kserve: {
      controller: {
        deploymentMode: settings.mode === "serverless" ? "Serverless" : "RawDeployment",
        resources: mergeResources(undefined, KSERVE_REQUESTS.requests, settings.resources),
        // Upstream's controller runs without a sidecar (kserve_kubeflow.yaml at 26.03): the API
        // server calls its webhooks without mTLS.
        podAnnotations: NO_SIDECAR,
        rbacProxy: { resources: KSERVE_RBAC_PROXY_RESOURCES },
        gateway: {
          ingressGateway: {
            // The chart has no ingressGateway.gatewayService (its configmap template reads only
            // gateway, kserveGateway, className and the Gateway API switches; checked at v0.16.0).
            gateway: `${KUBEFLOW_NAMESPACE}/${KUBEFLOW_GATEWAY}`,
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

/**
 * The chart's ClusterServingRuntimes and ClusterStorageContainer are admitted by KServe's
 * fail-closed validating webhooks, served by kserve-controller-manager in the same chart.
 */
export const kserveWaitsForWebhook = waitFor(
  {
    group: "apps",
    kind: "Deployment",
    name: "kserve-controller-manager",
    namespace: KUBEFLOW_NAMESPACE,
  },
  (o) => ["ClusterServingRuntime", "ClusterStorageContainer"].includes(o.kind),
);

/**
 * Upstream (kubeflow/manifests 26.03, applications/kserve/kserve/kustomization.yaml) routes models
 * through the Kubeflow gateway by path: /serving/<namespace>/<name>. The chart has no value for
 * pathTemplate, so it is added to the rendered inferenceservice-config.
 */
export const KSERVE_PATH_TEMPLATE = "/serving/{{ .Namespace }}/{{ .Name }}";
export const inferenceServiceIngress = forObject("ConfigMap", "inferenceservice-config", (obj) => {
  const data = (obj.data ?? {}) as Record<string, string>;
  if (!data.ingress) return obj;
  const ingress = JSON.parse(data.ingress) as Record<string, unknown>;
  obj.data = {
    ...data,
    ingress: JSON.stringify({ ...ingress, pathTemplate: KSERVE_PATH_TEMPLATE }, null, 2),
  };
  return obj;
});

/** What upstream's kubeflow-kserve-{edit,view} grant (kserve_kubeflow.yaml at 26.03). */
const KSERVE_RESOURCES = [
  "inferencegraphs",
  "inferenceservices",
  "servingruntimes",
  "trainedmodels",
];
const KNATIVE_SERVICE_RESOURCES = ["services", "routes", "configurations", "revisions"].flatMap(
  (r) => [r, `${r}/status`],
);

export const KSERVE_ROLE_RULES: AppRoleRules = {
  edit: [
    { apiGroups: ["serving.kserve.io"], resources: KSERVE_RESOURCES, verbs: EDIT_VERBS },
    { apiGroups: ["serving.knative.dev"], resources: KNATIVE_SERVICE_RESOURCES, verbs: EDIT_VERBS },
  ],
  view: [
    { apiGroups: ["serving.kserve.io"], resources: KSERVE_RESOURCES, verbs: VIEW_VERBS },
    // Upstream's view role reads Knative services without watch.
    {
      apiGroups: ["serving.knative.dev"],
      resources: KNATIVE_SERVICE_RESOURCES,
      verbs: ["get", "list"],
    },
  ],
};

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
      [kserveWaitsForWebhook, inferenceServiceIngress],
    );
    kubeflowRoles(this, "kserve", KSERVE_ROLE_RULES, { dependsOn: [crds] });
    manifestsApp(this, `${name}-models-web-app`, manifests.modelsWebApp, MODELS_WEB_APP_REQUESTS, {
      settings: { replicas: args.settings.replicas },
      dependsOn: [...args.dependsOn, controller],
    });
    this.registerOutputs({});
  }
}

export const KSERVE: AppModule<"kserve"> = {
  name: "kserve",
  doc: {
    title: "KServe controller and models web app",
    file: "components/kubeflow/kserve.ts",
    needs: "cert-manager, Istio; Knative Serving in serverless mode",
    options: "`mode` (serverless or rawDeployment)",
  },
  artifacts: [charts.kserveCrd, charts.kserve, manifests.modelsWebApp],
  requests: [KSERVE_REQUESTS, MODELS_WEB_APP_REQUESTS],
  dashboardLink: { path: /^\/kserve-endpoints\// },
  after: ["knativeServing"],
  build: (ctx) => {
    const knative = ctx.built.knativeServing;
    const serverless = ctx.settings.mode === "serverless" && knative;
    return {
      component: new KServe(
        "kserve",
        {
          settings: ctx.settings,
          dependsOn: [...ctx.deps.base, ...(serverless ? (knative.ready ?? []) : [])],
        },
        ctx.opts,
      ),
    };
  },
};
