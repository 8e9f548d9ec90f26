// A Service in front of something outside the cluster (a managed database): for a DNS name an
// ExternalName Service (a CNAME in cluster DNS); for an IP address a Service without a selector and
// an EndpointSlice naming the address, because cluster DNS does not resolve an IP-shaped
// ExternalName (Kubernetes' Service docs: ExternalName takes a DNS name, and IPv4 addresses there
// are not resolved). Pure builders: the callers register the objects.
import { isIPv4, isIPv6 } from "net";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

export type ExternalAddressType = "IPv4" | "IPv6";

/** Whether a host is an IP address (and which), or a DNS name (undefined). Pure. */
export function addressTypeOf(host: string): ExternalAddressType | undefined {
  return isIPv4(host) ? "IPv4" : isIPv6(host) ? "IPv6" : undefined;
}

export interface ExternalServiceArgs {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  host: pulumi.Input<string>;
  /** The host is an address of this type; absent: a DNS name. */
  addressType?: ExternalAddressType;
  port: number;
  portName: string;
}

export interface ExternalServiceObjects {
  service: k8s.core.v1.ServiceArgs;
  /** discovery.k8s.io/v1 EndpointSlice, only for an IP address. */
  endpointSlice?: k8s.discovery.v1.EndpointSliceArgs;
}

/** The Service (and, for an IP, its EndpointSlice). Pure. */
export function externalServiceObjects(a: ExternalServiceArgs): ExternalServiceObjects {
  const metadata = { name: a.name, namespace: a.namespace, labels: a.labels };
  if (!a.addressType)
    return { service: { metadata, spec: { type: "ExternalName", externalName: a.host } } };
  return {
    service: {
      metadata,
      // No selector: the endpoints are ours, not the EndpointSlice controller's.
      spec: {
        type: "ClusterIP",
        ports: [{ name: a.portName, port: a.port, targetPort: a.port, protocol: "TCP" }],
      },
    },
    endpointSlice: {
      metadata: {
        name: a.name,
        namespace: a.namespace,
        labels: {
          ...a.labels,
          // Ties the slice to the Service; the managed-by value keeps the controller off it.
          "kubernetes.io/service-name": a.name,
          "endpointslice.kubernetes.io/managed-by": "kubeflow-platform",
        },
      },
      addressType: a.addressType,
      ports: [{ name: a.portName, port: a.port, protocol: "TCP" }],
      endpoints: [{ addresses: [a.host], conditions: { ready: true } }],
    },
  };
}
