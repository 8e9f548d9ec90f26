// What Istio's sidecar injector adds to a pod, given our Istio settings: the proxy sidecar, and
// either istio-init (iptables as root with NET_ADMIN/NET_RAW: no CNI) or istio-validation (CNI).
// Facts from Istio 1.28's injection template (manifests/charts/istio-control/istio-discovery/
// files/injection-template.yaml at tag 1.28.0) and its webhook selectors.
import { K8sObject } from "../lib/k8s";
import { ChartValues } from "./render";
import { Container } from "./pods";

export interface MeshSettings {
  /** istiod injects for CNI (pilot.cni.enabled) and the CNI node agent is installed. */
  cni: boolean;
  /** global.proxy.seccompProfile: the template sets it on the proxy and the init container. */
  seccompProfile?: Record<string, unknown>;
  /** global.proxy.resources.requests: what each injected proxy asks for. */
  proxyRequests: { cpu?: string; memory?: string };
}

/** Our Istio settings, from the values the istiod and cni charts are given. Pure. */
export function meshSettings(chartValues: ChartValues[]): MeshSettings {
  const istiod = chartValues.find((c) => c.pin.chart === "istiod");
  const cniChart = chartValues.some((c) => c.pin.chart === "cni");
  const pilotCni = Boolean(
    (istiod?.values.pilot as { cni?: { enabled?: boolean } } | undefined)?.cni?.enabled,
  );
  const proxy = (
    istiod?.values.global as
      | {
          proxy?: {
            seccompProfile?: Record<string, unknown>;
            resources?: { requests?: MeshSettings["proxyRequests"] };
          };
        }
      | undefined
  )?.proxy;
  return {
    cni: pilotCni && cniChart,
    seccompProfile: proxy?.seccompProfile,
    proxyRequests: proxy?.resources?.requests ?? {},
  };
}

const PROXY_USER = 1337;

export const ISTIO_PROXY: Container = {
  name: "istio-proxy",
  image: "docker.io/istio/proxyv2:1.28.0",
  securityContext: {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ["ALL"] },
    privileged: false,
    readOnlyRootFilesystem: true,
    runAsGroup: PROXY_USER,
    runAsNonRoot: true,
    runAsUser: PROXY_USER,
  },
};

export const ISTIO_INIT: Container = {
  name: "istio-init",
  image: "docker.io/istio/proxyv2:1.28.0",
  securityContext: {
    allowPrivilegeEscalation: false,
    capabilities: { add: ["NET_ADMIN", "NET_RAW"], drop: ["ALL"] },
    privileged: false,
    readOnlyRootFilesystem: false,
    runAsGroup: 0,
    runAsNonRoot: false,
    runAsUser: 0,
  },
};

export const ISTIO_VALIDATION: Container = {
  name: "istio-validation",
  image: "docker.io/istio/proxyv2:1.28.0",
  securityContext: { ...ISTIO_PROXY.securityContext },
};

function injectFlag(meta: {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}) {
  return meta.labels?.["sidecar.istio.io/inject"] ?? meta.annotations?.["sidecar.istio.io/inject"];
}

/**
 * Whether the default injector mutates a pod: its namespace is labelled istio-injection=enabled
 * (or istio.io/rev) and the pod does not opt out, or the pod opts in with the
 * sidecar.istio.io/inject=true label in a namespace not labelled istio-injection=disabled. Pure.
 */
export function isInjected(
  namespace: K8sObject | undefined,
  pod: { labels?: Record<string, string>; annotations?: Record<string, string> },
): boolean {
  const nsLabels = namespace?.metadata.labels ?? {};
  const flag = injectFlag(pod);
  if (flag === "false") return false;
  if (nsLabels["istio-injection"] === "enabled" || nsLabels["istio.io/rev"]) return true;
  return (
    nsLabels["istio-injection"] !== "disabled" && pod.labels?.["sidecar.istio.io/inject"] === "true"
  );
}

/** The containers the injector adds, by list. Pure. */
export function injectedContainers(mesh: MeshSettings): {
  initContainers: Container[];
  containers: Container[];
} {
  const withSeccomp = (c: Container): Container =>
    mesh.seccompProfile
      ? { ...c, securityContext: { ...c.securityContext, seccompProfile: mesh.seccompProfile } }
      : c;
  return {
    initContainers: [withSeccomp(mesh.cni ? ISTIO_VALIDATION : ISTIO_INIT)],
    containers: [withSeccomp(ISTIO_PROXY)],
  };
}
