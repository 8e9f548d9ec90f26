// The facts an EKS cluster stack exports (clusterFacts), as a platform stack that reads it sees them
// in the offline plan: what follows from config is the same as EksCluster's; what only a deployment
// knows (the database host, passwords) is a placeholder.
import { AwsCluster } from "../../config/clusters";
import { gpuPoolsOf } from "../../config/schema";
import { CloudClusterArgs, ClusterFacts } from "../facts";
import { RDS_ADMIN_USER } from "./database";
import { AWS_INGRESS_ANNOTATIONS } from "./network";
import { PLAN_OIDC_ISSUER, PLAN_OIDC_PROVIDER_ARN } from "./planMocks";
import { AWS_STORAGE_CLASS } from "./storage";

/** Every fact a cluster exports, each with its planned value (undefined where there is none). */
type PlannedFacts = Record<keyof ClusterFacts, unknown>;

/** What stands in for values only a deployment knows. */
interface Placeholders {
  /** The managed database's host. */
  host: string;
  /** A secret's value. */
  secret: string;
}

/** EKS's exported facts for this config, deployed values as placeholders. Pure. */
export function plannedEksFacts(
  args: CloudClusterArgs<AwsCluster>,
  placeholder: Placeholders,
): PlannedFacts {
  const c = args.cluster;
  return {
    storageClass: AWS_STORAGE_CLASS,
    rwxStorageClass: c.rwxStorageClass ? "efs" : undefined,
    gpuPools: gpuPoolsOf(c),
    meshPlatform: undefined,
    ingressAnnotations: AWS_INGRESS_ANNOTATIONS,
    managedDatabase:
      args.database.kind === "managed"
        ? {
            host: placeholder.host,
            port: 3306,
            adminUser: RDS_ADMIN_USER,
            adminPassword: placeholder.secret,
          }
        : undefined,
    managedObjectStore:
      args.objectStore.kind === "managed"
        ? {
            host: `s3.${c.region}.amazonaws.com`,
            port: 443,
            secure: true,
            region: c.region,
            bucket: args.objectStore.bucket ?? "pipelines",
          }
        : undefined,
    tenantIdentity: { oidcProviderArn: PLAN_OIDC_PROVIDER_ARN, oidcIssuer: PLAN_OIDC_ISSUER },
  };
}
