// Knative's storage-version migration, the step Knative's upgrade guide has run after every
// upgrade: it rewrites stored Services, Configurations, Revisions, Routes and DomainMappings at the
// CRDs' current storage version, so a later release can stop serving the old one. Upstream's Job
// (kubeflow/manifests' common/knative/knative-serving-post-install-jobs) uses generateName, which a
// declarative apply cannot; here it is named for the Knative version, so it runs once per release,
// and kept after it finishes (no TTL: a Job the TTL controller deletes would be created again by
// the next pulumi up and show as drift).
import * as pulumi from "@pulumi/pulumi";
import { upstreamKustomization } from "../upstream/kustomize";
import { manifests } from "../versions";

const JOB = "storage-version-migration-serving";

/** The Job's name for one Knative version: DNS-safe, one per release. Pure. */
export function storageMigrationJobName(version: string): string {
  return `${JOB}-${version.replace(/\./g, "-")}`;
}

/** The JSON6902 patch that names the Job for its version and keeps it once done. Pure. */
export function storageMigrationPatch(version: string): string {
  return JSON.stringify([
    { op: "replace", path: "/metadata/name", value: storageMigrationJobName(version) },
    { op: "remove", path: "/metadata/generateName" },
    { op: "remove", path: "/spec/ttlSecondsAfterFinished" },
  ]);
}

/** Register the migration; it runs after Knative Serving (its CRDs and controller) is up. */
export function knativeStorageVersionMigration(
  name: string,
  opts: pulumi.ComponentResourceOptions,
): pulumi.Resource {
  const pin = manifests.knativeServingStorageMigration;
  return upstreamKustomization(
    name,
    {
      overlay: {
        paths: pin.paths,
        patches: [
          { target: { kind: "Job", name: JOB }, patch: storageMigrationPatch(pin.version!) },
        ],
      },
    },
    opts,
  );
}
