// Cross-section rules: tenants against each other, the first user's default tenant, the cluster's
// GPU pools and the object store. (A tenant's own rules are in ../sections/tenant.ts. Not named
// tenants.ts: the floors lint rule reads an import of "./tenants" as one of components/tenants.)
import { defaultTenantName } from "../../lib/naming";
import { duplicates, issue } from "../issue";
import { gpuPoolsOf } from "../sections/clusterKinds";
import type { PlatformConfig } from "../sections/platform";
import type { CrossSectionRule } from "./rule";

export const defaultTenantNameTaken = {
  id: "default-tenant-name-taken",
  description:
    "The first static user gets a default tenant named after their email: another owner's tenant must not take that namespace.",
  check(cfg, ctx) {
    const first = cfg.auth.staticUsers[0];
    if (!cfg.defaultTenant || !first || cfg.layers === "tenants") return;
    const name = defaultTenantName(first.email);
    cfg.tenants.forEach((t, i) => {
      if (t.name === name && t.owner.toLowerCase() !== first.email.toLowerCase())
        issue(
          ctx,
          ["tenants", i, "name"],
          `is the default tenant of ${first.email}, but ${t.owner} owns it here: it would take that user's namespace`,
          t.name,
          "give the tenant another name",
        );
    });
  },
} as const satisfies CrossSectionRule;

export const gpuQuotaNeedsAGpuPool = {
  id: "gpu-quota-needs-a-gpu-pool",
  description:
    "A GPU quota is only honest where there are GPUs to schedule on. (A tenants stack, or one on a cluster stack, cannot see the pools here; the policy pack checks GPU quotas against them.)",
  check(cfg, ctx) {
    if (gpuPoolsOf(cfg.cluster).length > 0 || cfg.layers === "tenants" || cfg.clusterStack) return;
    cfg.tenants.forEach((t, i) => {
      if (t.quota?.gpu)
        issue(
          ctx,
          ["tenants", i, "quota", "gpu"],
          "a GPU quota needs a GPU pool, and cluster.gpuPools is empty",
          t.quota.gpu,
          "declare the cluster's GPU nodes under cluster.gpuPools, or remove the GPU quota",
        );
    });
  },
} as const satisfies CrossSectionRule;

export const tenantS3KeysRequired = {
  id: "tenant-s3-keys-required",
  description:
    'With S3 and tenantIsolation "perTenantCredentials", each tenant reaches the bucket with keys limited to its prefix: its own.',
  check(cfg, ctx) {
    if (!perTenantS3Keys(cfg)) return;
    cfg.tenants.forEach((t, i) => {
      if (!t.objectStoreCredentials)
        issue(
          ctx,
          ["tenants", i, "objectStoreCredentials"],
          'required when objectStore.kind is "s3" with tenantIsolation "perTenantCredentials"',
          undefined,
          "set the tenant's keys, encrypted",
          [
            {
              path: ["tenants", i, "objectStoreCredentials", "accessKeyId"],
              value: "<access-key-id>",
              secret: true,
            },
            {
              path: ["tenants", i, "objectStoreCredentials", "secretAccessKey"],
              value: "<secret-access-key>",
              secret: true,
            },
          ],
        );
    });
  },
} as const satisfies CrossSectionRule;

export const tenantKeysOnlyWithPerTenantS3 = {
  id: "tenant-keys-only-with-per-tenant-s3",
  description:
    "A tenant's keys are used only with S3 per-tenant credentials: MinIO's are generated, and shared isolation uses the platform's.",
  check(cfg, ctx) {
    if (perTenantS3Keys(cfg)) return;
    cfg.tenants.forEach((t, i) => {
      if (t.objectStoreCredentials)
        issue(
          ctx,
          ["tenants", i, "objectStoreCredentials"],
          cfg.objectStore.kind === "minio"
            ? "MinIO tenant credentials are generated; do not set them"
            : 'only used with objectStore.tenantIsolation "perTenantCredentials"',
          "[redacted]",
          "remove it",
        );
    });
  },
} as const satisfies CrossSectionRule;

export const tenantNamesUnique = {
  id: "tenant-names-unique",
  description:
    "A tenant is a Profile and a namespace of its name, inline and from tenant files alike: two of one name would be one tenant.",
  check({ tenants }, ctx) {
    duplicates(tenants.map((t) => t.name)).forEach((i) =>
      issue(
        ctx,
        ["tenants", i, "name"],
        "duplicate tenant name",
        tenants[i].name,
        "give each tenant its own name",
      ),
    );
  },
} as const satisfies CrossSectionRule;

/** Whether each tenant brings its own S3 keys (S3 with per-tenant credentials). */
function perTenantS3Keys({ objectStore }: PlatformConfig): boolean {
  return objectStore.kind === "s3" && objectStore.tenantIsolation === "perTenantCredentials";
}
