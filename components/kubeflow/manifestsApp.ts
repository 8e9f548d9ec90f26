// The shape every app from kubeflow/manifests shares: its pinned paths as one overlay, the
// platform's requests and the user's replicas/resources applied to its workloads, ordered after what
// it needs. App files add their own deletions and transforms.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AppSettings } from "../config/apps";
import { ObjectRef, upstreamKustomization } from "../upstream/kustomize";
import { ObjectTransform } from "../lib/transforms";
import { AppRequests, workloadSettings } from "../lib/workloads";
import { KustomizePin } from "../versions";

export interface ManifestsAppArgs {
  settings: AppSettings;
  /** Namespace, cert-manager, Istio and whatever else the app needs first. */
  dependsOn: pulumi.Resource[];
}

export function manifestsApp(
  parent: pulumi.ComponentResource,
  name: string,
  pin: KustomizePin,
  requests: AppRequests,
  args: ManifestsAppArgs,
  extra: { deletions?: ObjectRef[]; transforms?: ObjectTransform[]; namespace?: string } = {},
): k8s.kustomize.v2.Directory {
  return upstreamKustomization(
    name,
    {
      overlay: { paths: pin.paths, deletions: extra.deletions, namespace: extra.namespace },
      transforms: [...(extra.transforms ?? []), workloadSettings(requests, args.settings)],
    },
    { parent, dependsOn: args.dependsOn },
  );
}
