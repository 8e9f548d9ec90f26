// kubeflow-data holds the platform's state (MySQL, MinIO). It is its own namespace so that deleting
// or recreating the kubeflow namespace can never take the data with it; it is protected and retained.
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

/** Only Kubeflow and tenant namespaces may reach the data services. */
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
