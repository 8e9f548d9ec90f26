// EKS add-ons: the VPC CNI, kube-proxy and CoreDNS that EKS bootstraps as self-managed copies
// nobody upgrades become managed add-ons (adopting the bootstrap objects), and the CSI drivers.
// Each version is resolved for the cluster's Kubernetes version (components/versions.ts, eksAddons).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { eksAddons } from "../../versions";
import { EksScope } from "./scope";

/**
 * How an add-on meets what is already there. On create, OVERWRITE adopts the self-managed objects
 * EKS bootstrapped (same names) instead of failing on them; on update, OVERWRITE keeps the add-on
 * as AWS ships it. `preserve` keeps the core add-ons' objects running should the add-on resource
 * ever be deleted: a cluster without CNI, kube-proxy or DNS is down. As pulumi-eks sets them.
 */
export function addonSettings(addonName: string) {
  return {
    resolveConflictsOnCreate: "OVERWRITE",
    resolveConflictsOnUpdate: "OVERWRITE",
    preserve: (eksAddons.core as readonly string[]).includes(addonName),
  };
}

/** The add-on's version for the cluster's Kubernetes version (AWS's newest build for it). */
export function addonVersion(
  scope: EksScope,
  addonName: string,
  cluster: aws.eks.Cluster,
): pulumi.Output<string> {
  return aws.eks
    .getAddonVersionOutput(
      { addonName, kubernetesVersion: cluster.version, mostRecent: eksAddons.mostRecent },
      { parent: scope.parent },
    )
    .apply((v) => v.version);
}

/** One managed add-on. */
export function eksAddon(
  scope: EksScope,
  cluster: aws.eks.Cluster,
  addonName: string,
  resourceName: string,
  extra: { serviceAccountRoleArn?: pulumi.Input<string> } = {},
  dependsOn: pulumi.Resource[] = [],
): aws.eks.Addon {
  return new aws.eks.Addon(
    `${scope.name}-${resourceName}`,
    {
      clusterName: cluster.name,
      addonName,
      addonVersion: addonVersion(scope, addonName, cluster),
      ...addonSettings(addonName),
      ...extra,
      tags: scope.tags,
    },
    { parent: scope.parent, dependsOn },
  );
}

export interface CoreAddons {
  /** Nodes join with the managed CNI. */
  vpcCni: aws.eks.Addon;
  kubeProxy: aws.eks.Addon;
}

/**
 * The VPC CNI and kube-proxy (DaemonSets: created before the node groups, which then join with
 * them). The CNI runs with the node role's AmazonEKS_CNI_Policy, as the bootstrap copy does.
 */
export function coreAddons(scope: EksScope, cluster: aws.eks.Cluster): CoreAddons {
  return {
    vpcCni: eksAddon(scope, cluster, "vpc-cni", "vpc-cni"),
    kubeProxy: eksAddon(scope, cluster, "kube-proxy", "kube-proxy"),
  };
}

/** CoreDNS, a Deployment: after the node groups, or the add-on waits on pods that cannot run. */
export function coreDns(
  scope: EksScope,
  cluster: aws.eks.Cluster,
  nodeGroups: aws.eks.NodeGroup[],
): aws.eks.Addon {
  return eksAddon(scope, cluster, "coredns", "coredns", {}, nodeGroups);
}
