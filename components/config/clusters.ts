// The cloud cluster kinds (aws: EKS, gcp: GKE, azure: AKS) and their node pools, under the names the
// cluster layer imports. Each kind's fields and rules are in sections/aws.ts, gcp.ts and azure.ts.
export { NodePoolSchema, gpusPerNode, type NodePool } from "./sections/nodePools";
export { AwsClusterSchema, type AwsCluster } from "./sections/aws";
export { GcpClusterSchema, type GcpCluster } from "./sections/gcp";
export { AzureClusterSchema, type AzureCluster } from "./sections/azure";
