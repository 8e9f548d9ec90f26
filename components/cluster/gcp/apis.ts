// The Google APIs the GKE stack calls, enabled by the stack itself (a fresh project needs only the
// Service Usage API, on by default). docs/gcp.md lists the same set; a test holds them equal.
import * as gcp from "@pulumi/gcp";
import { ChildOptions } from "../childOptions";
import { GcpCluster } from "../../config/clusters";
import { DatabaseConfig, ObjectStoreConfig } from "../../config/schema";

/** Every API the stack needs for this config, with what needs it. Pure. */
export function gkeRequiredApis(
  c: Pick<GcpCluster, "rwxStorageClass">,
  data: { database: Pick<DatabaseConfig, "kind">; objectStore: Pick<ObjectStoreConfig, "kind"> },
): Record<string, string> {
  return {
    "container.googleapis.com": "the GKE cluster and node pools",
    "compute.googleapis.com": "the VPC, subnet, Cloud NAT, firewall rule and node VMs",
    "iam.googleapis.com": "the node and Pipelines service accounts",
    // gcp.projects.IAMMember reads and writes the project's IAM policy through this API.
    "cloudresourcemanager.googleapis.com": "project IAM bindings (admins, node roles)",
    ...(c.rwxStorageClass ? { "file.googleapis.com": "Filestore, behind standard-rwx" } : {}),
    ...(data.database.kind === "managed"
      ? {
          "servicenetworking.googleapis.com": "private services access for Cloud SQL",
          "sqladmin.googleapis.com": "the Cloud SQL MySQL instance",
        }
      : {}),
    ...(data.objectStore.kind === "managed"
      ? {
          "storage.googleapis.com": "the Pipelines bucket and its HMAC key",
          // The GKE metadata server mints the Google service account's tokens through it.
          "iamcredentials.googleapis.com": "Workload Identity for the Pipelines service accounts",
        }
      : {}),
  };
}

/**
 * Enables the APIs. disableOnDestroy false: a teardown must not switch off APIs that other things
 * in the project use.
 */
export function enableApis(
  name: string,
  project: string,
  apis: string[],
  opts: ChildOptions,
): gcp.projects.Service[] {
  return apis.map(
    (service) =>
      new gcp.projects.Service(
        `${name}-api-${service.split(".")[0]}`,
        { project, service, disableOnDestroy: false, disableDependentServices: false },
        opts,
      ),
  );
}
