// Knative Serving (for KServe's serverless mode) with its Istio networking layer, wired to a
// cluster-local gateway of our own (the official Istio gateway chart, a second release), and
// Knative Eventing as an option. Both from kubeflow/manifests at the pinned release.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AppSettings } from "../config/apps";
import { labels } from "../lib/k8s";
import { pinnedChart } from "../upstream/charts";
import { upstreamKustomization } from "../upstream/kustomize";
import { knativeStorageVersionMigration } from "../migrations/knativeStorageVersion";
import { waitFor } from "../lib/transforms";
import { AppRequests, mergeResources, workloadSettings } from "../lib/workloads";
import { charts, manifests } from "../versions";
import { ISTIO_NAMESPACE } from "./istio";

/**
 * The gateway chart labels pods app=<release> and istio=<release minus "istio-">; upstream's
 * knative-local-gateway Service and Gateway select app/istio=cluster-local-gateway.
 */
export const LOCAL_GATEWAY_NAME = "cluster-local-gateway";

/** activator, autoscaler, controller, webhook, net-istio controller and webhook. */
export const KNATIVE_SERVING_REQUESTS: AppRequests = {
  workloads: 6,
  requests: { cpu: "25m", memory: "64Mi" },
  meshed: 6,
};
/**
 * Eventing controller, webhook, job sink and request-reply (the ping source adapter runs no
 * replica until a PingSource exists), the in-memory channel's controller and dispatcher, and the
 * broker's controller, filter and ingress.
 */
export const KNATIVE_EVENTING_REQUESTS: AppRequests = {
  workloads: 9,
  requests: { cpu: "10m", memory: "48Mi" },
};
/** The local gateway's proxy. */
export const LOCAL_GATEWAY_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "25m", memory: "64Mi" },
};

/** Values of the cluster-local gateway: in-cluster only, never exposed. Pure. */
export function localGatewayValues(): Record<string, unknown> {
  return {
    service: {
      type: "ClusterIP",
      ports: [{ name: "http2", port: 80, targetPort: 8080, protocol: "TCP" }],
    },
    resources: mergeResources(undefined, LOCAL_GATEWAY_REQUESTS.requests, undefined),
    autoscaling: { enabled: false },
  };
}

/** Traffic into the local gateway is allowed (it is reachable from inside the cluster only). */
export function localGatewayPolicy() {
  return {
    apiVersion: "security.istio.io/v1",
    kind: "AuthorizationPolicy",
    metadata: { name: LOCAL_GATEWAY_NAME, namespace: ISTIO_NAMESPACE, labels: labels("knative") },
    spec: {
      action: "ALLOW",
      selector: { matchLabels: { app: LOCAL_GATEWAY_NAME, istio: LOCAL_GATEWAY_NAME } },
      rules: [{}],
    },
  };
}

export interface KnativeArgs {
  settings: AppSettings;
  /** Istio (CRDs, istiod) and cert-manager. */
  dependsOn: pulumi.Resource[];
}

export class KnativeServing extends pulumi.ComponentResource {
  /** Knative's CRDs and webhooks are in: depend on this before creating Knative objects. */
  readonly ready: pulumi.Resource[];

  constructor(name: string, args: KnativeArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:foundation:KnativeServing", name, {}, opts);
    const gateway = pinnedChart(
      `${name}-local-gateway`,
      charts.istioGateway,
      ISTIO_NAMESPACE,
      localGatewayValues(),
      { parent: this, dependsOn: args.dependsOn },
      [],
      LOCAL_GATEWAY_NAME,
    );
    new k8s.apiextensions.CustomResource(`${name}-local-gateway-policy`, localGatewayPolicy(), {
      parent: this,
      dependsOn: args.dependsOn,
    });
    const serving = upstreamKustomization(
      `${name}-manifests`,
      {
        overlay: { paths: manifests.knativeServing.paths },
        transforms: [
          servingWaitsForWebhook,
          workloadSettings(KNATIVE_SERVING_REQUESTS, args.settings, SERVING_HPA_TARGETS),
        ],
      },
      { parent: this, dependsOn: [...args.dependsOn, gateway] },
    );
    // After an upgrade of Knative, its stored objects move to the current storage version.
    knativeStorageVersionMigration(`${name}-storage-migration`, {
      parent: this,
      dependsOn: [serving],
    });
    this.ready = [serving, gateway];
    this.registerOutputs({});
  }
}

// Deployments upstream's HPAs scale (checked at 26.03; verify's hpa-replicas check holds it).
export const SERVING_HPA_TARGETS = ["activator", "webhook"];
export const EVENTING_HPA_TARGETS = ["eventing-webhook", "mt-broker-ingress", "mt-broker-filter"];

/**
 * The networking Certificate (routing-serving-certs) is admitted by Knative's fail-closed
 * webhook.serving.knative.dev and validation.webhook.serving.knative.dev, served by the webhook
 * Deployment of the same kustomization: it waits for that Deployment.
 */
export const servingWaitsForWebhook = waitFor(
  { group: "apps", kind: "Deployment", name: "webhook", namespace: "knative-serving" },
  (o) => o.apiVersion.startsWith("networking.internal.knative.dev/"),
);

export class KnativeEventing extends pulumi.ComponentResource {
  constructor(name: string, args: KnativeArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:foundation:KnativeEventing", name, {}, opts);
    upstreamKustomization(
      `${name}-manifests`,
      {
        overlay: {
          paths: manifests.knativeEventing.paths,
          files: manifests.knativeEventing.files,
          namespace: "knative-eventing",
        },
        transforms: [
          workloadSettings(KNATIVE_EVENTING_REQUESTS, args.settings, EVENTING_HPA_TARGETS),
        ],
      },
      { parent: this, dependsOn: args.dependsOn },
    );
    this.registerOutputs({});
  }
}
