// Managed node groups, one per pool: system, CPU, and GPU pools on the AL2023 NVIDIA AMI, tainted,
// scaling from zero, their size owned by the cluster autoscaler once they exist.
import * as aws from "@pulumi/aws";
import { AwsCluster, NodePool, gpusPerNode } from "../../config/clusters";
import { GPU_TAINT_TOLERATION, POOL_LABEL } from "../../config/schema";
import { EksNetwork } from "./network";
import { EksScope, awsManagedPolicy } from "./scope";

/** Tags the cluster autoscaler reads to scale a node group up from zero nodes. Pure. */
export function autoscalerTags(
  clusterName: string,
  pool: NodePool,
  gpus: number,
): Record<string, string> {
  const tags: Record<string, string> = {
    "k8s.io/cluster-autoscaler/enabled": "true",
    [`k8s.io/cluster-autoscaler/${clusterName}`]: "owned",
    [`k8s.io/cluster-autoscaler/node-template/label/${POOL_LABEL}`]: pool.name,
  };
  if (pool.role === "gpu") {
    tags["k8s.io/cluster-autoscaler/node-template/taint/nvidia.com/gpu"] = "present:NoSchedule";
    tags["k8s.io/cluster-autoscaler/node-template/resources/nvidia.com/gpu"] = String(gpus);
  }
  return tags;
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
    labels: { [POOL_LABEL]: pool.name, "kubeflow-platform/role": pool.role },
    taints:
      pool.role === "gpu"
        ? [{ key: GPU_TAINT_TOLERATION.key, value: "present", effect: "NO_SCHEDULE" }]
        : [],
    tags: autoscalerTags(clusterName, pool, gpus),
  };
}

/** The nodes' role and a node group per pool. */
export function eksNodeGroups(
  scope: EksScope,
  c: AwsCluster,
  cluster: aws.eks.Cluster,
  network: EksNetwork,
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
    return new aws.eks.NodeGroup(
      `${name}-${pool.name}`,
      {
        clusterName: cluster.name,
        nodeGroupName: pool.name,
        nodeRoleArn: nodeRole.arn,
        subnetIds: network.privateSubnetIds,
        ...s,
        tags: { ...tags, ...s.tags },
      },
      // The cluster autoscaler owns the size once the group exists.
      { parent: scope.parent, ignoreChanges: ["scalingConfig.desiredSize"] },
    );
  });
}
