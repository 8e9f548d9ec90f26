// The platform object: every section under its top-level key, and the few settings that belong to
// no section (the Istio CNI switch, which layers the stack runs and the stacks it reads, reattach,
// the default tenant, the tenant and sources folders). Its types are what the rest of the program
// receives. The cross-section rules (../rules.ts) check this object; ../schema.ts joins the two.
import { z } from "zod";
import { AppsSchema, ImagesSchema, ProfileSchema } from "../apps";
import { AuthSchema } from "./auth";
import { ClusterSchema } from "./clusterKinds";
import { DatabaseSchema } from "./database";
import { IngressSchema } from "./ingress";
import { ObjectStoreSchema } from "./objectStore";
import { TenantSchema } from "./tenant";

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

export type PlatformConfig = z.output<typeof PlatformObjectSchema>;
export type PlatformConfigInput = z.input<typeof PlatformObjectSchema>;
export type ClusterConfig = PlatformConfig["cluster"];
export type IngressConfig = PlatformConfig["ingress"];
export type AuthConfig = PlatformConfig["auth"];
export type DatabaseConfig = PlatformConfig["database"];
export type ObjectStoreConfig = PlatformConfig["objectStore"];
export type TenantConfig = PlatformConfig["tenants"][number];
