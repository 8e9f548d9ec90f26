// The EKS control plane: its IAM role, the cluster (API-only access entries, private endpoint,
// control-plane logs, deletion protection) and an admin access entry per listed admin, except the
// identity creating the cluster, which EKS makes an admin itself.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsCluster } from "../../config/clusters";
import { EksNetwork } from "./network";
import { EksScope, awsManagedPolicy } from "./scope";

export const CLUSTER_ADMIN_POLICY =
  "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

/**
 * The IAM principal the program runs as, as access entries name it: for an assumed role (CI, SSO)
 * the role's ARN, not the session's. EKS gives this principal an admin access entry when it
 * creates the cluster (bootstrapClusterCreatorAdminPermissions).
 */
export async function programPrincipalArn(): Promise<string> {
  const caller = await aws.getCallerIdentity();
  return (await aws.iam.getSessionContext({ arn: caller.arn })).issuerArn;
}

export interface AdminEntries {
  /** Admins that get an entry of ours, with their index in cluster.admins (part of their names). */
  create: { index: number; principalArn: string }[];
  /** Why an admin gets none. */
  skipped: string[];
}

/** Which admins get an access entry: not the creator, who has one already. Pure. */
export function adminEntries(admins: string[], creatorArn: string | undefined): AdminEntries {
  const out: AdminEntries = { create: [], skipped: [] };
  admins.forEach((principalArn, index) => {
    if (principalArn === creatorArn)
      out.skipped.push(
        `cluster.admins[${index}]: ${principalArn} is the identity creating the cluster; EKS gives it an admin access entry itself (bootstrapClusterCreatorAdminPermissions), so none is created here (a second one would fail).`,
      );
    else out.create.push({ index, principalArn });
  });
  return out;
}

/** The cluster and its admins' access entries. */
export function eksControlPlane(
  scope: EksScope,
  c: AwsCluster,
  network: EksNetwork,
  creatorArn: string | undefined,
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
      deletionProtection: scope.protect,
      tags,
    },
    { ...parent, protect: scope.protect },
  );
  const entries = adminEntries(c.admins, creatorArn);
  for (const message of entries.skipped) pulumi.log.warn(message, scope.parent);
  for (const admin of entries.create) adminAccessEntry(scope, cluster, admin);
  return cluster;
}

/** A cluster-admin access entry for one principal. */
function adminAccessEntry(
  scope: EksScope,
  cluster: aws.eks.Cluster,
  { index, principalArn }: { index: number; principalArn: string },
): void {
  const { name, tags } = scope;
  const entry = new aws.eks.AccessEntry(
    `${name}-admin-${index}-entry`,
    { clusterName: cluster.name, principalArn, tags },
    { parent: scope.parent },
  );
  new aws.eks.AccessPolicyAssociation(
    `${name}-admin-${index}-policy`,
    {
      clusterName: cluster.name,
      principalArn,
      policyArn: CLUSTER_ADMIN_POLICY,
      accessScope: { type: "cluster" },
    },
    { parent: scope.parent, dependsOn: [entry] },
  );
}
