// Builds the layers one stack runs from a validated PlatformConfig: cluster, then foundation, then
// Kubeflow, then tenants. Data flows one way; each component gets its slice of config and facts.
import * as pulumi from "@pulumi/pulumi";
import { ExistingCluster, ResolvedKubeconfig } from "./cluster/existing";
import { PlatformConfig, TenantConfig, TenantSchema } from "./config/schema";
import { CertManager } from "./foundation/certManager";
import { dataNamespace } from "./foundation/dataNamespace";
import { Dex } from "./foundation/dex";
import { IngressAuth } from "./foundation/ingressAuth";
import { Istio } from "./foundation/istio";
import { Minio } from "./foundation/minio";
import { Mysql } from "./foundation/mysql";
import { OAuth2Proxy } from "./foundation/oauth2Proxy";
import { ObjectStoreCredentials } from "./foundation/objectStoreCredentials";
import { KubeflowCore } from "./kubeflow/core";
import { Pipelines } from "./kubeflow/pipelines";
import { ObjectStoreEndpoint } from "./kubeflow/pipelinesTransforms";
import { defaultTenantName } from "./lib/naming";
import { Tenants } from "./tenants/tenant";

/** Config tenants plus the first static user's own tenant, unless disabled or already owned. */
export function effectiveTenants(cfg: PlatformConfig): TenantConfig[] {
  const first = cfg.auth.staticUsers[0];
  if (!cfg.defaultTenant || !first || cfg.tenants.some((t) => t.owner === first.email))
    return cfg.tenants;
  const name = defaultTenantName(first.email);
  if (cfg.tenants.some((t) => t.name === name)) return cfg.tenants;
  // Parsed through the schema so the defaults (LimitRange values) are the schema's own.
  return [TenantSchema.parse({ name, owner: first.email }), ...cfg.tenants];
}

export interface PlatformOutputs {
  context: string;
  dashboardUrl: string;
  /** email → generated password (secret). */
  staticUserPasswords: Record<string, pulumi.Output<string>>;
  tenants: string[];
}

/** Registers every resource; resolves once all are registered (tenants go in batches). */
export async function buildPlatform(
  cfg: PlatformConfig,
  options: { kubeconfig?: ResolvedKubeconfig } = {},
): Promise<PlatformOutputs> {
  const cluster = new ExistingCluster("cluster", {
    cluster: cfg.cluster,
    kubeconfig: options.kubeconfig,
  });
  const k8sOpts = { providers: { kubernetes: cluster.provider } };
  const tenants = effectiveTenants(cfg);

  // Foundation
  const certManager = new CertManager("cert-manager", {}, k8sOpts);
  const istio = new Istio("istio", { ingress: cfg.ingress, cni: cfg.istio.cni }, k8sOpts);
  const dex = new Dex("dex", { auth: cfg.auth, hostname: cfg.ingress.hostname }, k8sOpts);
  new OAuth2Proxy("oauth2-proxy", { clientSecret: dex.clientSecret }, k8sOpts);

  const dataNs = dataNamespace("kubeflow-data", { provider: cluster.provider });
  const credentials = new ObjectStoreCredentials(
    "object-store-credentials",
    { objectStore: cfg.objectStore, tenants },
    k8sOpts,
  );
  const dataServices: pulumi.Resource[] = [];
  let database: { host: string; port: number; user: string; password: pulumi.Input<string> };
  if (cfg.database.kind === "inCluster") {
    const mysql = new Mysql(
      "mysql",
      {
        storageGiB: cfg.database.storageGiB,
        storageClass: cluster.facts.storageClass,
        namespace: dataNs,
      },
      k8sOpts,
    );
    dataServices.push(mysql);
    database = mysql.connection;
  } else {
    database = {
      host: cfg.database.host,
      port: cfg.database.port,
      user: cfg.database.user,
      password: pulumi.secret(cfg.database.password),
    };
  }
  let store: ObjectStoreEndpoint;
  if (cfg.objectStore.kind === "minio") {
    const minio = new Minio(
      "minio",
      {
        bucket: cfg.objectStore.bucket,
        storageGiB: cfg.objectStore.storageGiB,
        storageClass: cluster.facts.storageClass,
        namespace: dataNs,
        platformCredentials: credentials.platform,
        tenantCredentials: credentials.tenants,
      },
      k8sOpts,
    );
    dataServices.push(minio);
    store = { ...minio.endpoint, region: "us-east-1", bucket: cfg.objectStore.bucket };
  } else {
    const [host, port] = cfg.objectStore.endpoint.split(":");
    store = {
      host,
      port: port ? Number(port) : cfg.objectStore.secure ? 443 : 80,
      secure: cfg.objectStore.secure,
      region: cfg.objectStore.region,
      bucket: cfg.objectStore.bucket,
      workloadIdentity: cfg.objectStore.serviceAccountAnnotations,
    };
  }

  // Kubeflow
  const core = new KubeflowCore(
    "kubeflow",
    { certManager: certManager.ready, istio: istio.ready },
    k8sOpts,
  );
  new IngressAuth(
    "ingress-auth",
    { ingress: cfg.ingress, dependsOn: [core.namespace, ...istio.ready, ...certManager.ready] },
    k8sOpts,
  );
  new Pipelines(
    "pipelines",
    {
      database,
      objectStore: store,
      platformCredentials: credentials.platform,
      tenantCredentials: credentials.tenants,
      dependsOn: [core.namespace, ...certManager.ready, ...istio.ready, ...dataServices],
    },
    k8sOpts,
  );

  // Tenants
  const tenantsComponent = new Tenants(
    "tenants",
    { tenants, profiles: [core.profiles, core.podDefaults], istio: istio.ready },
    k8sOpts,
  );
  await tenantsComponent.registered;

  const scheme = "https";
  return {
    context: cluster.context,
    dashboardUrl:
      cfg.ingress.hostname === "localhost"
        ? `${scheme}://localhost:8443/`
        : `${scheme}://${cfg.ingress.hostname}/`,
    staticUserPasswords: dex.passwords,
    tenants: tenantsComponent.names,
  };
}
