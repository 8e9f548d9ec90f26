// MinIO for Pipelines artifacts, written by us. A provisioning Job (idempotent, re-run whenever the
// set of users changes) creates the bucket, the Pipelines user and one user per tenant whose policy
// only reaches the tenant's prefixes: the isolation upstream gets from SeaweedFS's IAM API.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { labels, restrictedContainerSecurity } from "../lib/k8s";
import { checksumAnnotation, secretContentHash } from "../lib/rollout";
import { AppRequests } from "../lib/workloads";
import { images } from "../versions";
import {
  DATA_NAMESPACE,
  dataNetworkPolicy,
  dataService,
  dataVolumeClaim,
  restrictedPodSecurity,
} from "./data";
import { AccessKey } from "./objectStoreCredentials";
import { provisioningJob } from "./provisioningJob";

export const MINIO_NAME = "minio";
export const MINIO_PORT = 9000;
export const MINIO_HOST = `${MINIO_NAME}.${DATA_NAMESPACE}.svc.cluster.local`;
export const MINIO_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "50m", memory: "256Mi" },
};

const ROOT_SECRET = "minio-root";
const USERS_SECRET = "minio-users";

/** The prefixes a tenant may use, as upstream's per-namespace policy grants them. Pure. */
export function tenantPolicy(bucket: string, tenant: string): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
        Resource: [
          `arn:aws:s3:::${bucket}/artifacts/*`,
          `arn:aws:s3:::${bucket}/shared/*`,
          `arn:aws:s3:::${bucket}/private-artifacts/${tenant}/*`,
          `arn:aws:s3:::${bucket}/private/${tenant}/*`,
        ],
      },
      {
        Effect: "Allow",
        Action: ["s3:ListBucket"],
        Resource: [`arn:aws:s3:::${bucket}`],
        Condition: {
          StringLike: {
            "s3:prefix": [
              "artifacts/*",
              "shared/*",
              `private-artifacts/${tenant}/*`,
              `private/${tenant}/*`,
            ],
          },
        },
      },
    ],
  };
}

export function platformPolicy(bucket: string): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["s3:*"],
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      },
    ],
  };
}

/**
 * The provisioning script. Users come from the mounted Secret: one file per user named after its
 * policy, holding "<accessKey> <secretKey>". Every step is idempotent. Pure.
 */
export function provisioningScript(bucket: string): string {
  const tenantPolicyTemplate = JSON.stringify(tenantPolicy(bucket, "TENANT")).replace(
    /TENANT/g,
    "%s",
  );
  return [
    "#!/bin/sh",
    "set -eu",
    "export MC_CONFIG_DIR=/tmp/mc",
    `until mc alias set store http://${MINIO_HOST}:${MINIO_PORT} "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null; do sleep 3; done`,
    `mc mb --ignore-existing store/${bucket}`,
    `echo '${JSON.stringify(platformPolicy(bucket))}' > /tmp/platform.json`,
    "for file in /users/*; do",
    '  policy=$(basename "$file")',
    // Secret files end without a newline, where read returns non-zero after reading the line.
    '  read -r access secret < "$file" || [ -n "${secret:-}" ]',
    '  if [ "$policy" = "platform" ]; then cp /tmp/platform.json /tmp/policy.json; else',
    "    tenant=${policy#tenant-}",
    `    printf '${tenantPolicyTemplate}' ${Array(tenantPolicyTemplate.split("%s").length - 1)
      .fill('"$tenant"')
      .join(" ")} > /tmp/policy.json`,
    "  fi",
    '  mc admin policy create store "$policy" /tmp/policy.json >/dev/null',
    '  mc admin user add store "$access" "$secret" >/dev/null',
    '  if ! mc admin user info store "$access" --json | grep -q "\\"$policy\\""; then',
    '    mc admin policy attach store "$policy" --user "$access" >/dev/null',
    "  fi",
    '  echo "user for $policy ready"',
    "done",
    "",
  ].join("\n");
}

/** Secret data for the Job: file name = policy name, content = "<accessKey> <secretKey>". Pure. */
export function usersSecretData(
  platform: AccessKey | undefined,
  tenants: Record<string, AccessKey>,
): Record<string, string> {
  const data: Record<string, string> = platform
    ? { platform: `${platform.accessKey} ${platform.secretKey}` }
    : {};
  for (const [tenant, key] of Object.entries(tenants).sort(([a], [b]) => a.localeCompare(b))) {
    data[`tenant-${tenant}`] = `${key.accessKey} ${key.secretKey}`;
  }
  return data;
}

/** The image's own non-root user, writing its data volume. */
const MINIO_UID = 1000;

export interface MinioUsersArgs {
  /** Secret (in kubeflow-data) holding the users' files. */
  secretName: string;
  /** The Job is named <prefix>-<hash of the script and the user names>. */
  jobPrefix: string;
  bucket: string;
  /** usersSecretData(...) (secret). */
  users: pulumi.Output<Record<string, string>>;
  /** The MinIO server (when it is in the same stack). */
  dependsOn: pulumi.Resource[];
}

/**
 * The Job that sets the users: a new one (new name) whenever the user names or the script change.
 * A changed key (a tenant's own, or a rotated one) changes the pod template instead: the Job is
 * replaced and runs again, so MinIO holds what the Secret says. Pure.
 */
export function minioUsersJob(
  args: Pick<MinioUsersArgs, "secretName" | "jobPrefix" | "bucket" | "users">,
): k8s.batch.v1.JobArgs {
  return provisioningJob({
    prefix: args.jobPrefix,
    script: provisioningScript(args.bucket),
    runKey: pulumi.unsecret(args.users).apply((d) => Object.keys(d)),
    container: {
      name: "provision",
      image: images.minio,
      shell: "/bin/sh",
      envFrom: [{ secretRef: { name: ROOT_SECRET } }],
      volumeMounts: [
        { name: "users", mountPath: "/users", readOnly: true },
        { name: "tmp", mountPath: "/tmp" },
      ],
    },
    volumes: [
      { name: "users", secret: { secretName: args.secretName } },
      { name: "tmp", emptyDir: {} },
    ],
    uid: MINIO_UID,
    fsGroup: true,
    annotations: {
      [checksumAnnotation({ kind: "Secret", name: args.secretName })]: secretContentHash(
        args.users,
      ),
    },
  });
}

/**
 * MinIO users and their policies, set by an idempotent Job that logs in with the root Secret of the
 * same namespace. Used by the platform (its own user) and by the tenants layer (one user per
 * tenant), so either can change without touching the other.
 */
export function minioUsers(
  parent: pulumi.ComponentResource,
  name: string,
  args: MinioUsersArgs,
): { secret: k8s.core.v1.Secret; job: k8s.batch.v1.Job } {
  const secret = new k8s.core.v1.Secret(
    `${name}-users`,
    {
      metadata: { name: args.secretName, namespace: DATA_NAMESPACE, labels: labels(MINIO_NAME) },
      stringData: args.users,
    },
    { parent, dependsOn: args.dependsOn },
  );
  const job = new k8s.batch.v1.Job(`${name}-provision`, minioUsersJob(args), {
    parent,
    dependsOn: [...args.dependsOn, secret],
  });
  return { secret, job };
}

/** The server: one replica on its volume, root credentials from the root Secret. Pure. */
export function minioStatefulSetSpec(claimName: string): k8s.apps.v1.StatefulSetArgs {
  const selector = { "app.kubernetes.io/name": MINIO_NAME };
  return {
    metadata: { name: MINIO_NAME, namespace: DATA_NAMESPACE, labels: labels(MINIO_NAME, selector) },
    spec: {
      serviceName: MINIO_NAME,
      replicas: 1,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: labels(MINIO_NAME, selector) },
        spec: {
          securityContext: restrictedPodSecurity(MINIO_UID, true),
          containers: [
            {
              name: MINIO_NAME,
              image: images.minio,
              args: ["server", "/data"],
              envFrom: [{ secretRef: { name: ROOT_SECRET } }],
              ports: [{ name: "s3", containerPort: MINIO_PORT }],
              resources: { requests: MINIO_REQUESTS.requests, limits: { memory: "1Gi" } },
              readinessProbe: { httpGet: { path: "/minio/health/ready", port: MINIO_PORT } },
              livenessProbe: {
                httpGet: { path: "/minio/health/live", port: MINIO_PORT },
                initialDelaySeconds: 30,
              },
              securityContext: restrictedContainerSecurity,
              volumeMounts: [{ name: "data", mountPath: "/data" }],
            },
          ],
          volumes: [{ name: "data", persistentVolumeClaim: { claimName } }],
        },
      },
    },
  };
}

export interface MinioArgs {
  /** The Pipelines bucket, created by the provisioning Job. */
  bucket: string;
  /** The data volume's size. */
  storageGiB: number;
  /** The data volume's StorageClass. @default the cluster's default class */
  storageClass?: string;
  /** The kubeflow-data namespace (dataNamespace()). */
  namespace: pulumi.Resource;
  /** The platform's own keys (Pipelines'), set up as a MinIO user; none: no platform user. */
  platformCredentials: pulumi.Output<AccessKey | undefined>;
}

export class Minio extends pulumi.ComponentResource {
  readonly endpoint = { host: MINIO_HOST, port: MINIO_PORT, secure: false };

  constructor(name: string, args: MinioArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:foundation:Minio", name, {}, opts);
    const deps = { parent: this, dependsOn: [args.namespace] };
    const rootPassword = new random.RandomPassword(
      `${name}-root-password`,
      { length: 40, special: false },
      { parent: this, protect: true },
    );
    const rootSecret = new k8s.core.v1.Secret(
      `${name}-root`,
      {
        metadata: { name: ROOT_SECRET, namespace: DATA_NAMESPACE, labels: labels(MINIO_NAME) },
        stringData: {
          MINIO_ROOT_USER: "minio-root",
          MINIO_ROOT_PASSWORD: pulumi.secret(rootPassword.result),
        },
      },
      deps,
    );
    const claim = new k8s.core.v1.PersistentVolumeClaim(
      `${name}-data`,
      dataVolumeClaim(MINIO_NAME, args.storageGiB, args.storageClass),
      {
        ...deps,
        protect: true,
        retainOnDelete: true,
      },
    );
    const service = new k8s.core.v1.Service(
      `${name}-service`,
      dataService(MINIO_NAME, MINIO_PORT, "http-s3"),
      deps,
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-network-policy`,
      dataNetworkPolicy(MINIO_NAME, MINIO_PORT),
      deps,
    );
    const server = new k8s.apps.v1.StatefulSet(
      `${name}-statefulset`,
      minioStatefulSetSpec(`${MINIO_NAME}-data`),
      { parent: this, dependsOn: [rootSecret, claim, service], protect: true },
    );

    minioUsers(this, `${name}`, {
      secretName: USERS_SECRET,
      jobPrefix: "minio-provision",
      bucket: args.bucket,
      users: pulumi.secret(args.platformCredentials.apply((p) => usersSecretData(p, {}))),
      dependsOn: [server],
    });
    this.registerOutputs({ endpoint: MINIO_HOST });
  }
}
