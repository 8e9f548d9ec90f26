// objectStore: where Pipelines keeps artifacts: MinIO run by the platform, an existing S3 bucket, or
// a bucket the cloud cluster layer creates. Then the S3 rule: exactly one way in (keys or workload
// identity). Tenants' keys and the managed bucket's cloud are cross-section rules (../rules.ts).
import { z } from "zod";
import { sizeGiB, stringMap } from "../fields";
import { RuleCtx, issue } from "../issue";

const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const bucket = () =>
  z.string().regex(S3_BUCKET, {
    error: "must be an S3 bucket name: 3-63 lower-case letters, digits, '.' and '-'",
  });

export const MinioObjectStoreSchema = z
  .strictObject({
    kind: z.literal("minio"),
    bucket: bucket()
      .default("mlpipeline")
      .meta({ description: "Bucket for pipeline artifacts.", examples: ["mlpipeline"] }),
    storageGiB: sizeGiB(20).meta({ description: "Size of the MinIO volume.", examples: [100] }),
  })
  .meta({
    description:
      "MinIO run by the platform in namespace kubeflow-data, one user and prefix policy per tenant.",
  });

const S3ObjectStoreFields = z.strictObject({
  kind: z.literal("s3"),
  endpoint: z
    .string()
    .regex(/^[a-z0-9.-]+(:[0-9]{1,5})?$/, {
      error: "must be host or host:port without a scheme, such as s3.eu-west-1.amazonaws.com",
    })
    .meta({
      description: "S3 endpoint host (and port).",
      examples: ["s3.eu-west-1.amazonaws.com"],
    }),
  region: z
    .string()
    .regex(/^[a-z0-9-]+$/, { error: "must be a region name such as eu-west-1" })
    .meta({ description: "Bucket region.", examples: ["eu-west-1"] }),
  bucket: bucket().meta({
    description: "Bucket for pipeline artifacts (must exist).",
    examples: ["acme-kubeflow-artifacts"],
  }),
  secure: z
    .boolean()
    .default(true)
    .meta({ description: "Use TLS to the endpoint.", examples: [true] }),
  accessKeyId: z
    .string()
    .min(1)
    .optional()
    .meta({
      description: "Platform access key (set with --secret); or use serviceAccountAnnotations.",
      examples: ["AKIA..."],
    }),
  secretAccessKey: z
    .string()
    .min(1)
    .optional()
    .meta({ description: "Platform secret key (set with --secret).", examples: ["<secret>"] }),
  serviceAccountAnnotations: stringMap()
    .optional()
    .meta({
      description:
        "Workload-identity annotations for the Pipelines service accounts instead of keys.",
      examples: [{ "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/kfp" }],
    }),
  tenantIsolation: z
    .enum(["perTenantCredentials", "shared"], {
      error: 'must be "perTenantCredentials" or "shared"',
    })
    .default("perTenantCredentials")
    .meta({
      description:
        "perTenantCredentials: each tenant brings keys limited to its prefix (tenants[].objectStoreCredentials); shared: tenants use the platform keys (no isolation).",
      examples: ["shared"],
    }),
});
export const S3ObjectStoreSchema = S3ObjectStoreFields.superRefine(checkS3Credentials).meta({
  description: "An existing S3-compatible bucket; no MinIO is deployed.",
});

export const ManagedObjectStoreSchema = z
  .strictObject({
    kind: z.literal("managed"),
    bucket: bucket()
      .optional()
      .meta({
        description: "Bucket name (globally unique). @default <project>-<stack>-pipelines",
        examples: ["acme-kubeflow-dev-artifacts"],
      }),
  })
  .meta({
    description:
      "A bucket the cluster layer creates: S3 with IRSA (AWS) or GCS with Workload Identity and HMAC keys for Pipelines' S3 client (GCP). Not on Azure, where Pipelines cannot use Blob storage: use minio.",
  });

export const ObjectStoreSchema = z
  .discriminatedUnion(
    "kind",
    [MinioObjectStoreSchema, S3ObjectStoreSchema, ManagedObjectStoreSchema],
    { error: 'must have kind "minio", "s3" or "managed"' },
  )
  .prefault({ kind: "minio" });

/** The platform reaches S3 one way: keys, or workload identity (which has no keys to share). */
function checkS3Credentials(objectStore: z.output<typeof S3ObjectStoreFields>, ctx: RuleCtx) {
  // Object store credentials: exactly one way in.
  const hasKeys =
    objectStore.accessKeyId !== undefined || objectStore.secretAccessKey !== undefined;
  const hasIdentity = objectStore.serviceAccountAnnotations !== undefined;
  if (hasKeys && hasIdentity) {
    issue(
      ctx,
      ["serviceAccountAnnotations"],
      "conflicts with objectStore.accessKeyId/secretAccessKey: choose keys or workload identity",
      objectStore.serviceAccountAnnotations,
      "remove either the keys or serviceAccountAnnotations",
    );
  } else if (!hasIdentity) {
    for (const key of ["accessKeyId", "secretAccessKey"] as const) {
      if (objectStore[key] === undefined) {
        issue(
          ctx,
          [key],
          'required when objectStore.kind is "s3" without serviceAccountAnnotations',
          undefined,
          "set the platform's key, encrypted",
          [
            {
              value: key === "accessKeyId" ? "<access-key-id>" : "<secret-access-key>",
              secret: true,
            },
          ],
        );
      }
    }
  }
  if (objectStore.tenantIsolation === "shared" && hasIdentity) {
    issue(
      ctx,
      ["tenantIsolation"],
      '"shared" hands the platform keys to tenants, but the platform uses workload identity and has no keys',
      objectStore.tenantIsolation,
      'set it to "perTenantCredentials" and give each tenant objectStoreCredentials',
    );
  }
}
