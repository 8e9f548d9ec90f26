// Each tenant's object-store keys, written by the tenants layer so that adding a tenant touches
// nothing of the platform's: the Secret mlpipeline-minio-artifact in the tenant's namespace (what
// Pipelines' pods read), and with MinIO one user per tenant whose policy reaches only its prefixes,
// set by the same idempotent Job the platform uses for its own user.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { TenantConfig } from "../config/schema";
import { minioUsers, usersSecretData } from "../foundation/minio";
import { AccessKey, deriveTenantKey } from "../foundation/objectStoreCredentials";
import { labels } from "../lib/k8s";

/** What the tenants layer needs to know about the platform's object store. */
export interface TenantObjectStoreFacts {
  kind: "minio" | "s3";
  bucket: string;
  /** S3 with tenantIsolation "shared": every tenant uses the platform's keys. */
  shared: boolean;
  /** The platform's keys (secret), for "shared". */
  platformKeys?: pulumi.Input<AccessKey | undefined>;
}

export const TENANT_KEYS_SECRET = "mlpipeline-minio-artifact";

/** The tenant's Secret as Pipelines reads it. Pure. */
export function tenantKeysSecret(
  tenant: string,
  key: pulumi.Input<AccessKey>,
): k8s.core.v1.SecretArgs {
  return {
    metadata: { name: TENANT_KEYS_SECRET, namespace: tenant, labels: labels("tenant") },
    stringData: pulumi.secret(
      pulumi.output(key).apply((k) => ({ accesskey: k.accessKey, secretkey: k.secretKey })),
    ),
  };
}

/** Per-tenant keys and, with MinIO, the users Job. Owned by the Tenants component. */
export class TenantObjectStoreKeys {
  private readonly master?: random.RandomPassword;

  constructor(
    private readonly parent: pulumi.ComponentResource,
    private readonly name: string,
    private readonly facts: TenantObjectStoreFacts,
  ) {
    if (facts.kind === "minio")
      // Tenant keys derive from it: one protected secret, however many tenants.
      this.master = new random.RandomPassword(
        `${name}-object-store-master-key`,
        { length: 64, special: false },
        { parent, protect: true },
      );
  }

  /** The tenant's keys (secret); undefined when it has none (S3 without its own keys). */
  keyFor(t: TenantConfig): pulumi.Output<AccessKey> | undefined {
    if (this.master)
      return pulumi.secret(this.master.result.apply((m) => deriveTenantKey(m, t.name)));
    if (this.facts.shared && this.facts.platformKeys)
      return pulumi.secret(pulumi.output(this.facts.platformKeys).apply((k) => k!));
    if (t.objectStoreCredentials)
      return pulumi.secret({
        accessKey: t.objectStoreCredentials.accessKeyId,
        secretKey: t.objectStoreCredentials.secretAccessKey,
      });
    return undefined;
  }

  /** Register the tenant's Secret in its namespace. */
  addTenant(t: TenantConfig, ns: k8s.core.v1.Namespace): void {
    const key = this.keyFor(t);
    if (!key) return;
    new k8s.core.v1.Secret(
      `${this.name}-${t.name}-object-store-keys`,
      tenantKeysSecret(t.name, key),
      // The keys are access: deleted with the tenant even when its namespace is retained.
      { parent: this.parent, dependsOn: [ns] },
    );
  }

  /** With MinIO: the users of every tenant, created by one Job. Call once, after all tenants. */
  finish(tenants: TenantConfig[], minio: pulumi.Resource[]): void {
    if (!this.master || tenants.length === 0) return;
    const names = tenants.map((t) => t.name);
    minioUsers(this.parent, `${this.name}-minio`, {
      secretName: "minio-tenant-users",
      jobPrefix: "minio-tenants",
      bucket: this.facts.bucket,
      users: pulumi.secret(
        this.master.result.apply((m) =>
          usersSecretData(
            undefined,
            Object.fromEntries(names.map((n) => [n, deriveTenantKey(m, n)])),
          ),
        ),
      ),
      dependsOn: minio,
    });
  }
}
