// Istio from its official charts: base (CRDs), istiod with the oauth2-proxy external-authorization
// provider, optional CNI, and the ingress gateway exposed the way the config says.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { IngressConfig } from "../config/schema";
import { pinnedChart } from "../upstream/charts";
import { labels, SKIP_AWAIT } from "../lib/k8s";
import { AppRequests } from "../lib/workloads";
import { charts } from "../versions";

export const ISTIO_NAMESPACE = "istio-system";
/** The gateway chart labels its pods app=<name> and istio=<name minus "istio-">. */
export const INGRESS_GATEWAY_NAME = "istio-ingressgateway";
export const OAUTH2_PROXY_PROVIDER = "oauth2-proxy";

export const ISTIOD_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "100m", memory: "256Mi" },
};
/** The CNI node agent, per node (the footprint counts one node). */
export const ISTIO_CNI_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "100m", memory: "100Mi" },
};
export const INGRESS_GATEWAY_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "50m", memory: "64Mi" },
};
/** Every meshed pod's proxy (not counted per app in the footprint: one per meshed pod). */
export const SIDECAR_REQUESTS = { cpu: "10m", memory: "64Mi" };

/**
 * Every meshed pod's proxy limits. The chart's default limits (2 CPU / 1 GiB) count against a
 * tenant's quota for every pod: with the default tenant quota a notebook and its proxy would use
 * half of it. Workloads that need more set sidecar.istio.io/proxyCPULimit on their pods.
 */
export const SIDECAR_LIMITS = { cpu: "500m", memory: "256Mi" };

/**
 * istiod refreshes a JWT issuer's keys every 20 minutes by default; upstream (kubeflow/manifests
 * 26.03, common/istio) sets 1m, so a Dex that starts after the RequestAuthentication is picked up
 * at once instead of answering 401 for up to 20 minutes.
 */
export const JWT_KEY_REFRESH = { PILOT_JWT_PUB_KEY_REFRESH_INTERVAL: "1m" };

export function istiodValues(cni: boolean): Record<string, unknown> {
  return {
    pilot: {
      resources: { requests: ISTIOD_REQUESTS.requests },
      cni: { enabled: cni },
      env: JWT_KEY_REFRESH,
    },
    global: {
      proxy: {
        resources: { requests: SIDECAR_REQUESTS, limits: SIDECAR_LIMITS },
        // The injection template copies this onto istio-proxy and istio-validation; without it
        // a pod whose seccomp profile is set per container (Knative's) is refused by restricted.
        seccompProfile: { type: "RuntimeDefault" },
      },
    },
    meshConfig: {
      accessLogFile: "/dev/stdout",
      extensionProviders: [
        {
          name: OAUTH2_PROXY_PROVIDER,
          envoyExtAuthzHttp: {
            service: "oauth2-proxy.oauth2-proxy.svc.cluster.local",
            port: 80,
            includeRequestHeadersInCheck: ["authorization", "cookie"],
            headersToUpstreamOnAllow: [
              "authorization",
              "path",
              "x-auth-request-email",
              "x-auth-request-groups",
              "x-auth-request-user",
            ],
            headersToDownstreamOnDeny: ["content-type", "set-cookie"],
          },
        },
      ],
    },
  };
}

/**
 * The ServiceAccount the ingress gateway runs as. Upstream's AuthorizationPolicies (dashboard,
 * Jupyter, KFP UI, Katib, Model Registry, models web app, Tensorboards, Volumes) and the profile
 * controller's ISTIO_INGRESS_GATEWAY_PRINCIPAL allow only this name (kubeflow/manifests 26.03); the
 * gateway chart would otherwise name it after the release (`istio-ingressgateway`).
 */
export const INGRESS_GATEWAY_SERVICE_ACCOUNT = "istio-ingressgateway-service-account";

/** Values of the CNI chart: no profile (the chart has no "default" one); GKE's bin dir on GKE. */
export function cniValues(platform: IstioPlatform): Record<string, unknown> {
  // /opt/cni/bin is read-only on GKE's nodes. The chart's GKE profile leaves cniBinDir empty and
  // detects GKE from the server's version string, which a render without a cluster cannot see:
  // the bin dir is set outright (cni.cniBinDir; checked with helm at 1.28.0).
  const resources = { resources: { requests: ISTIO_CNI_REQUESTS.requests } };
  return platform === "gke"
    ? { ...resources, global: { platform: "gke" }, cni: { cniBinDir: "/home/kubernetes/bin" } }
    : resources;
}

export type IstioPlatform = "gke" | undefined;

/** Gateway Service per exposure mode. A LoadBalancer that never gets an address must not hang `up`. */
export function gatewayValues(ingress: IngressConfig): Record<string, unknown> {
  const ports = [
    {
      name: "http2",
      port: 80,
      targetPort: 80,
      protocol: "TCP",
      ...(ingress.httpNodePort ? { nodePort: ingress.httpNodePort } : {}),
    },
    {
      name: "https",
      port: 443,
      targetPort: 443,
      protocol: "TCP",
      ...(ingress.httpsNodePort ? { nodePort: ingress.httpsNodePort } : {}),
    },
  ];
  const annotations = {
    ...ingress.serviceAnnotations,
    ...(ingress.serviceType === "LoadBalancer" ? SKIP_AWAIT : {}),
  };
  return {
    service: {
      type: ingress.serviceType,
      ports,
      annotations,
      ...(ingress.loadBalancerSourceRanges
        ? { loadBalancerSourceRanges: ingress.loadBalancerSourceRanges }
        : {}),
      ...(ingress.staticIp ? { loadBalancerIP: ingress.staticIp } : {}),
    },
    resources: { requests: INGRESS_GATEWAY_REQUESTS.requests },
    autoscaling: { enabled: false },
    serviceAccount: { name: INGRESS_GATEWAY_SERVICE_ACCOUNT },
  };
}

export interface IstioArgs {
  ingress: IngressConfig;
  cni: boolean;
  /** The cluster's platform where the CNI chart needs it. @default none */
  platform?: IstioPlatform;
}

export class Istio extends pulumi.ComponentResource {
  /** CRDs and the validating webhook: depend on this before creating Istio objects. */
  readonly ready: pulumi.Resource[];

  constructor(name: string, args: IstioArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:foundation:Istio", name, {}, opts);
    const ns = new k8s.core.v1.Namespace(
      `${name}-namespace`,
      { metadata: { name: ISTIO_NAMESPACE, labels: labels("istio") } },
      { parent: this },
    );
    const base = pinnedChart(
      `${name}-base`,
      charts.istioBase,
      ISTIO_NAMESPACE,
      { defaultRevision: "default" },
      { parent: this, dependsOn: [ns] },
    );
    const cni = args.cni
      ? [
          pinnedChart(`${name}-cni`, charts.istioCni, "kube-system", cniValues(args.platform), {
            parent: this,
            dependsOn: [base],
          }),
        ]
      : [];
    const istiod = pinnedChart(
      `${name}-istiod`,
      charts.istiod,
      ISTIO_NAMESPACE,
      istiodValues(args.cni),
      {
        parent: this,
        dependsOn: [base, ...cni],
      },
    );
    // The gateway pods get their proxy from istiod's injector, so istiod must be up first.
    const gateway = pinnedChart(
      `${name}-ingressgateway`,
      charts.istioGateway,
      ISTIO_NAMESPACE,
      gatewayValues(args.ingress),
      { parent: this, dependsOn: [istiod] },
      [],
      INGRESS_GATEWAY_NAME,
    );
    this.ready = [base, istiod, gateway];
    this.registerOutputs({});
  }
}
