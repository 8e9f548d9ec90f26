// What every part of the EKS cluster shares: the component that parents its resources (so URNs
// stay those of the single-file component they came from), the names and the tags.
import * as pulumi from "@pulumi/pulumi";

export interface EksScope {
  /** The component's Pulumi name: the prefix of every child's Pulumi name. */
  name: string;
  /** The EKS cluster's name (project and stack): the prefix of cloud-side names. */
  clusterName: string;
  /** Tags every AWS resource carries. */
  tags: Record<string, string>;
  /** The EksCluster component: parent of every resource. */
  parent: pulumi.Resource;
  /**
   * cluster.deletionProtection: Pulumi's protect on the stateful resources and the cloud's own
   * deletion protection where they have one (cluster, RDS); off, a `pulumi destroy` goes through.
   */
  protect: boolean;
}

/** IAM policy ARN of an AWS-managed policy. Pure. */
export const awsManagedPolicy = (name: string) => `arn:aws:iam::aws:policy/${name}`;
