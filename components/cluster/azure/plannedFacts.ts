// The facts an AKS cluster stack exports (clusterFacts), as a platform stack that reads it sees them
// in the offline plan: what follows from config is the same as AksCluster's; what only a deployment
// knows (the database host, passwords) is a placeholder.
import { AzureCluster } from "../../config/clusters";
import { gpuPoolsOf } from "../../config/schema";
import { CloudClusterArgs, ClusterFacts } from "../facts";
// The folder's face defines the annotations beside AksCluster, which sets them.
import { AZURE_INGRESS_ANNOTATIONS } from ".";
import { PLAN_AKS_OIDC_ISSUER } from "./planMocks";
import { AZURE_RWX_STORAGE_CLASS, AZURE_STORAGE_CLASS } from "./storage";

/** Every fact a cluster exports, each with its planned value (undefined where there is none). */
type PlannedFacts = Record<keyof ClusterFacts, unknown>;

/** What stands in for values only a deployment knows, and the cluster stack's name. */
interface Placeholders {
  /** The managed database's host. */
  host: string;
  /** A secret's value. */
  secret: string;
  /** The cluster stack's cluster name (its stackClusterName()), which names the resource group. */
  clusterName: string;
}

/** AKS's exported facts for this config, deployed values as placeholders. Pure. */
export function plannedAksFacts(
  args: CloudClusterArgs<AzureCluster>,
  placeholder: Placeholders,
): PlannedFacts {
  const c = args.cluster;
  return {
    storageClass: AZURE_STORAGE_CLASS,
    rwxStorageClass: c.rwxStorageClass ? AZURE_RWX_STORAGE_CLASS : undefined,
    gpuPools: gpuPoolsOf(c),
    meshPlatform: undefined,
    ingressAnnotations: AZURE_INGRESS_ANNOTATIONS,
    managedDatabase:
      args.database.kind === "managed"
        ? {
            host: placeholder.host,
            port: 3306,
            adminUser: "kfadmin",
            adminPassword: placeholder.secret,
          }
        : undefined,
    // Pipelines cannot use Blob storage: the object store is MinIO (the schema refuses "managed").
    managedObjectStore: undefined,
    tenantIdentity: { oidcIssuerUrl: PLAN_AKS_OIDC_ISSUER, resourceGroup: placeholder.clusterName },
  };
}
