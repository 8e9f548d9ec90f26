// Managed node groups, one per pool: system, CPU, and GPU pools on the AL2023 NVIDIA AMI, tainted,
// scaling from zero, their size owned by the cluster autoscaler once they exist. Groups are named
// from a prefix (a replacing change creates the new group beside the old one), run the cluster's
// Kubernetes version, and their Auto Scaling groups carry the node-template tags the autoscaler
// reads to scale from zero (EKS does not copy node-group tags to the ASG).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsCluster, NodePool, gpusPerNode } from "../../config/clusters";
import { GPU_TAINT_TOLERATION, POOL_LABEL } from "../../config/schema";
import { EksNetwork } from "./network";
import { EksScope, awsManagedPolicy } from "./scope";

const NODE_TEMPLATE = "k8s.io/cluster-autoscaler/node-template";

/** The labels every node of a pool carries. Pure. */
export function poolLabels(pool: NodePool): Record<string, string> {
  return { [POOL_LABEL]: pool.name, "kubeflow-platform/role": pool.role };
}

/**
 * What a node of the pool will look like before one exists (labels, GPU taint, GPU count), as the
 * cluster autoscaler reads it from the Auto Scaling group's tags to scale up from zero. Pure.
 */
export function nodeTemplateTags(pool: NodePool, gpus: number): Record<string, string> {
  const tags = Object.fromEntries(
    Object.entries(poolLabels(pool)).map(([k, v]) => [`${NODE_TEMPLATE}/label/${k}`, v]),
  );
  if (pool.role === "gpu") {
    tags[`${NODE_TEMPLATE}/taint/${GPU_TAINT_TOLERATION.key}`] = "present:NoSchedule";
    tags[`${NODE_TEMPLATE}/resources/nvidia.com/gpu`] = String(gpus);
  }
  return tags;
}

/** Tags the cluster autoscaler discovers a node group by, plus its node template. Pure. */
export function autoscalerTags(
  clusterName: string,
  pool: NodePool,
  gpus: number,
): Record<string, string> {
  return {
    "k8s.io/cluster-autoscaler/enabled": "true",
    [`k8s.io/cluster-autoscaler/${clusterName}`]: "owned",
    ...nodeTemplateTags(pool, gpus),
  };
}

/** A managed node group's settings for a pool. Pure. */
export function nodeGroupSettings(clusterName: string, pool: NodePool) {
  const gpus = gpusPerNode("aws", pool);
  return {
    amiType: pool.role === "gpu" ? "AL2023_x86_64_NVIDIA" : "AL2023_x86_64_STANDARD",
    instanceTypes: [pool.machineType],
    diskSize: pool.diskGiB,
    scalingConfig: {
      minSize: pool.minSize,
      maxSize: pool.maxSize,
      desiredSize: pool.desiredSize ?? Math.max(pool.minSize, pool.role === "system" ? 1 : 0),
    },
    labels: poolLabels(pool),
    taints:
      pool.role === "gpu"
        ? [{ key: GPU_TAINT_TOLERATION.key, value: "present", effect: "NO_SCHEDULE" }]
        : [],
    tags: autoscalerTags(clusterName, pool, gpus),
  };
}

/** A tag's key as part of a Pulumi name: `k8s.io/cluster-autoscaler/node-template/taint/x` → `taint-x`. Pure. */
export function tagSlug(key: string): string {
  return key
    .replace(`${NODE_TEMPLATE}/`, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * The node template on the group's Auto Scaling group itself: node-group tags stay on the EKS
 * node group (the autoscaler reads the ASG), and only EKS's own discovery tags reach the ASG.
 * Not propagated to instances: the nodes get the real labels and taints from the node group.
 */
function asgNodeTemplate(scope: EksScope, pool: NodePool, group: aws.eks.NodeGroup): void {
  const asgName = group.resources.apply((r) => r[0].autoscalingGroups[0].name);
  for (const [key, value] of Object.entries(nodeTemplateTags(pool, gpusPerNode("aws", pool))))
    new aws.autoscaling.Tag(
      `${scope.name}-${pool.name}-asg-${tagSlug(key)}`,
      { autoscalingGroupName: asgName, tag: { key, value, propagateAtLaunch: false } },
      { parent: scope.parent },
    );
}

/** The nodes' role and a node group per pool. */
export function eksNodeGroups(
  scope: EksScope,
  c: AwsCluster,
  cluster: aws.eks.Cluster,
  network: EksNetwork,
  /** What nodes need before they join (the managed VPC CNI). */
  dependsOn: pulumi.Resource[] = [],
): aws.eks.NodeGroup[] {
  const { name, tags } = scope;
  const nodeRole = new aws.iam.Role(
    `${name}-node-role`,
    {
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "ec2.amazonaws.com" },
            Action: "sts:AssumeRole",
          },
        ],
      }),
      managedPolicyArns: [
        awsManagedPolicy("AmazonEKSWorkerNodePolicy"),
        awsManagedPolicy("AmazonEC2ContainerRegistryReadOnly"),
        awsManagedPolicy("AmazonEKS_CNI_Policy"),
      ],
      tags,
    },
    { parent: scope.parent },
  );
  return c.nodePools.map((pool) => {
    const s = nodeGroupSettings(scope.clusterName, pool);
    const group = new aws.eks.NodeGroup(
      `${name}-${pool.name}`,
      {
        clusterName: cluster.name,
        // AWS appends a unique suffix: a replacement (instance type, disk) is created beside the
        // group it replaces, with no name to collide on.
        nodeGroupNamePrefix: `${pool.name}-`,
        // Nodes follow the control plane; the AMI release within the version is AWS's latest for
        // it (releaseVersion unset), taken whenever `version` changes.
        version: cluster.version,
        nodeRoleArn: nodeRole.arn,
        subnetIds: network.privateSubnetIds,
        ...s,
        tags: { ...tags, ...s.tags },
      },
      // The cluster autoscaler owns the size once the group exists.
      { parent: scope.parent, ignoreChanges: ["scalingConfig.desiredSize"], dependsOn },
    );
    asgNodeTemplate(scope, pool, group);
    return group;
  });
}
