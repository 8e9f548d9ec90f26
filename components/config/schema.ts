// The platform config: one zod schema, parsed once in loadPlatformConfig. Defaults live here so a
// laptop stack needs a handful of lines; cross-field rules live here so bad combinations fail before
// anything is registered. Descriptions and examples (`.meta`) feed the JSON Schema, the generated
// docs/configuration.md and the "fix" hint of every error message.
import { z } from "zod";
import {
  bytesQuantity,
  cidr,
  cpuQuantity,
  dnsLabel,
  email,
  hostname,
  issue,
  kubernetesMinorVersion,
  nodePort,
  port,
  quantityToNumber,
  RuleCtx,
  sizeGiB,
  stringMap,
} from "./fields";
import {
  AppsSchema,
  ImagesSchema,
  ProfileSchema,
  TolerationSchema,
  appsOnPlatformDatabase,
  enabledApps,
  needsPlatformDatabase,
} from "./apps";
import { AwsClusterSchema, AzureClusterSchema, GcpClusterSchema, gpusPerNode } from "./clusters";
import { contributorBindingName, defaultTenantName } from "../lib/naming";
import { suggestedSize, wrongCloudSize } from "./machineTypes";
import { removeHint, setHints } from "./hints";

/** Oldest Kubernetes minor the pinned Kubeflow release supports (26.03 validates 1.33+). */
export const MIN_KUBERNETES_MINOR = 33;

// ---------------------------------------------------------------- cluster
/** The taint GPU nodes carry so that only pods asking for GPUs land on them. */
export const GPU_TAINT_TOLERATION = {
  key: "nvidia.com/gpu",
  operator: "Exists" as const,
  effect: "NoSchedule" as const,
};

export const GpuPoolSchema = z.strictObject({
  name: dnsLabel().meta({
    description: "Pool name, shown in the notebook spawner.",
    examples: ["a100"],
  }),
  nodeSelector: stringMap()
    .refine((m) => Object.keys(m).length > 0, { error: "must name at least one node label" })
    .meta({
      description: "Labels that select the pool's nodes.",
      examples: [{ "nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB" }],
    }),
  tolerations: z
    .array(TolerationSchema)
    .default([GPU_TAINT_TOLERATION])
    .meta({ description: "Tolerations for the pool's taints. @default nvidia.com/gpu NoSchedule" }),
  gpusPerNode: z
    .int()
    .min(1)
    .default(1)
    .meta({ examples: [8] }),
  maxNodes: z
    .int()
    .min(0)
    .meta({ description: "Most nodes the pool can have (GPU quota capacity).", examples: [4] }),
});
export const ExistingClusterSchema = z
  .strictObject({
    kind: z.literal("existing"),
    kubeconfig: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          "Path to the kubeconfig file. @default the ambient kubeconfig ($KUBECONFIG or ~/.kube/config)",
        examples: ["~/.kube/config"],
      }),
    context: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          "Kubeconfig context to use; also the provider's clusterIdentifier. Required unless useCurrentContext is true (or clusterStack names the cluster). @default none",
        examples: ["kind-kubeflow"],
      }),
    useCurrentContext: z
      .boolean()
      .default(false)
      .meta({
        description:
          "Without cluster.context, use whatever context the kubeconfig's current-context names when the program runs. Off by default: a stack that names no cluster is refused, so a `kubectl config use-context` cannot point it at another cluster.",
        examples: [true],
      }),
    storageClass: hostname()
      .optional()
      .meta({
        description:
          "StorageClass for the platform's volumes (MySQL, MinIO). @default the cluster's default StorageClass",
        examples: ["standard"],
      }),
    kubernetesVersion: kubernetesMinorVersion()
      .optional()
      .meta({
        description:
          "The cluster's Kubernetes minor version, checked against the release's supported range.",
        examples: ["1.34"],
      }),
    gpuPools: z
      .array(GpuPoolSchema)
      .default([])
      .meta({ description: "The cluster's GPU nodes, as groups the platform can target." }),
  })
  .superRefine(checkKubernetesVersion)
  .meta({ description: "Use a cluster that already exists (kind, k3d, minikube, on-prem)." });

export const ClusterSchema = z
  .discriminatedUnion(
    "kind",
    [ExistingClusterSchema, AwsClusterSchema, GcpClusterSchema, AzureClusterSchema],
    { error: 'must have kind "existing", "aws", "gcp" or "azure"' },
  )
  .prefault({ kind: "existing" });

export type GpuPool = z.output<typeof GpuPoolSchema>;

/** The label every node of a platform-made pool carries, so pods can select a pool. */
export const POOL_LABEL = "kubeflow-platform/pool";

/**
 * The cluster's GPU pools, whatever its kind: declared for an existing cluster, derived from the
 * node pools the platform creates in the cloud (tainted, labelled with their pool). Pure.
 */
export function gpuPoolsOf(cluster: z.output<typeof ClusterSchema>): GpuPool[] {
  if (cluster.kind === "existing") return cluster.gpuPools;
  return cluster.nodePools
    .filter((p) => p.role === "gpu")
    .map((p) => ({
      name: p.name,
      nodeSelector: { [POOL_LABEL]: p.name },
      tolerations: [GPU_TAINT_TOLERATION],
      gpusPerNode: Math.max(1, gpusPerNode(cluster.kind, p)),
      maxNodes: p.maxSize,
    }));
}

// ---------------------------------------------------------------- ingress
const IngressFields = z.strictObject({
  hostname: hostname()
    .default("localhost")
    .meta({
      description: "Host name users type in the browser; the TLS certificate is issued for it.",
      examples: ["kubeflow.example.com"],
    }),
  serviceType: z
    .enum(["ClusterIP", "NodePort", "LoadBalancer"], {
      error: 'must be "ClusterIP", "NodePort" or "LoadBalancer"',
    })
    .default("ClusterIP")
    .meta({
      description:
        "How the ingress gateway is exposed. ClusterIP means kubectl port-forward; on-prem clusters often have no load balancer.",
      examples: ["LoadBalancer"],
    }),
  httpsNodePort: nodePort()
    .optional()
    .meta({
      description:
        "Fixed node port for HTTPS (serviceType NodePort only). @default assigned by Kubernetes",
      examples: [30443],
    }),
  httpNodePort: nodePort()
    .optional()
    .meta({
      description:
        "Fixed node port for HTTP (serviceType NodePort only). @default assigned by Kubernetes",
      examples: [30080],
    }),
  loadBalancerSourceRanges: z
    .array(cidr())
    .optional()
    .meta({
      description:
        "CIDRs allowed to reach the load balancer (serviceType LoadBalancer only). @default open to all",
      examples: [["10.0.0.0/8"]],
    }),
  staticIp: z
    .ipv4({ error: "must be an IPv4 address" })
    .optional()
    .meta({
      description:
        "A reserved address for the LoadBalancer (GCP static IP, Azure public IP in the node resource group, MetalLB pool address). @default one the cloud assigns",
      examples: ["203.0.113.10"],
    }),
  serviceAnnotations: stringMap()
    .default({})
    .meta({
      description:
        "Extra annotations for the gateway Service, e.g. for a cloud or MetalLB load balancer.",
      examples: [{ "metallb.universe.tf/address-pool": "lab" }],
    }),
  tls: z
    .strictObject({
      mode: z
        .enum(["selfSigned", "secret", "letsEncrypt"], {
          error: 'must be "selfSigned", "secret" or "letsEncrypt"',
        })
        .default("selfSigned")
        .meta({
          description:
            "selfSigned: cert-manager issues a certificate; secret: use your own TLS secret in istio-system; letsEncrypt: cert-manager gets one from Let's Encrypt (HTTP-01 through the gateway).",
          examples: ["letsEncrypt"],
        }),
      email: email()
        .optional()
        .meta({
          description: "Contact for Let's Encrypt (letsEncrypt only).",
          examples: ["platform@example.com"],
        }),
      staging: z
        .boolean()
        .default(false)
        .meta({
          description: "Use Let's Encrypt's staging server (untrusted certificates, high limits).",
          examples: [true],
        }),
      secretName: hostname()
        .optional()
        .meta({
          description: "Name of a kubernetes.io/tls Secret in istio-system (mode secret only).",
          examples: ["kubeflow-tls"],
        }),
    })
    .prefault({}),
});
export const IngressSchema = IngressFields.superRefine(checkIngress).prefault({});

// ---------------------------------------------------------------- auth
const CONNECTOR_REQUIRED_KEYS: Record<string, string[]> = {
  oidc: ["issuer", "clientID", "clientSecret"],
  github: ["clientID", "clientSecret"],
  google: ["clientID", "clientSecret"],
  microsoft: ["clientID", "clientSecret"],
  ldap: ["host"],
};

export const StaticUserSchema = z.strictObject({
  email: email().meta({
    description: "Login email; also the owner of the user's default tenant.",
    examples: ["alice@example.com"],
  }),
  username: dnsLabel()
    .optional()
    .meta({
      description: "Display name. @default the part of the email before '@', made DNS-safe",
      examples: ["alice"],
    }),
});

export const ConnectorSchema = z.strictObject({
  type: z
    .enum(["oidc", "github", "google", "microsoft", "ldap"], {
      error: 'must be one of "oidc", "github", "google", "microsoft", "ldap"',
    })
    .meta({ description: "Dex connector type.", examples: ["github"] }),
  id: dnsLabel().meta({ description: "Connector id (unique).", examples: ["github"] }),
  name: z
    .string()
    .min(1)
    .meta({ description: "Name shown on the login page.", examples: ["GitHub"] }),
  config: z.record(z.string(), z.unknown()).meta({
    description:
      "Connector settings passed to Dex as they are (treated as secret). redirectURI defaults to https://<hostname>/dex/callback.",
    examples: [{ clientID: "abc", clientSecret: "s3cr3t", orgs: [{ name: "my-org" }] }],
  }),
});

/** Example values for the connector settings the rules require. */
const CONNECTOR_EXAMPLES: Record<string, string> = {
  issuer: "https://login.example.com",
  clientID: "<client-id>",
  clientSecret: "<client-secret>",
  host: "ldap.example.com:636",
};

const AuthFields = z.strictObject({
  staticUsers: z
    .array(StaticUserSchema)
    .default([{ email: "user@example.com", username: "user" }])
    .meta({
      description:
        "Dex static users. Passwords are generated; read them with pulumi stack output --show-secrets.",
      examples: [[{ email: "alice@example.com" }]],
    }),
  connectors: z
    .array(ConnectorSchema)
    .default([])
    .meta({ description: "Upstream identity providers (Dex connectors)." }),
});
export const AuthSchema = AuthFields.superRefine(checkAuth).prefault({});

// ---------------------------------------------------------------- database
export const InClusterDatabaseSchema = z
  .strictObject({
    kind: z.literal("inCluster"),
    storageGiB: sizeGiB(20).meta({ description: "Size of the MySQL volume.", examples: [50] }),
    credentials: z
      .strictObject({
        rootPassword: z.string().min(1),
        kfpPassword: z.string().min(1),
      })
      .optional()
      .meta({
        description:
          'The passwords a retained MySQL data directory was initialised with (reinstall onto retained data, docs/upgrading.md "Reinstall and reattach"); read them from the retained Secret kubeflow-data/mysql-credentials and set them with --secret. Keep them set for the life of the data. @default generated',
        examples: [{ rootPassword: "<secret>", kfpPassword: "<secret>" }],
      }),
  })
  .meta({
    description:
      "MySQL 8.4 run by the platform in namespace kubeflow-data; volume retained, resource protected.",
  });

export const ExternalDatabaseSchema = z
  .strictObject({
    kind: z.literal("external"),
    host: hostname().meta({ description: "MySQL host name.", examples: ["mysql.db.example.com"] }),
    port: port()
      .default(3306)
      .meta({ description: "MySQL port.", examples: [3306] }),
    user: z
      .string()
      .min(1)
      .meta({
        description:
          "User with rights on the databases mlpipeline, metadb and cachedb (mysql_native_password, for ML Metadata).",
        examples: ["kubeflow"],
      }),
    password: z
      .string()
      .min(1)
      .meta({
        description: "Password of that user (set it with --secret).",
        examples: ["<secret>"],
      }),
  })
  .meta({ description: "An existing MySQL 8 server; no MySQL is deployed." });

export const ManagedDatabaseSchema = z
  .strictObject({
    kind: z.literal("managed"),
    storageGiB: sizeGiB(50).meta({ description: "Allocated storage.", examples: [100] }),
    instanceClass: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          "Instance class / tier / SKU. @default db.t4g.medium (AWS), db-custom-2-7680 (GCP), Standard_B2ms (Azure)",
        examples: ["db.m7g.large"],
      }),
    backupRetentionDays: z.int().min(1).max(35).default(7),
  })
  .meta({
    description:
      "The cloud's MySQL 8.0 (RDS, Cloud SQL, Azure Database for MySQL), private, encrypted, backed up and protected (cloud clusters only).",
  });

export const NoDatabaseSchema = z.strictObject({ kind: z.literal("none") }).meta({
  description:
    "No database: only for stacks that run none of Pipelines, Katib (on the platform database) and Model Registry.",
});

export const DatabaseSchema = z
  .discriminatedUnion(
    "kind",
    [InClusterDatabaseSchema, ExternalDatabaseSchema, ManagedDatabaseSchema, NoDatabaseSchema],
    { error: 'must have kind "inCluster", "external", "managed" or "none"' },
  )
  .prefault({ kind: "inCluster" });

// ---------------------------------------------------------------- object store
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

// ---------------------------------------------------------------- tenants
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

// ---------------------------------------------------------------- platform
export const PlatformObjectSchema = z.strictObject({
  cluster: ClusterSchema,
  ingress: IngressSchema,
  istio: z
    .strictObject({
      cni: z
        .boolean()
        .default(true)
        .meta({
          description:
            "Install the Istio CNI node agent instead of privileged init containers (as kubeflow/manifests 26.03 does). Without it the injector adds istio-init (NET_ADMIN, NET_RAW, root), which Pod Security baseline and restricted refuse: every meshed pod in kubeflow, knative-serving and tenant namespaces is rejected. Turn off only on a cluster whose namespaces enforce no Pod Security level.",
          examples: [false],
        }),
    })
    .prefault({}),
  auth: AuthSchema,
  database: DatabaseSchema,
  objectStore: ObjectStoreSchema,
  layers: z
    .enum(["all", "cluster", "platform", "tenants"], {
      error: 'must be "all", "cluster", "platform" or "tenants"',
    })
    .default("all")
    .meta({
      description:
        "Which layers this stack runs: all (a laptop), cluster (only a cloud cluster; exports kubeconfig and clusterFacts), platform (everything but tenants; exports tenantFacts), or tenants (only tenants, reading the platform stack named by platformStack).",
      examples: ["tenants"],
    }),
  clusterStack: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+\/[\w.-]+$/, {
      error: "must be a fully qualified stack name such as acme/kubeflow-platform/cluster-dev",
    })
    .optional()
    .meta({
      description:
        "A cluster stack (layers: cluster) whose kubeconfig and facts this stack uses instead of its own cluster layer (layers all or platform).",
      examples: ["acme/kubeflow-platform/cluster-dev"],
    }),
  platformStack: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+\/[\w.-]+$/, {
      error: "must be a fully qualified stack name such as acme/kubeflow-platform/platform-dev",
    })
    .optional()
    .meta({
      description: "The platform stack a tenants stack reads (layers: tenants only).",
      examples: ["acme/kubeflow-platform/platform-dev"],
    }),
  reattach: z
    .boolean()
    .default(false)
    .meta({
      description:
        "For one pulumi up: adopt the objects a previous install or a removed tenant left in the cluster (retained namespaces, volumes, quotas, CRDs, the data services' Secrets) instead of failing with AlreadyExists; sets the Kubernetes provider's upsertExistingObjects. Turn it off again after that run (docs/upgrading.md \"Reinstall and reattach\").",
      examples: [true],
    }),
  profile: ProfileSchema,
  components: AppsSchema,
  images: ImagesSchema,
  defaultTenant: z
    .boolean()
    .default(true)
    .meta({
      description:
        "Give the first static user a tenant of their own (unless a tenant already has that owner).",
      examples: [false],
    }),
  tenants: z
    .array(TenantSchema)
    .default([])
    .meta({ description: "Kubeflow Profiles with quotas and contributors." }),
  tenantsDir: z
    .string()
    .regex(/^[\w./-]+$/, { error: "must be a folder path such as stacks/tenants/dev" })
    .optional()
    .meta({
      description:
        "Folder (relative to the project) with one <tenant>.yaml per tenant, each validated like tenants[] and added to them. @default none",
      examples: ["stacks/tenants/dev"],
    }),
  sourcesDir: z
    .string()
    .min(1, { error: "must be a folder path such as /srv/kubeflow-sources" })
    .optional()
    .meta({
      description:
        "Local sources directory (docs/airgap.md) that replaces the network: kubeflow/manifests, its nested bases and the chart archives, filled by `npm run sources`. Relative paths are relative to the project. @default the KUBEFLOW_PLATFORM_SOURCES environment variable, else the pinned URLs",
      examples: ["/srv/kubeflow-sources"],
    }),
});

export const PlatformSchema = PlatformObjectSchema.superRefine(checkCrossFieldRules).meta({
  title: "kubeflow-platform:platform",
  description: "All settings of one kubeflow-platform stack.",
});

export type PlatformConfig = z.output<typeof PlatformObjectSchema>;
export type PlatformConfigInput = z.input<typeof PlatformObjectSchema>;
export type ClusterConfig = PlatformConfig["cluster"];
export type IngressConfig = PlatformConfig["ingress"];
export type AuthConfig = PlatformConfig["auth"];
export type DatabaseConfig = PlatformConfig["database"];
export type ObjectStoreConfig = PlatformConfig["objectStore"];
export type TenantConfig = PlatformConfig["tenants"][number];

type Ctx = RuleCtx;

/**
 * A retained MySQL data directory keeps the passwords it was initialised with (the server reads
 * MYSQL_ROOT_PASSWORD only on an empty one): reattaching with newly generated ones would lock the
 * platform out of its own database, so the old ones are required.
 */
function checkReattach(cfg: PlatformConfig, ctx: Ctx) {
  const runsMysql =
    ["all", "platform"].includes(cfg.layers) &&
    cfg.database.kind === "inCluster" &&
    needsPlatformDatabase(cfg.profile, cfg.components);
  if (!cfg.reattach || !runsMysql || cfg.database.kind !== "inCluster" || cfg.database.credentials)
    return;
  const read = (key: string) =>
    `"$(kubectl -n kubeflow-data get secret mysql-credentials -o jsonpath='{.data.${key}}' | base64 -d)"`;
  issue(
    ctx,
    ["database", "credentials"],
    "required with reattach: true: the retained MySQL data directory keeps its old passwords, and new ones would lock the platform out",
    undefined,
    `read them from the retained Secret and set them: pulumi config set --secret --path 'kubeflow-platform:platform.database.credentials.rootPassword' ${read("root-password")} && pulumi config set --secret --path 'kubeflow-platform:platform.database.credentials.kfpPassword' ${read("kfp-password")} (no MySQL volume retained: any new values, e.g. "$(openssl rand -hex 16)")`,
  );
}

// Rules that involve more than one field. Each runs on the smallest section that holds its fields,
// so it is reported together with any other section's problems (zod skips a section's rules only
// when that section itself has errors), and a tenant file can be checked on its own. Each rule
// names the field to change and how.

function checkKubernetesVersion(cluster: { kubernetesVersion?: string }, ctx: Ctx) {
  if (
    cluster.kubernetesVersion &&
    Number(cluster.kubernetesVersion.split(".")[1]) < MIN_KUBERNETES_MINOR
  ) {
    issue(
      ctx,
      ["kubernetesVersion"],
      `Kubeflow 26.03 needs Kubernetes 1.${MIN_KUBERNETES_MINOR} or newer`,
      cluster.kubernetesVersion,
      `upgrade the cluster and set it to 1.${MIN_KUBERNETES_MINOR} or later`,
      [{ value: `1.${MIN_KUBERNETES_MINOR}` }],
    );
  }
}

function checkIngress(ingress: z.output<typeof IngressFields>, ctx: Ctx) {
  // Ingress exposure options only make sense for their service type.
  if (ingress.serviceType !== "NodePort") {
    for (const key of ["httpsNodePort", "httpNodePort"] as const) {
      if (ingress[key] !== undefined) {
        issue(
          ctx,
          [key],
          `only applies when ingress.serviceType is "NodePort" (it is "${ingress.serviceType}")`,
          ingress[key],
          `remove it, or set ingress.serviceType to NodePort`,
        );
      }
    }
  } else if (
    ingress.httpsNodePort !== undefined &&
    ingress.httpsNodePort === ingress.httpNodePort
  ) {
    issue(
      ctx,
      ["httpNodePort"],
      "must differ from ingress.httpsNodePort",
      ingress.httpNodePort,
      "pick another port in 30000-32767",
      [{ value: ingress.httpsNodePort === 30080 ? 30081 : 30080 }],
    );
  }
  if (ingress.serviceType !== "LoadBalancer" && ingress.loadBalancerSourceRanges !== undefined) {
    issue(
      ctx,
      ["loadBalancerSourceRanges"],
      `only applies when ingress.serviceType is "LoadBalancer" (it is "${ingress.serviceType}")`,
      ingress.loadBalancerSourceRanges,
      "remove it, or set ingress.serviceType to LoadBalancer",
    );
  }
  if (ingress.tls.mode === "secret" && !ingress.tls.secretName) {
    issue(
      ctx,
      ["tls", "secretName"],
      'required when ingress.tls.mode is "secret"',
      undefined,
      "name your kubernetes.io/tls Secret in istio-system",
      [{ value: "kubeflow-tls" }],
    );
  }
  if (ingress.tls.mode === "letsEncrypt") {
    if (!ingress.tls.email)
      issue(
        ctx,
        ["tls", "email"],
        'required when ingress.tls.mode is "letsEncrypt"',
        undefined,
        "give Let's Encrypt a contact",
        [{ value: "platform@example.com" }],
      );
    if (ingress.hostname === "localhost")
      issue(
        ctx,
        ["hostname"],
        "Let's Encrypt needs a public DNS name pointing at the gateway",
        ingress.hostname,
        "set it to your platform's DNS name",
        [{ value: "kubeflow.example.com" }],
      );
  }
  if (ingress.staticIp && ingress.serviceType !== "LoadBalancer")
    issue(
      ctx,
      ["staticIp"],
      `only applies when ingress.serviceType is "LoadBalancer" (it is "${ingress.serviceType}")`,
      ingress.staticIp,
      "remove it, or set ingress.serviceType to LoadBalancer",
    );
  if (ingress.tls.mode !== "secret" && ingress.tls.secretName) {
    issue(
      ctx,
      ["tls", "secretName"],
      'only applies when ingress.tls.mode is "secret"',
      ingress.tls.secretName,
      "remove it, or set ingress.tls.mode to secret",
    );
  }
}

function checkAuth(auth: z.output<typeof AuthFields>, ctx: Ctx) {
  // Somebody must be able to log in.
  if (auth.staticUsers.length === 0 && auth.connectors.length === 0) {
    issue(
      ctx,
      ["staticUsers"],
      "no static users and no connectors: nobody could log in",
      [],
      "add a connector, or a static user",
      [{ path: ["auth", "staticUsers", 0, "email"], value: "you@example.com" }],
    );
  }
  duplicates(auth.staticUsers.map((u) => u.email)).forEach((i) =>
    issue(
      ctx,
      ["staticUsers", i, "email"],
      "duplicate static user email",
      auth.staticUsers[i].email,
      "list each user once",
    ),
  );
  // Dex and the tenants' namespaces compare users case-insensitively and by their DNS-safe form:
  // two entries that differ only there are one login and one default tenant.
  const emails = auth.staticUsers.map((u) => u.email);
  const exact = new Set(duplicates(emails));
  const folded = new Set(duplicates(emails.map((e) => e.toLowerCase())));
  for (const i of folded)
    if (!exact.has(i))
      issue(
        ctx,
        ["staticUsers", i, "email"],
        "is another static user's email but for upper and lower case: they would be one login",
        emails[i],
        "list each user once, in lower case",
      );
  for (const i of duplicates(emails.map(defaultTenantName)))
    if (!folded.has(i))
      issue(
        ctx,
        ["staticUsers", i, "email"],
        `would share the namespace ${defaultTenantName(emails[i])} with another static user (emails are made DNS-safe)`,
        emails[i],
        "use emails that differ in more than punctuation",
      );
  auth.connectors.forEach((c, i) => {
    // Dex reserves "local" for its own password database (the static users).
    if (c.id === "local")
      issue(
        ctx,
        ["connectors", i, "id"],
        "is reserved by Dex for its static users",
        c.id,
        "give the connector another id, e.g. github",
      );
  });
  duplicates(auth.connectors.map((c) => c.id)).forEach((i) =>
    issue(
      ctx,
      ["connectors", i, "id"],
      "duplicate connector id",
      auth.connectors[i].id,
      "give each connector its own id",
    ),
  );
  auth.connectors.forEach((c, i) => {
    for (const key of CONNECTOR_REQUIRED_KEYS[c.type] ?? []) {
      if (c.config[key] === undefined || c.config[key] === "") {
        issue(
          ctx,
          ["connectors", i, "config", key],
          `required for a "${c.type}" connector`,
          undefined,
          "set it (connector settings are kept as secrets)",
          [{ value: CONNECTOR_EXAMPLES[key] ?? "<value>" }],
        );
      }
    }
  });
}

function checkS3Credentials(objectStore: z.output<typeof S3ObjectStoreFields>, ctx: Ctx) {
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

function checkTenant(t: z.output<typeof TenantFields>, ctx: Ctx) {
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
function checkContributorNames(t: z.output<typeof TenantFields>, ctx: Ctx) {
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

/** Rules across sections: tenants against each other and the object store; app dependencies. */
/** A tenant must not take the namespace of the first user's default tenant. */
function checkDefaultTenantName(cfg: PlatformConfig, ctx: Ctx) {
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
}

function checkCrossFieldRules(cfg: PlatformConfig, ctx: Ctx) {
  const { objectStore, tenants } = cfg;
  checkAppDependencies(cfg, ctx);
  checkDefaultTenantName(cfg, ctx);
  checkReattach(cfg, ctx);
  if (
    cfg.cluster.kind === "azure" &&
    cfg.cluster.network.existingNodeSubnetId &&
    cfg.database.kind === "managed" &&
    !cfg.cluster.network.existingMysqlSubnetId
  )
    issue(
      ctx,
      ["cluster", "network", "existingMysqlSubnetId"],
      "a managed database in an existing VNet needs a subnet delegated to MySQL flexible servers",
      undefined,
      "create one in the same VNet and set its resource id here",
    );
  checkDatabaseClass(cfg, ctx);
  checkClusterContext(cfg, ctx);
  // With clusterStack the cluster stack's kind decides; it is checked there.
  if (cfg.database.kind === "managed" && cfg.cluster.kind === "existing" && !cfg.clusterStack)
    issue(
      ctx,
      ["database", "kind"],
      "a managed database needs a cloud cluster (cluster.kind aws, gcp or azure)",
      "managed",
      'use database.kind "inCluster" or "external" on an existing cluster',
    );
  if (
    cfg.objectStore.kind === "managed" &&
    !["aws", "gcp"].includes(cfg.cluster.kind) &&
    !cfg.clusterStack
  )
    issue(
      ctx,
      ["objectStore", "kind"],
      cfg.cluster.kind === "azure"
        ? "Pipelines cannot use Azure Blob storage"
        : "a managed bucket needs an AWS or GCP cluster",
      "managed",
      cfg.cluster.kind === "azure"
        ? 'use objectStore.kind "minio" (it runs on an Azure managed disk)'
        : 'use objectStore.kind "minio" or "s3"',
    );
  if (cfg.layers === "cluster" && cfg.cluster.kind === "existing")
    issue(
      ctx,
      ["layers"],
      'a cluster stack creates a cloud cluster: cluster.kind must be "aws", "gcp" or "azure"',
      "cluster",
      "use layers all or platform with an existing cluster",
    );
  if (cfg.clusterStack && !["all", "platform"].includes(cfg.layers))
    issue(
      ctx,
      ["clusterStack"],
      'only used when layers is "all" or "platform"',
      cfg.clusterStack,
      "remove it",
    );
  if (cfg.layers === "tenants" && !cfg.platformStack)
    issue(
      ctx,
      ["platformStack"],
      'required when layers is "tenants": the tenants read the platform stack\'s facts',
      undefined,
      "name the platform stack (<organization>/kubeflow-platform/<stack>)",
      [{ value: "acme/kubeflow-platform/platform-dev" }],
    );
  if (cfg.layers !== "tenants" && cfg.platformStack)
    issue(
      ctx,
      ["platformStack"],
      'only used when layers is "tenants"',
      cfg.platformStack,
      'remove it, or set layers to "tenants"',
    );
  // A GPU quota is only honest where there are GPUs to schedule on. (A tenants stack cannot see the
  // platform's pools here; the policy pack checks GPU quotas against them.)
  if (gpuPoolsOf(cfg.cluster).length === 0 && cfg.layers !== "tenants" && !cfg.clusterStack)
    tenants.forEach((t, i) => {
      if (t.quota?.gpu)
        issue(
          ctx,
          ["tenants", i, "quota", "gpu"],
          "a GPU quota needs a GPU pool, and cluster.gpuPools is empty",
          t.quota.gpu,
          "declare the cluster's GPU nodes under cluster.gpuPools, or remove the GPU quota",
        );
    });
  tenants.forEach((t, i) => {
    const needsKeys =
      objectStore.kind === "s3" && objectStore.tenantIsolation === "perTenantCredentials";
    if (needsKeys && !t.objectStoreCredentials) {
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
    }
    if (!needsKeys && t.objectStoreCredentials) {
      issue(
        ctx,
        ["tenants", i, "objectStoreCredentials"],
        objectStore.kind === "minio"
          ? "MinIO tenant credentials are generated; do not set them"
          : 'only used with objectStore.tenantIsolation "perTenantCredentials"',
        "[redacted]",
        "remove it",
      );
    }
  });

  // Tenants: unique names, sane defaults inside the quota.
  duplicates(tenants.map((t) => t.name)).forEach((i) =>
    issue(
      ctx,
      ["tenants", i, "name"],
      "duplicate tenant name",
      tenants[i].name,
      "give each tenant its own name",
    ),
  );
}

/**
 * An existing cluster is named by its kubeconfig context. A stack that names none (an empty stack
 * file, say) would deploy to whichever cluster the kubeconfig's current-context points at when it
 * runs, so that takes an explicit useCurrentContext: true.
 */
function checkClusterContext(cfg: PlatformConfig, ctx: Ctx) {
  const c = cfg.cluster;
  if (c.kind !== "existing" || cfg.clusterStack || cfg.layers === "cluster") return;
  if (!c.context && !c.useCurrentContext)
    issue(
      ctx,
      ["cluster", "context"],
      "not set: the stack would target the kubeconfig's current context (kubectl config current-context), whichever cluster that is when it runs",
      undefined,
      `name the cluster's context (yours, e.g. kind-kubeflow): ${setHints([
        [["cluster", "kind"], "existing"],
        [["cluster", "context"], "kind-kubeflow"],
      ])}, or accept the current context: ${setHints([
        [["cluster", "kind"], "existing"],
        [["cluster", "useCurrentContext"], true],
      ])}`,
    );
  if (c.context && c.useCurrentContext)
    issue(
      ctx,
      ["cluster", "useCurrentContext"],
      "conflicts with cluster.context: the stack names its context",
      true,
      `remove it: ${removeHint(["cluster", "useCurrentContext"])}`,
    );
}

/** A managed database's class must be of the cloud the cluster layer creates it in. */
function checkDatabaseClass(cfg: PlatformConfig, ctx: Ctx) {
  const { database, cluster } = cfg;
  if (database.kind !== "managed" || !database.instanceClass || cluster.kind === "existing") return;
  const wrong = wrongCloudSize(cluster.kind, "database", database.instanceClass);
  if (wrong)
    issue(
      ctx,
      ["database", "instanceClass"],
      wrong,
      database.instanceClass,
      "use one of the cluster's cloud, e.g.",
      [{ value: suggestedSize(cluster.kind, "database", database.instanceClass) }],
    );
}

/** What each enabled application needs from the rest of the config. */
function checkAppDependencies(cfg: PlatformConfig, ctx: Ctx) {
  const on = enabledApps(cfg.profile, cfg.components);
  const apps = cfg.components;
  if (on.has("kserve") && apps.kserve.mode === "serverless" && !on.has("knativeServing")) {
    issue(
      ctx,
      ["components", "knativeServing", "enabled"],
      "KServe in serverless mode needs Knative Serving",
      apps.knativeServing.enabled ?? false,
      "enable components.knativeServing, or set components.kserve.mode to rawDeployment",
    );
  }
  if (cfg.database.kind === "none") {
    const needsDb = [
      ...(on.has("pipelines") ? ["pipelines"] : []),
      ...appsOnPlatformDatabase(cfg.profile, apps),
    ];
    for (const a of needsDb)
      issue(
        ctx,
        ["database", "kind"],
        `components.${a} needs a database, but database.kind is "none"`,
        "none",
        `set database.kind to inCluster or external, or disable components.${a} (components.${a}.enabled: false)`,
      );
  }
  const gpus = apps.notebooks.gpus;
  // With clusterStack the pools are the cluster stack's (its facts), not in this config.
  if (
    on.has("notebooks") &&
    gpus.enabled &&
    !cfg.clusterStack &&
    gpuPoolsOf(cfg.cluster).length === 0 &&
    !gpus.tolerations?.length
  ) {
    issue(
      ctx,
      ["components", "notebooks", "gpus", "enabled"],
      "GPU notebooks need a GPU pool (cluster.gpuPools) or explicit tolerations",
      true,
      "declare the GPU nodes under cluster.gpuPools, or set components.notebooks.gpus.tolerations",
    );
  }
  for (const a of ["katib", "modelRegistry"] as const) {
    if (!on.has(a) && apps[a].database.kind === "external")
      issue(
        ctx,
        ["components", a, "database"],
        `only used when components.${a} is enabled`,
        "external",
        `remove it, or enable components.${a}`,
      );
  }
}

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

function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i);
    seen.add(v);
  });
  return out;
}
