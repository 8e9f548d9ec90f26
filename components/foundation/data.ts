// What every data service (MySQL, MinIO) is made of besides its server: the kubeflow-data namespace,
// a retained volume, a Service and the NetworkPolicy that admits only Kubeflow and tenants. Pure
// builders, except dataNamespace (the namespace itself).
//
// kubeflow-data holds the platform's state. It is its own namespace so that deleting or recreating
// the kubeflow namespace can never take the data with it; it is protected and retained.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { labels } from "../lib/k8s";

export const DATA_NAMESPACE = "kubeflow-data";

export function dataNamespace(
  name: string,
  opts: pulumi.CustomResourceOptions,
): k8s.core.v1.Namespace {
  return new k8s.core.v1.Namespace(
    name,
    {
      metadata: {
        name: DATA_NAMESPACE,
        // No sidecars: MySQL and MinIO are reached by plain TCP from meshed and unmeshed clients.
        labels: labels("data", {
          "pod-security.kubernetes.io/enforce": "restricted",
          "istio-injection": "disabled",
        }),
      },
    },
    { ...opts, protect: true, retainOnDelete: true },
  );
}

/**
 * A pod security context the namespace's restricted profile admits, running as the image's own
 * non-root user. `fsGroup` makes mounted volumes writable by that user (servers need it for their
 * data volume; Jobs that only read a Secret do not). Pure.
 */
export function restrictedPodSecurity(
  uid: number,
  fsGroup: boolean,
): k8s.types.input.core.v1.PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: uid,
    ...(fsGroup ? { fsGroup: uid } : {}),
    seccompProfile: { type: "RuntimeDefault" },
  };
}

/** The data service's volume claim, named <app>-data. Pure. */
export function dataVolumeClaim(
  app: string,
  storageGiB: number,
  storageClass?: string,
): k8s.core.v1.PersistentVolumeClaimArgs {
  return {
    metadata: { name: `${app}-data`, namespace: DATA_NAMESPACE, labels: labels(app) },
    spec: {
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: `${storageGiB}Gi` } },
      ...(storageClass ? { storageClassName: storageClass } : {}),
    },
  };
}

/** The data service's Service: one port, named for Istio's protocol selection. Pure. */
export function dataService(app: string, port: number, portName: string): k8s.core.v1.ServiceArgs {
  return {
    metadata: { name: app, namespace: DATA_NAMESPACE, labels: labels(app) },
    spec: {
      selector: { "app.kubernetes.io/name": app },
      ports: [{ name: portName, port, targetPort: port }],
    },
  };
}

/** Only Kubeflow and tenant namespaces may reach the data services. Pure. */
export function dataNetworkPolicy(app: string, port: number): k8s.networking.v1.NetworkPolicyArgs {
  return {
    metadata: { name: `${app}-clients`, namespace: DATA_NAMESPACE, labels: labels(app) },
    spec: {
      podSelector: { matchLabels: { "app.kubernetes.io/name": app } },
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kubeflow" } } },
            {
              namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": DATA_NAMESPACE } },
            },
            {
              namespaceSelector: {
                matchLabels: { "app.kubernetes.io/part-of": "kubeflow-profile" },
              },
            },
          ],
          ports: [{ port, protocol: "TCP" }],
        },
      ],
    },
  };
}
