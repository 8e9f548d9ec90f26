// The cluster autoscaler grows and shrinks the node groups (from zero, thanks to their tags), with
// an IRSA role that may resize only this cluster's groups. GKE and AKS scale their pools themselves.
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { pinnedChart } from "../../upstream/charts";
import { AwsCluster } from "../../config/clusters";
import { HelmChartPin, clusterAutoscalerReleases } from "../../versions";
import { EksIdentity } from "./identity";
import { EksScope } from "./scope";

/** What the cluster autoscaler may do: read groups and types; resize only this cluster's groups. */
export function autoscalerPolicy(clusterName: string): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: [
          "autoscaling:DescribeAutoScalingGroups",
          "autoscaling:DescribeAutoScalingInstances",
          "autoscaling:DescribeLaunchConfigurations",
          "autoscaling:DescribeScalingActivities",
          "autoscaling:DescribeTags",
          "ec2:DescribeImages",
          "ec2:DescribeInstanceTypes",
          "ec2:DescribeLaunchTemplateVersions",
          "ec2:GetInstanceTypesFromInstanceRequirements",
          "eks:DescribeNodegroup",
        ],
        Resource: "*",
      },
      {
        Effect: "Allow",
        Action: [
          "autoscaling:SetDesiredCapacity",
          "autoscaling:TerminateInstanceInAutoScalingGroup",
        ],
        Resource: "*",
        Condition: {
          StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: "owned" },
        },
      },
    ],
  };
}

/**
 * The autoscaler release for a Kubernetes minor: chart and image of that minor (the config
 * refuses a minor without one, so this throws only on a program error). Pure.
 */
export function autoscalerRelease(kubernetesVersion: string): HelmChartPin {
  const pin = clusterAutoscalerReleases[kubernetesVersion];
  if (!pin)
    throw new Error(`no cluster-autoscaler release pinned for Kubernetes ${kubernetesVersion}`);
  return pin;
}

/** The image tag of a release: exactly the chart's appVersion. Pure. */
export const autoscalerImageTag = (pin: HelmChartPin) => pin.images[0].split(":")[1];

/**
 * Cluster autoscaler chart values: auto-discovery by the node groups' tags. Pure.
 * @param pin the release (autoscalerRelease); @default the 1.34 release
 */
export function autoscalerValues(
  clusterName: string,
  region: string,
  roleArn: pulumi.Input<string>,
  pin: HelmChartPin = clusterAutoscalerReleases["1.34"],
) {
  return {
    cloudProvider: "aws",
    awsRegion: region,
    autoDiscovery: { clusterName },
    image: { tag: autoscalerImageTag(pin) },
    rbac: {
      serviceAccount: {
        name: "cluster-autoscaler",
        annotations: { "eks.amazonaws.com/role-arn": roleArn },
      },
    },
    extraArgs: {
      "balance-similar-node-groups": true,
      "skip-nodes-with-system-pods": false,
      expander: "least-waste",
    },
    nodeSelector: { "kubeflow-platform/role": "system" },
    resources: { requests: { cpu: "20m", memory: "128Mi" } },
  };
}

/** The autoscaler's role, its policy and the chart. */
export function clusterAutoscaler(
  scope: EksScope,
  c: AwsCluster,
  identity: EksIdentity,
  opts: pulumi.ComponentResourceOptions,
): k8s.helm.v4.Chart {
  const pin = autoscalerRelease(c.kubernetesVersion);
  const { name, clusterName } = scope;
  const role = identity.irsaRole("cluster-autoscaler", ["kube-system:cluster-autoscaler"]);
  new aws.iam.RolePolicy(
    `${name}-cluster-autoscaler-policy`,
    { role: role.name, policy: JSON.stringify(autoscalerPolicy(clusterName)) },
    { parent: scope.parent },
  );
  return pinnedChart(
    `${name}-cluster-autoscaler-chart`,
    pin,
    "kube-system",
    autoscalerValues(clusterName, c.region, role.arn, pin),
    opts,
  );
}
