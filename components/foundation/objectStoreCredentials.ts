// Credentials for the Pipelines object store. The platform's services get one set here; each
// tenant's, limited to its prefixes, belongs to the tenants layer (components/tenants/objectStore.ts),
// derived from a master key with MinIO or taken from config with S3. All are Pulumi secrets.
import { createHash, createHmac } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ObjectStoreConfig } from "../config/schema";

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
  /** Keys of a managed store, when it needs them (GCS HMAC keys). */
  managedKeys?: pulumi.Output<AccessKey>;
}

/** The Pipelines services' keys: generated for MinIO, from config for S3 (none with workload identity). */
export class ObjectStoreCredentials extends pulumi.ComponentResource {
  /** Keys of the Pipelines services; undefined when S3 is reached through workload identity. */
  readonly platform: pulumi.Output<AccessKey | undefined>;

  constructor(
    name: string,
    args: ObjectStoreCredentialsArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("kubeflow-platform:foundation:ObjectStoreCredentials", name, {}, opts);
    const store = args.objectStore;
    if (store.kind === "minio") {
      const platformSecret = new random.RandomPassword(
        `${name}-platform-secret-key`,
        { length: 40, special: false },
        { parent: this, protect: true },
      );
      this.platform = pulumi.secret(
        platformSecret.result.apply((secretKey) => ({ accessKey: PLATFORM_ACCESS_KEY, secretKey })),
      );
    } else if (store.kind === "s3") {
      this.platform = pulumi.secret(
        store.accessKeyId && store.secretAccessKey
          ? { accessKey: store.accessKeyId, secretKey: store.secretAccessKey }
          : undefined,
      );
    } else {
      // Managed: HMAC keys (GCS) or none (S3 through IRSA).
      this.platform = args.managedKeys
        ? pulumi.secret(args.managedKeys)
        : pulumi.output<AccessKey | undefined>(undefined);
    }
    this.registerOutputs({});
  }
}
