// The facts a GKE cluster stack exports (clusterFacts), as a platform stack that reads it sees them
// in the offline plan: what follows from config is the same as GkeCluster's; what only a deployment
// knows (the database host, the HMAC keys) is a placeholder.
import { GcpCluster } from "../../config/clusters";
import { gpuPoolsOf } from "../../config/schema";
import { CloudClusterArgs, ClusterFacts } from "../facts";
// The folder's face defines the annotations beside GkeCluster, which sets them.
import { GCP_INGRESS_ANNOTATIONS } from ".";

/** Every fact a cluster exports, each with its planned value (undefined where there is none). */
type PlannedFacts = Record<keyof ClusterFacts, unknown>;

/** What stands in for values only a deployment knows. */
interface Placeholders {
  /** The managed database's host. */
  host: string;
  /** A secret's value. */
  secret: string;
}

/** GKE's exported facts for this config, deployed values as placeholders. Pure. */
export function plannedGkeFacts(
  args: CloudClusterArgs<GcpCluster>,
  placeholder: Placeholders,
): PlannedFacts {
  const c = args.cluster;
  return {
    // GKE's default class (standard-rwo) is the platform's.
    storageClass: undefined,
    rwxStorageClass: c.rwxStorageClass ? "standard-rwx" : undefined,
    gpuPools: gpuPoolsOf(c),
    meshPlatform: "gke",
    ingressAnnotations: GCP_INGRESS_ANNOTATIONS,
    managedDatabase:
      args.database.kind === "managed"
        ? {
            host: placeholder.host,
            port: 3306,
            adminUser: "kfadmin",
            adminPassword: placeholder.secret,
          }
        : undefined,
    managedObjectStore:
      args.objectStore.kind === "managed"
        ? {
            host: "storage.googleapis.com",
            port: 443,
            secure: true,
            region: "auto",
            bucket: args.objectStore.bucket ?? "pipelines",
            keys: { accessKey: placeholder.secret, secretKey: placeholder.secret },
          }
        : undefined,
    tenantIdentity: { workloadPool: `${c.project}.svc.id.goog`, project: c.project },
  };
}
