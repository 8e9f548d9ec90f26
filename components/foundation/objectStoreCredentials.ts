// Credentials for the Pipelines object store: one set for the platform's services and one per
// tenant, limited to the tenant's prefixes. With MinIO they are generated here (one protected master
// key, per-tenant keys derived from it, so adding a tenant adds no Pulumi resource); with S3 they
// come from config. Either way they are Pulumi secrets.
import { createHash, createHmac } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ObjectStoreConfig, TenantConfig } from "../config/schema";

export interface AccessKey {
  accessKey: string;
  secretKey: string;
}

/** MinIO user for a tenant: a 20-character access key and an HMAC-derived secret. Pure. */
export function deriveTenantKey(masterKey: string, tenant: string): AccessKey {
  const accessKey = `kfp${createHash("sha256").update(tenant).digest("hex").slice(0, 17)}`;
  const secretKey = createHmac("sha256", masterKey)
    .update(`tenant:${tenant}`)
    .digest("base64url")
    .slice(0, 40);
  return { accessKey, secretKey };
}

export const PLATFORM_ACCESS_KEY = "kubeflow-pipelines";

export interface ObjectStoreCredentialsArgs {
  objectStore: ObjectStoreConfig;
  tenants: TenantConfig[];
}

export class ObjectStoreCredentials extends pulumi.ComponentResource {
  /** Keys of the Pipelines services; undefined when S3 is reached through workload identity. */
  readonly platform: pulumi.Output<AccessKey | undefined>;
  /** tenant name → keys (secret). */
  readonly tenants: pulumi.Output<Record<string, AccessKey>>;

  constructor(
    name: string,
    args: ObjectStoreCredentialsArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("kubeflow-platform:foundation:ObjectStoreCredentials", name, {}, opts);
    const names = args.tenants.map((t) => t.name);
    const store = args.objectStore;
    if (store.kind === "minio") {
      const keep = { parent: this, protect: true };
      const platformSecret = new random.RandomPassword(
        `${name}-platform-secret-key`,
        { length: 40, special: false },
        keep,
      );
      const master = new random.RandomPassword(
        `${name}-tenant-master-key`,
        { length: 64, special: false },
        keep,
      );
      this.platform = pulumi.secret(
        platformSecret.result.apply((secretKey) => ({ accessKey: PLATFORM_ACCESS_KEY, secretKey })),
      );
      this.tenants = pulumi.secret(
        master.result.apply((m) =>
          Object.fromEntries(names.map((n) => [n, deriveTenantKey(m, n)])),
        ),
      );
    } else {
      const platformKeys =
        store.accessKeyId && store.secretAccessKey
          ? { accessKey: store.accessKeyId, secretKey: store.secretAccessKey }
          : undefined;
      this.platform = pulumi.secret(platformKeys);
      this.tenants = pulumi.secret(
        Object.fromEntries(
          args.tenants.map((t) => [
            t.name,
            t.objectStoreCredentials
              ? {
                  accessKey: t.objectStoreCredentials.accessKeyId,
                  secretKey: t.objectStoreCredentials.secretAccessKey,
                }
              : platformKeys!,
          ]),
        ),
      );
    }
    this.registerOutputs({});
  }
}
