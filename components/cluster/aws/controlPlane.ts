// The EKS control plane: its IAM role, the cluster (API-only access entries, private endpoint,
// control-plane logs, deletion protection) and an admin access entry per listed admin.
import * as aws from "@pulumi/aws";
import { AwsCluster } from "../../config/clusters";
import { EksNetwork } from "./network";
import { EksScope, awsManagedPolicy } from "./scope";

export const CLUSTER_ADMIN_POLICY =
  "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

/** The cluster and its admins' access entries. */
export function eksControlPlane(
  scope: EksScope,
  c: AwsCluster,
  network: EksNetwork,
): aws.eks.Cluster {
  const { name, tags } = scope;
  const parent = { parent: scope.parent };
  const clusterRole = new aws.iam.Role(
    `${name}-cluster-role`,
    {
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "eks.amazonaws.com" },
            Action: ["sts:AssumeRole", "sts:TagSession"],
          },
        ],
      }),
      managedPolicyArns: [awsManagedPolicy("AmazonEKSClusterPolicy")],
      tags,
    },
    parent,
  );
  const cluster = new aws.eks.Cluster(
    `${name}-eks`,
    {
      name: scope.clusterName,
      version: c.kubernetesVersion,
      roleArn: clusterRole.arn,
      accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true },
      vpcConfig: {
        subnetIds: network.privateSubnetIds,
        endpointPrivateAccess: true,
        endpointPublicAccess: c.apiAccess.publicEndpoint,
        publicAccessCidrs: c.apiAccess.publicEndpoint ? c.apiAccess.allowedCidrs : undefined,
      },
      enabledClusterLogTypes: ["api", "audit", "authenticator"],
      deletionProtection: true,
      tags,
    },
    { ...parent, protect: true },
  );
  adminAccessEntries(scope, cluster, c.admins);
  return cluster;
}

/** Cluster-admin access entries for the listed principals. */
function adminAccessEntries(scope: EksScope, cluster: aws.eks.Cluster, admins: string[]): void {
  const { name, tags } = scope;
  for (const [i, admin] of admins.entries()) {
    const entry = new aws.eks.AccessEntry(
      `${name}-admin-${i}-entry`,
      { clusterName: cluster.name, principalArn: admin, tags },
      { parent: scope.parent },
    );
    new aws.eks.AccessPolicyAssociation(
      `${name}-admin-${i}-policy`,
      {
        clusterName: cluster.name,
        principalArn: admin,
        policyArn: CLUSTER_ADMIN_POLICY,
        accessScope: { type: "cluster" },
      },
      { parent: scope.parent, dependsOn: [entry] },
    );
  }
}
