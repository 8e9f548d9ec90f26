// tenants[]: one tenant (a Kubeflow Profile and its namespace) with its owner, contributors, cloud
// identity, quota and container defaults. Then its rules: a name the platform does not use, defaults
// that fit the quota, contributors that are distinct subjects and bindings. A tenant file is checked
// with these alone; rules across tenants or against other sections are in ../rules.ts.
import { z } from "zod";
import { contributorBindingName } from "../../lib/naming";
import { bytesQuantity, cpuQuantity, dnsLabel, email, quantityToNumber } from "../fields";
import { RuleCtx, duplicates, issue } from "../issue";

export const ContributorSchema = z
  .strictObject({
    email: email()
      .optional()
      .meta({
        description: "A user's email (as it appears in the login token).",
        examples: ["bob@example.com"],
      }),
    group: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}$/, {
        error: "must be a group name as the identity provider sends it, such as ml-team",
      })
      .optional()
      .meta({
        description: "A group from the login token's groups claim, instead of a user.",
        examples: ["ml-platform"],
      }),
    role: z
      .enum(["view", "edit", "admin"], { error: 'must be "view", "edit" or "admin"' })
      .meta({ description: "Kubeflow role in the tenant namespace.", examples: ["edit"] }),
  })
  .refine((c) => (c.email === undefined) !== (c.group === undefined), {
    error: "set exactly one of email (a user) or group",
  });

/** The subject a contributor names: a user's email or a group. */
export function contributorSubject(c: { email?: string; group?: string }): {
  kind: "User" | "Group";
  name: string;
} {
  return c.email !== undefined
    ? { kind: "User", name: c.email }
    : { kind: "Group", name: c.group! };
}

export const IdentitySchema = z
  .strictObject({
    awsIamRole: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, {
        error: "must be an IAM role ARN such as arn:aws:iam::123456789012:role/team-a",
      })
      .optional()
      .meta({
        description: "IAM role for IRSA (Profile plugin AwsIamForServiceAccount, annotate only).",
        examples: ["arn:aws:iam::123456789012:role/kubeflow-team-a"],
      }),
    gcpServiceAccount: z
      .email()
      .regex(/\.iam\.gserviceaccount\.com$/, {
        error: "must be a Google service account such as team-a@my-project.iam.gserviceaccount.com",
      })
      .optional()
      .meta({
        description:
          "Google service account for Workload Identity (Profile plugin WorkloadIdentity).",
        examples: ["kubeflow-team-a@my-project.iam.gserviceaccount.com"],
      }),
    azureClientId: z
      .guid({ error: "must be the client id (a GUID) of a user-assigned managed identity" })
      .optional()
      .meta({
        description:
          "Client id of a managed identity for Azure Workload Identity (annotated on default-editor).",
        examples: ["00000000-0000-0000-0000-000000000000"],
      }),
  })
  .refine((i) => Object.values(i).filter((v) => v !== undefined).length <= 1, {
    error: "set at most one cloud identity",
  });

export const QuotaSchema = z.strictObject({
  cpu: cpuQuantity()
    .optional()
    .meta({ description: "Total CPU requests and limits.", examples: ["16"] }),
  memory: bytesQuantity()
    .optional()
    .meta({ description: "Total memory requests and limits.", examples: ["64Gi"] }),
  storage: bytesQuantity()
    .optional()
    .meta({ description: "Total persistent volume requests.", examples: ["500Gi"] }),
  gpu: z
    .number()
    .int({ error: "must be a whole number of GPUs" })
    .nonnegative({ error: "must not be negative" })
    .optional()
    .meta({ description: "requests.nvidia.com/gpu.", examples: [2] }),
  pods: z
    .number()
    .int({ error: "must be a whole number" })
    .positive({ error: "must be at least 1" })
    .optional()
    .meta({ description: "Maximum number of pods.", examples: [100] }),
  persistentVolumeClaims: z
    .number()
    .int({ error: "must be a whole number" })
    .positive({ error: "must be at least 1" })
    .optional()
    .meta({ description: "Maximum number of volume claims.", examples: [20] }),
  services: z
    .number()
    .int({ error: "must be a whole number" })
    .nonnegative({ error: "must not be negative" })
    .optional()
    .meta({ description: "Maximum number of Services.", examples: [20] }),
});

export const ContainerDefaultsSchema = z
  .strictObject({
    cpuRequest: cpuQuantity()
      .default("100m")
      .meta({
        description: "Default CPU request for containers that set none.",
        examples: ["100m"],
      }),
    memoryRequest: bytesQuantity()
      .default("256Mi")
      .meta({ description: "Default memory request.", examples: ["256Mi"] }),
    cpuLimit: cpuQuantity()
      .default("1")
      .meta({ description: "Default CPU limit.", examples: ["1"] }),
    memoryLimit: bytesQuantity()
      .default("1Gi")
      .meta({ description: "Default memory limit.", examples: ["2Gi"] }),
  })
  .prefault({});

const TenantFields = z.strictObject({
  name: dnsLabel().meta({
    description: "Tenant name: the Profile and its namespace.",
    examples: ["team-vision"],
  }),
  owner: email().meta({
    description: "Owner's email; gets the admin role.",
    examples: ["alice@example.com"],
  }),
  contributors: z
    .array(ContributorSchema)
    .default([])
    .meta({ description: "Other users or groups and their roles." }),
  identity: IdentitySchema.optional().meta({
    description:
      "Cloud identity the tenant's pods (service account default-editor) assume. @default none",
  }),
  retain: z
    .boolean()
    .default(true)
    .meta({
      description:
        "Keep the namespace and its volumes when the tenant is removed from config; false deletes them with it.",
      examples: [false],
    }),
  quota: QuotaSchema.optional().meta({
    description: "ResourceQuota of the namespace. @default no quota",
  }),
  containerDefaults: ContainerDefaultsSchema.meta({
    description:
      "LimitRange defaults so pods that set no resources (e.g. Pipelines' own) still run under a quota.",
  }),
  objectStoreCredentials: z
    .strictObject({
      accessKeyId: z.string().min(1),
      secretAccessKey: z.string().min(1),
    })
    .optional()
    .meta({
      description:
        "S3 keys limited to this tenant's prefixes (objectStore.kind s3 with perTenantCredentials only; set with --secret).",
    }),
});
export const TenantSchema = TenantFields.superRefine(checkTenant);

/** Namespaces that tenants must never take over. */
export const RESERVED_NAMESPACES = new Set([
  "default",
  "kubeflow",
  "kubeflow-system",
  "kubeflow-data",
  "istio-system",
  "cert-manager",
  "auth",
  "oauth2-proxy",
  "knative-serving",
  "knative-eventing",
]);

/** A name the platform does not use, defaults that fit the quota, contributors other than the owner. */
function checkTenant(t: z.output<typeof TenantFields>, ctx: RuleCtx) {
  if (RESERVED_NAMESPACES.has(t.name) || t.name.startsWith("kube-")) {
    issue(
      ctx,
      ["name"],
      "is a namespace the platform or Kubernetes uses",
      t.name,
      "choose another name, e.g. team-<name>",
    );
  }
  const d = t.containerDefaults;
  for (const [req, lim] of [
    ["cpuRequest", "cpuLimit"],
    ["memoryRequest", "memoryLimit"],
  ] as const) {
    if (quantityToNumber(d[req]) > quantityToNumber(d[lim])) {
      issue(
        ctx,
        ["containerDefaults", req],
        `must not exceed containerDefaults.${lim} (${d[lim]})`,
        d[req],
        `lower it or raise ${lim}`,
      );
    }
  }
  for (const [lim, q] of [
    ["cpuLimit", "cpu"],
    ["memoryLimit", "memory"],
  ] as const) {
    const quota = t.quota?.[q];
    if (quota !== undefined && quantityToNumber(d[lim]) > quantityToNumber(quota)) {
      issue(
        ctx,
        ["containerDefaults", lim],
        `exceeds the tenant's quota.${q} (${quota}), so no default pod could start`,
        d[lim],
        quantityToNumber(quota) === 0
          ? `a quota.${q} of ${quota} leaves room for no pod: raise quota.${q}, or remove it`
          : `lower it to at most ${quota}, or raise quota.${q}`,
      );
    }
  }
  checkContributorNames(t, ctx);
  t.contributors.forEach((c, j) => {
    if (c.email !== undefined && c.email.toLowerCase() === t.owner.toLowerCase()) {
      issue(
        ctx,
        ["contributors", j, "email"],
        "is the tenant's owner, who already has the admin role",
        c.email,
        "remove this contributor",
      );
    }
  });
}

/**
 * Contributors become a RoleBinding and an AuthorizationPolicy named by contributorBindingName
 * (lower-cased, every other character run as "-"), and emails compare case-insensitively at login:
 * two entries that meet there are one subject, or one object that the second overwrites.
 */
function checkContributorNames(t: z.output<typeof TenantFields>, ctx: RuleCtx) {
  const subjects = t.contributors.map((c) => contributorSubject(c));
  // zod runs this rule on a tenant whose contributors have errors of their own (reported there).
  if (subjects.some((s) => typeof s.name !== "string")) return;
  const field = (j: number) => (subjects[j].kind === "User" ? "email" : "group");
  const exact = new Set(duplicates(subjects.map((s) => `${s.kind}:${s.name}`)));
  exact.forEach((j) =>
    issue(
      ctx,
      ["contributors", j, field(j)],
      "duplicate contributor",
      subjects[j].name,
      "list each contributor once",
    ),
  );
  const folded = new Set(
    duplicates(subjects.map((s) => `${s.kind}:${s.name.toLowerCase()}`)).filter(
      (j) => !exact.has(j),
    ),
  );
  folded.forEach((j) =>
    issue(
      ctx,
      ["contributors", j, field(j)],
      "is another contributor but for upper and lower case: one login, listed twice",
      subjects[j].name,
      "list the contributor once, in lower case, with the one role it should have",
    ),
  );
  const bindings = t.contributors.map((c, j) =>
    contributorBindingName(subjects[j].name, c.role, subjects[j].kind),
  );
  duplicates(bindings)
    .filter((j) => !exact.has(j) && !folded.has(j))
    .forEach((j) =>
      issue(
        ctx,
        ["contributors", j, field(j)],
        `collides with another contributor once made DNS-safe: both would be the RoleBinding ${bindings[j]}`,
        subjects[j].name,
        "keep only one of the two contributors (their bindings would share one name)",
      ),
    );
}
