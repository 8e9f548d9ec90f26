// A Kubernetes object's URN carries its apiVersion (type kubernetes:<group>/<version>:<Kind>). When
// upstream moves an object to another served version of its kind (26.03 still ships Istio objects
// at v1alpha3 and v1beta1 beside v1), the URN changes: without an alias the engine creates the "new"
// object first, and since pulumi-kubernetes 4.29 that create fails with AlreadyExists. One stack
// transform gives every Kubernetes resource an alias for each other served version of its kind.
import * as pulumi from "@pulumi/pulumi";
import { handBackOptions } from "./transforms";

/**
 * The kinds we install whose CRD (or built-in API) serves more than one version, by group. Facts:
 * Istio from manifests/charts/base/files/crd-all.gen.yaml at 1.28.0; kubeflow.org and Knative from
 * the CRDs rendered from kubeflow/manifests 26.03 (test/lib/apiVersionAliases.test.ts compares this
 * table with every multi-version CRD of the render, so a new one cannot be missed); HPAs are served
 * as autoscaling/v1 and v2 by every Kubernetes the platform supports.
 */
export const SERVED_VERSIONS: Record<string, Record<string, string[]>> = {
  "networking.istio.io": Object.fromEntries(
    [
      "DestinationRule",
      "Gateway",
      "ServiceEntry",
      "Sidecar",
      "VirtualService",
      "WorkloadEntry",
      "WorkloadGroup",
    ].map((kind) => [kind, ["v1", "v1alpha3", "v1beta1"]]),
  ),
  "security.istio.io": Object.fromEntries(
    ["AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication"].map((kind) => [
      kind,
      ["v1", "v1beta1"],
    ]),
  ),
  "telemetry.istio.io": { Telemetry: ["v1", "v1alpha1"] },
  "kubeflow.org": { Profile: ["v1", "v1beta1"], Notebook: ["v1", "v1alpha1", "v1beta1"] },
  "eventing.knative.dev": { EventType: ["v1beta1", "v1beta2", "v1beta3"] },
  "sources.knative.dev": { PingSource: ["v1", "v1beta2"] },
  autoscaling: { HorizontalPodAutoscaler: ["v1", "v2"] },
};

const TYPE = /^kubernetes:([^/:]+)\/([^/:]+):(.+)$/;

/** The type tokens of the same kind at its other served versions (none if it has one). Pure. */
export function otherVersionTypes(type: string): string[] {
  const m = TYPE.exec(type);
  if (!m) return [];
  const [, group, version, kind] = m;
  const versions = SERVED_VERSIONS[group]?.[kind] ?? [];
  if (!versions.includes(version)) return [];
  return versions.filter((v) => v !== version).map((v) => `kubernetes:${group}/${v}:${kind}`);
}

/** The stack transform: aliases for the other served versions, added to the resource's own. */
export const apiVersionAliases: pulumi.ResourceTransform = (args) => {
  const types = otherVersionTypes(args.type);
  if (types.length === 0) return undefined;
  const aliases = [...(args.opts.aliases ?? []), ...types.map((type) => ({ type }))];
  return { props: args.props, opts: handBackOptions(args.opts, { aliases }) };
};
