// The Pipelines bucket on S3 (public access blocked, KMS encryption, versioning) and the IRSA role
// of the Pipelines service accounts that read and write it: no keys anywhere.
import * as aws from "@pulumi/aws";
import { ObjectStoreConfig } from "../../config/schema";
import { ManagedObjectStoreFacts } from "../facts";
import { EksIdentity } from "./identity";
import { EksScope } from "./scope";

type ManagedObjectStore = Extract<ObjectStoreConfig, { kind: "managed" }>;

/** The service accounts of Pipelines that read and write the bucket. */
export const PIPELINES_SERVICE_ACCOUNTS = ["kubeflow:ml-pipeline", "kubeflow:ml-pipeline-ui"];

/** What the Pipelines role may do: list the bucket, read, write and delete its objects. Pure. */
export function bucketAccessPolicy(bucketArn: string): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["s3:ListBucket", "s3:GetBucketLocation"],
        Resource: [bucketArn],
      },
      {
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
        Resource: [`${bucketArn}/*`],
      },
    ],
  };
}

/** The bucket, its guards and the role Pipelines reaches it with. */
export function pipelinesBucket(
  scope: EksScope,
  region: string,
  identity: EksIdentity,
  store: ManagedObjectStore,
): ManagedObjectStoreFacts {
  const { name, tags } = scope;
  const parent = { parent: scope.parent };
  const bucketName = store.bucket ?? `${scope.clusterName}-pipelines`.slice(0, 63);
  const bucket = new aws.s3.Bucket(
    `${name}-pipelines-bucket`,
    // With protection off (a teardown), destroy empties the bucket: every object version goes.
    { bucket: bucketName, forceDestroy: !scope.protect, tags },
    { ...parent, protect: scope.protect },
  );
  new aws.s3.BucketPublicAccessBlock(
    `${name}-pipelines-public-access`,
    {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
    parent,
  );
  new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-pipelines-encryption`,
    {
      bucket: bucket.id,
      rules: [
        { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true },
      ],
    },
    parent,
  );
  new aws.s3.BucketVersioning(
    `${name}-pipelines-versioning`,
    { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
    parent,
  );
  const role = identity.irsaRole("pipelines", PIPELINES_SERVICE_ACCOUNTS);
  new aws.iam.RolePolicy(
    `${name}-pipelines-bucket-access`,
    {
      role: role.name,
      policy: bucket.arn.apply((arn) => JSON.stringify(bucketAccessPolicy(arn))),
    },
    parent,
  );
  return {
    host: `s3.${region}.amazonaws.com`,
    port: 443,
    secure: true,
    region,
    bucket: bucketName,
    workloadIdentity: { "eks.amazonaws.com/role-arn": role.arn },
  };
}
