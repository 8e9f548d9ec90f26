// The Pipelines object store on GCP: a GCS bucket, a Google service account the Pipelines
// Kubernetes service accounts act as (Workload Identity), and HMAC keys for Pipelines' S3 client.
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { GcpCluster } from "../../config/clusters";
import { ObjectStoreConfig } from "../../config/schema";
import { PIPELINES_SERVICE_ACCOUNTS } from "../aws";
import { ChildOptions, after } from "../childOptions";
import { ManagedObjectStoreFacts } from "../facts";

/** The Workload Identity member of a Kubernetes service account ("namespace:name"). Pure. */
export function workloadIdentityMember(project: string, serviceAccount: string): string {
  const [ns, name] = serviceAccount.split(":");
  return `serviceAccount:${project}.svc.id.goog[${ns}/${name}]`;
}

export function pipelinesBucket(
  name: string,
  clusterName: string,
  c: GcpCluster,
  objectStore: ObjectStoreConfig,
  cluster: gcp.container.Cluster,
  opts: ChildOptions,
): ManagedObjectStoreFacts {
  const project = c.project;
  const bucketName = objectStore.bucket ?? `${clusterName}-pipelines`.slice(0, 63);
  const bucket = new gcp.storage.Bucket(
    `${name}-pipelines-bucket`,
    {
      project,
      name: bucketName,
      location: c.region.toUpperCase(),
      uniformBucketLevelAccess: true,
      publicAccessPrevention: "enforced",
      versioning: { enabled: true },
      // A bucket with objects is never deleted by a destroy (docs/gcp.md, "Teardown").
      forceDestroy: false,
    },
    { ...opts, protect: c.deletionProtection },
  );
  const sa = new gcp.serviceaccount.Account(
    `${name}-pipelines-identity`,
    { project, accountId: `${clusterName}-kfp`.slice(0, 30), displayName: "Kubeflow Pipelines" },
    opts,
  );
  new gcp.storage.BucketIAMMember(
    `${name}-pipelines-bucket-access`,
    {
      bucket: bucket.name,
      role: "roles/storage.objectAdmin",
      member: pulumi.interpolate`serviceAccount:${sa.email}`,
    },
    opts,
  );
  // Workload Identity for the Pipelines service accounts, exactly those two.
  for (const ksa of PIPELINES_SERVICE_ACCOUNTS)
    new gcp.serviceaccount.IAMMember(
      `${name}-pipelines-${ksa.split(":")[1]}`,
      {
        serviceAccountId: sa.name,
        role: "roles/iam.workloadIdentityUser",
        member: workloadIdentityMember(project, ksa),
      },
      after(opts, cluster),
    );
  // Pipelines' API server speaks only S3: GCS's interoperability endpoint with HMAC keys.
  const hmac = new gcp.storage.HmacKey(
    `${name}-pipelines`,
    { project, serviceAccountEmail: sa.email },
    opts,
  );
  return {
    host: "storage.googleapis.com",
    port: 443,
    secure: true,
    region: "auto",
    bucket: bucketName,
    keys: pulumi.secret(
      pulumi
        .all([hmac.accessId, hmac.secret])
        .apply(([accessKey, secretKey]) => ({ accessKey, secretKey })),
    ),
  };
}
