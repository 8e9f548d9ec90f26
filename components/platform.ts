// Builds the layers one stack runs from a validated PlatformConfig: cluster, then foundation, then
// Kubeflow, then tenants. Data flows one way; each component gets its slice of config and facts.
// A stack runs all layers (`layers: all`) or one: `platform` exports the facts the tenants layer
// needs, and a `tenants` stack reads them from the platform stack by StackReference.
import * as pulumi from "@pulumi/pulumi";
import { AksCluster } from "./cluster/azure";
import { EksCluster } from "./cluster/aws/eksCluster";
import { programPrincipalArn } from "./cluster/aws/controlPlane";
import { ExistingCluster, ResolvedKubeconfig } from "./cluster/existing";
import { ClusterFacts, ClusterLayer, clusterFromStack } from "./cluster/facts";
import { GkeCluster } from "./cluster/gcp";
import { GpuPool, PlatformConfig, TenantConfig, TenantSchema } from "./config/schema";
import { CertManager } from "./foundation/certManager";
import { dataNamespace } from "./foundation/dataNamespace";
import { Dex } from "./foundation/dex";
import { IngressAuth } from "./foundation/ingressAuth";
import { Istio } from "./foundation/istio";
import { Minio } from "./foundation/minio";
import { ManagedMysql, Mysql } from "./foundation/mysql";
import { OAuth2Proxy } from "./foundation/oauth2Proxy";
import { ObjectStoreCredentials } from "./foundation/objectStoreCredentials";
import { KubeflowCore } from "./kubeflow/core";
import { Pipelines } from "./kubeflow/pipelines";
import { ObjectStoreEndpoint } from "./kubeflow/pipelinesTransforms";
import { defaultTenantName } from "./lib/naming";
import { Tenants, Toleration } from "./tenants/tenant";
import { TenantObjectStoreFacts } from "./tenants/objectStore";
import { appsOnPlatformDatabase, enabledApps, needsPlatformDatabase } from "./config/apps";
import { AppDatabase, AppDatabaseConnection } from "./foundation/mysql";
import { buildApps } from "./kubeflow/apps";
import { mirrorImages } from "./lib/images";
import { requireStackOutput } from "./lib/stackOutputs";
import { toResourceTransform } from "./lib/transforms";
import { noteStackTransforms } from "./upstream/run";
import { apiVersionAliases } from "./lib/apiVersionAliases";
import { requireUpgradePath } from "./migrations/record";
import { useSources } from "./upstream/run";
import { sourcesDirectory } from "./upstream/resolve";

/**
 * The first user's own tenant gets a modest quota, as every tenant must (see the policy pack), and
 * no GPUs: a bound the policy pack can check on a cluster with GPU pools (where every tenant's
 * quota must cover GPUs) and a no-op elsewhere. To give that user GPUs, add a tenant file they own;
 * it replaces the automatic tenant.
 */
export const DEFAULT_TENANT_QUOTA = { cpu: "4", memory: "8Gi", storage: "50Gi", gpu: 0 };

/** Config tenants plus the first static user's own tenant, unless disabled or already owned. */
export function effectiveTenants(cfg: PlatformConfig): TenantConfig[] {
  const first = cfg.auth.staticUsers[0];
  const owns = (t: TenantConfig) => t.owner.toLowerCase() === first.email.toLowerCase();
  if (!cfg.defaultTenant || !first || cfg.tenants.some(owns)) return cfg.tenants;
  const name = defaultTenantName(first.email);
  if (cfg.tenants.some((t) => t.name === name)) return cfg.tenants;
  // Parsed through the schema so the defaults (LimitRange values) are the schema's own.
  return [
    TenantSchema.parse({ name, owner: first.email, quota: DEFAULT_TENANT_QUOTA }),
    ...cfg.tenants,
  ];
}

export interface PlatformOutputs {
  context: pulumi.Input<string>;
  dashboardUrl?: string;
  /** email → generated password (secret). */
  staticUserPasswords?: Record<string, pulumi.Output<string>>;
  tenantIdentity?: Record<string, pulumi.Input<string>>;
  tenants: string[];
  /** What a tenants-only stack needs (exported by a platform stack). */
  tenantFacts?: TenantLayerFacts;
  /** A cluster stack's kubeconfig (secret) and facts, read by platform stacks. */
  kubeconfig?: pulumi.Output<string>;
  clusterFacts?: ClusterFacts & { clusterIdentifier?: pulumi.Input<string> };
}

/** What the tenants layer needs from the platform layer; a platform stack exports it. */
export interface TenantLayerFacts {
  /** The Pipelines object store, when Pipelines runs. */
  objectStore?: TenantObjectStoreFacts;
  /** Tolerations for the GPU PodDefault. */
  gpuTolerations: Toleration[];
  /**
   * The most GPUs the platform's GPU pools hold (Σ maxNodes × gpusPerNode). A tenants stack has no
   * pools of its own: its policy config checks its tenants' GPU quotas against this.
   */
  gpuCapacity: number;
}

/** The facts, from the platform's config (platform keys passed in when tenants share them). Pure. */
export function tenantLayerFacts(
  cfg: PlatformConfig,
  gpuPools: GpuPool[],
  platformKeys?: TenantObjectStoreFacts["platformKeys"],
): TenantLayerFacts {
  const pipelines = enabledApps(cfg.profile, cfg.components).has("pipelines");
  const shared = cfg.objectStore.kind === "s3" && cfg.objectStore.tenantIsolation === "shared";
  return {
    objectStore: pipelines
      ? {
          // A managed bucket is S3 to the tenants: they bring keys or use their cloud identity.
          kind: cfg.objectStore.kind === "minio" ? "minio" : "s3",
          bucket: cfg.objectStore.bucket ?? "",
          shared,
          ...(shared ? { platformKeys } : {}),
        }
      : undefined,
    gpuTolerations: gpuTolerations(gpuPools),
    gpuCapacity: gpuCapacityOf(gpuPools),
  };
}

/** The most GPUs the pools can hold: Σ maxNodes × gpusPerNode. Pure. */
export function gpuCapacityOf(pools: GpuPool[]): number {
  return pools.reduce((n, p) => n + (p.maxNodes ?? 0) * p.gpusPerNode, 0);
}

/** The tolerations that let a pod onto any of the GPU pools, without duplicates. */
export function gpuTolerations(pools: GpuPool[]): GpuPool["tolerations"] {
  const seen = new Map(pools.flatMap((p) => p.tolerations).map((t) => [JSON.stringify(t), t]));
  return [...seen.values()];
}

/** Databases apps get on the platform's MySQL: name and user of each. */
export const APP_DATABASES: Record<"katib" | "modelRegistry", AppDatabase> = {
  katib: { app: "katib", database: "katib", user: "katib" },
  modelRegistry: { app: "model-registry", database: "model_registry", user: "model_registry" },
};

/** Registers every resource; resolves once all are registered (tenants go in batches). */
export async function buildPlatform(
  cfg: PlatformConfig,
  options: { kubeconfig?: ResolvedKubeconfig } = {},
): Promise<PlatformOutputs> {
  // Upstream artifacts come from the pinned URLs or from a local sources directory.
  useSources(sourcesDirectory(cfg.sourcesDir));
  // A stack deployed by a release this one cannot migrate from is refused before anything else.
  await requireUpgradePath();
  // Every Kubernetes resource is aliased to its kind's other served versions, so an upstream move
  // between versions updates the object instead of colliding with it. Registered before any resource.
  pulumi.runtime.registerResourceTransform(apiVersionAliases);
  // One stack-wide transform rewrites every image (ours, charts', kustomizations') to the mirror.
  // It must be registered before any resource.
  if (cfg.images.registry) {
    const mirror = [mirrorImages(cfg.images.registry, cfg.images.pullSecret)];
    pulumi.runtime.registerResourceTransform(toResourceTransform(mirror));
    noteStackTransforms(mirror);
  }
  if (cfg.layers === "cluster") {
    // A cloud cluster alone; platform stacks read its kubeconfig and facts (clusterStack).
    const cluster = await buildCluster(cfg, options);
    return {
      context: cluster.context,
      tenants: [],
      kubeconfig: cluster.kubeconfig,
      clusterFacts: { ...cluster.facts, clusterIdentifier: cluster.clusterIdentifier },
    };
  }
  const cluster = cfg.clusterStack
    ? await clusterFromStack(cfg.clusterStack, { reattach: cfg.reattach })
    : await buildCluster(cfg, options);
  const k8sOpts = { providers: { kubernetes: cluster.provider }, dependsOn: cluster.ready };

  if (cfg.layers === "tenants") {
    // The platform stack's facts; its resources (CRDs, webhooks) are in place before this runs.
    const { value: facts } = await requireStackOutput<TenantLayerFacts>(
      "platform",
      cfg.platformStack!,
      "tenantFacts",
      "platform.platformStack",
      '"platform" or "all"',
    );
    const tenants = await buildTenants(cfg.tenants, facts, { profiles: [], istio: [] }, k8sOpts);
    return { context: cluster.context, tenants: tenants.names };
  }

  const platform = buildPlatformLayer(cfg, cluster, k8sOpts);
  if (cfg.layers === "platform") {
    // Tenants live in their own stack; Spark then watches every namespace.
    platform.afterTenants(undefined, undefined);
    return { ...platform.outputs, tenants: [], tenantFacts: platform.facts };
  }
  const tenants = await buildTenants(
    effectiveTenants(cfg),
    platform.facts,
    platform.tenantDeps,
    k8sOpts,
  );
  platform.afterTenants(tenants, tenants.names);
  return { ...platform.outputs, tenants: tenants.names };
}

/** The cluster layer: a cluster that exists, or one the platform creates in a cloud. */
async function buildCluster(
  cfg: PlatformConfig,
  options: { kubeconfig?: ResolvedKubeconfig },
): Promise<ClusterLayer> {
  const c = cfg.cluster;
  const cloud = {
    database: cfg.database,
    objectStore: cfg.objectStore,
    provider: { reattach: cfg.reattach },
  };
  switch (c.kind) {
    case "existing":
      return new ExistingCluster("cluster", {
        cluster: c,
        kubeconfig: options.kubeconfig,
        provider: { reattach: cfg.reattach },
      });
    case "aws":
      return new EksCluster("cluster", {
        cluster: c,
        ...cloud,
        creatorArn: await programPrincipalArn(),
      });
    case "gcp":
      return new GkeCluster("cluster", { cluster: c, ...cloud });
    case "azure":
      return new AksCluster("cluster", { cluster: c, ...cloud });
  }
}

/** The tenants layer. Resolves once every tenant is registered (they go in batches). */
async function buildTenants(
  tenants: TenantConfig[],
  facts: TenantLayerFacts,
  deps: TenantDeps,
  k8sOpts: pulumi.ComponentResourceOptions,
): Promise<Tenants> {
  const component = new Tenants(
    "tenants",
    {
      tenants,
      profiles: deps.profiles,
      istio: deps.istio,
      gpuTolerations: facts.gpuTolerations,
      objectStore: facts.objectStore,
      minio: deps.minio,
      controllers: deps.controllers,
    },
    k8sOpts,
  );
  await component.registered;
  return component;
}

/** What the tenants wait for (and, on a destroy, what is deleted after them). */
interface TenantDeps {
  profiles: pulumi.Resource[];
  istio: pulumi.Resource[];
  minio?: pulumi.Resource[];
  controllers?: pulumi.Resource[];
}

interface PlatformLayer {
  outputs: Omit<PlatformOutputs, "tenants">;
  facts: TenantLayerFacts;
  tenantDeps: TenantDeps;
  /** Apps that act in tenant namespaces (the Spark operator) go in after them. */
  afterTenants(tenants: pulumi.Resource | undefined, names: string[] | undefined): void;
}

/** Foundation, Kubeflow core and the enabled applications. */
function buildPlatformLayer(
  cfg: PlatformConfig,
  cluster: ClusterLayer,
  k8sOpts: pulumi.ComponentResourceOptions,
): PlatformLayer {
  const apps = enabledApps(cfg.profile, cfg.components);
  // Foundation
  const certManager = new CertManager("cert-manager", {}, k8sOpts);
  // The cloud's load balancer annotations first; the user's win.
  const ingress = {
    ...cfg.ingress,
    serviceAnnotations: { ...cluster.facts.ingressAnnotations, ...cfg.ingress.serviceAnnotations },
  };
  const istio = new Istio(
    "istio",
    { ingress, cni: cfg.istio.cni, platform: cfg.cluster.kind === "gcp" ? "gke" : undefined },
    k8sOpts,
  );
  const dex = new Dex("dex", { auth: cfg.auth, hostname: cfg.ingress.hostname }, k8sOpts);
  new OAuth2Proxy("oauth2-proxy", { clientSecret: dex.clientSecret }, k8sOpts);

  // Data services: only what the enabled apps use.
  const appDatabases = appsOnPlatformDatabase(cfg.profile, cfg.components);
  const needsDatabase = needsPlatformDatabase(cfg.profile, cfg.components);
  const runsData =
    (needsDatabase && ["inCluster", "managed"].includes(cfg.database.kind)) ||
    (apps.has("pipelines") && cfg.objectStore.kind === "minio");
  const dataNs = runsData
    ? dataNamespace("kubeflow-data", { provider: cluster.provider })
    : undefined;
  const dataServices: pulumi.Resource[] = [];
  let database:
    { host: string; port: number; user: string; password: pulumi.Input<string> } | undefined;
  const appConnections: Partial<Record<"katib" | "modelRegistry", AppDatabaseConnection>> = {};
  if (needsDatabase && cfg.database.kind === "inCluster") {
    const mysql = new Mysql(
      "mysql",
      {
        storageGiB: cfg.database.storageGiB,
        storageClass: cluster.facts.storageClass,
        namespace: dataNs!,
        appDatabases: appDatabases.map((a) => APP_DATABASES[a]),
        credentials: cfg.database.credentials && {
          rootPassword: pulumi.secret(cfg.database.credentials.rootPassword),
          kfpPassword: pulumi.secret(cfg.database.credentials.kfpPassword),
        },
      },
      k8sOpts,
    );
    dataServices.push(mysql);
    database = mysql.connection;
    for (const a of appDatabases) appConnections[a] = mysql.appConnections[APP_DATABASES[a].app];
  } else if (needsDatabase && cfg.database.kind === "managed" && cluster.facts.managedDatabase) {
    const managed = new ManagedMysql(
      "mysql",
      {
        ...cluster.facts.managedDatabase,
        namespace: dataNs!,
        appDatabases: appDatabases.map((a) => APP_DATABASES[a]),
      },
      k8sOpts,
    );
    dataServices.push(managed);
    database = managed.connection;
    for (const a of appDatabases) appConnections[a] = managed.appConnections[APP_DATABASES[a].app];
  } else if (needsDatabase && cfg.database.kind === "external") {
    const password = pulumi.secret(cfg.database.password);
    database = {
      host: cfg.database.host,
      port: cfg.database.port,
      user: cfg.database.user,
      password,
    };
    // Apps use the same server and user, each with its database (which must exist).
    for (const a of appDatabases)
      appConnections[a] = {
        host: cfg.database.host,
        port: cfg.database.port,
        user: cfg.database.user,
        database: APP_DATABASES[a].database,
        password,
      };
  }
  for (const a of ["katib", "modelRegistry"] as const) {
    const db = cfg.components[a].database;
    if (apps.has(a) && db.kind === "external")
      appConnections[a] = {
        host: db.host,
        port: db.port,
        user: db.user,
        database: db.name,
        password: pulumi.secret(db.password),
      };
  }

  // Kubeflow core
  const core = new KubeflowCore(
    "kubeflow",
    { certManager: certManager.ready, istio: istio.ready, apps },
    k8sOpts,
  );
  new IngressAuth(
    "ingress-auth",
    {
      ingress: cfg.ingress,
      // After Dex: istiod fetches the issuer's keys when it sees the RequestAuthentication.
      dependsOn: [core.namespace, ...istio.ready, ...certManager.ready, dex.chart],
    },
    k8sOpts,
  );

  let platformKeys: TenantObjectStoreFacts["platformKeys"];
  let minioServer: pulumi.Resource[] | undefined;
  let pipelines: Pipelines | undefined;
  if (apps.has("pipelines")) {
    const credentials = new ObjectStoreCredentials(
      "object-store-credentials",
      { objectStore: cfg.objectStore, managedKeys: cluster.facts.managedObjectStore?.keys },
      k8sOpts,
    );
    platformKeys = credentials.platform;
    let store: ObjectStoreEndpoint;
    if (cfg.objectStore.kind === "minio") {
      const minio = new Minio(
        "minio",
        {
          bucket: cfg.objectStore.bucket ?? "",
          storageGiB: cfg.objectStore.storageGiB,
          storageClass: cluster.facts.storageClass,
          namespace: dataNs!,
          platformCredentials: credentials.platform,
        },
        k8sOpts,
      );
      dataServices.push(minio);
      minioServer = [minio];
      store = { ...minio.endpoint, region: "us-east-1", bucket: cfg.objectStore.bucket };
    } else if (cfg.objectStore.kind === "s3") {
      const [host, port] = cfg.objectStore.endpoint.split(":");
      store = {
        host,
        port: port ? Number(port) : cfg.objectStore.secure ? 443 : 80,
        secure: cfg.objectStore.secure,
        region: cfg.objectStore.region,
        bucket: cfg.objectStore.bucket,
        workloadIdentity: cfg.objectStore.serviceAccountAnnotations,
      };
    } else {
      const m = cluster.facts.managedObjectStore!;
      store = {
        host: m.host,
        port: m.port,
        secure: m.secure,
        region: m.region,
        bucket: m.bucket,
        workloadIdentity: m.workloadIdentity,
      };
    }
    pipelines = new Pipelines(
      "pipelines",
      {
        settings: cfg.components.pipelines,
        database: database!,
        objectStore: store,
        platformCredentials: credentials.platform,
        dependsOn: [core.namespace, ...certManager.ready, ...istio.ready, ...dataServices],
      },
      k8sOpts,
    );
  }

  // Kubeflow applications
  const appsBuilt = buildApps(
    cfg,
    apps,
    {
      base: [core.namespace, ...certManager.ready, ...istio.ready],
      mesh: [...istio.ready, ...certManager.ready],
      data: dataServices,
      databases: appConnections,
    },
    k8sOpts,
  );

  const scheme = "https";
  return {
    outputs: {
      context: cluster.context,
      dashboardUrl:
        cfg.ingress.hostname === "localhost"
          ? `${scheme}://localhost:8443/`
          : `${scheme}://${cfg.ingress.hostname}/`,
      staticUserPasswords: dex.passwords,
      // What per-tenant cloud identities (IAM roles, Google service accounts) need to trust.
      tenantIdentity: cluster.facts.tenantIdentity,
    },
    facts: tenantLayerFacts(cfg, cluster.facts.gpuPools, platformKeys),
    tenantDeps: {
      profiles: [core.profiles, core.podDefaults],
      istio: istio.ready,
      minio: minioServer,
      controllers: [...(pipelines ? [pipelines] : []), ...appsBuilt.controllers],
    },
    afterTenants: (tenants, names) => appsBuilt.afterTenants(tenants, names),
  };
}
