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
import { PlatformConfig, TenantConfig } from "./config/schema";
import { CertManager } from "./foundation/certManager";
import { platformData } from "./foundation/dataServices";
import { Dex } from "./foundation/dex";
import { IngressAuth } from "./foundation/ingressAuth";
import { Istio } from "./foundation/istio";
import { OAuth2Proxy } from "./foundation/oauth2Proxy";
import { buildApps } from "./kubeflow/apps";
import { KubeflowCore } from "./kubeflow/core";
import { dashboardLinks } from "./kubeflow/dashboardLinks";
import { appTenantObjects, dataNeeds, enabledModules } from "./kubeflow/registry";
import { apiVersionAliases } from "./lib/apiVersionAliases";
import { mirrorImages } from "./lib/images";
import { requireStackOutput } from "./lib/stackOutputs";
import { toResourceTransform } from "./lib/transforms";
import { requireUpgradePath } from "./migrations/record";
import { TenantLayerFacts, effectiveTenants, tenantLayerFacts } from "./tenants/facts";
import { Tenants } from "./tenants/tenants";
import { sourcesDirectory } from "./upstream/resolve";
import { noteStackTransforms, useSources } from "./upstream/run";

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
      facts,
      profiles: deps.profiles,
      istio: deps.istio,
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

/** Foundation, data services, Kubeflow core and the enabled applications: wiring only. */
function buildPlatformLayer(
  cfg: PlatformConfig,
  cluster: ClusterLayer,
  k8sOpts: pulumi.ComponentResourceOptions,
): PlatformLayer {
  const { facts } = cluster;
  const apps = enabledModules(cfg);
  const installed = new Set(apps.map((m) => m.name));
  // Foundation
  const certManager = new CertManager("cert-manager", {}, k8sOpts);
  // The cloud's load balancer annotations first; the user's win.
  const ingress = {
    ...cfg.ingress,
    serviceAnnotations: { ...facts.ingressAnnotations, ...cfg.ingress.serviceAnnotations },
  };
  const { cni } = cfg.istio;
  const istio = new Istio("istio", { ingress, cni, platform: facts.meshPlatform }, k8sOpts);
  const dex = new Dex("dex", { auth: cfg.auth, hostname: cfg.ingress.hostname }, k8sOpts);
  new OAuth2Proxy("oauth2-proxy", { clientSecret: dex.clientSecret }, k8sOpts);
  // Data services: only what the enabled apps use.
  const data = platformData(cfg, dataNeeds(cfg), cluster, k8sOpts);
  // Kubeflow core
  const core = new KubeflowCore(
    "kubeflow",
    {
      certManager: certManager.ready,
      istio: istio.ready,
      dashboardMenu: dashboardLinks(installed),
    },
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
  // Kubeflow applications
  const base = [core.namespace, ...certManager.ready, ...istio.ready];
  const mesh = [...istio.ready, ...certManager.ready];
  const { components, images } = cfg;
  const built = buildApps(
    { apps, components, gpuPools: facts.gpuPools, imageRegistry: images.registry, data },
    { base, mesh, data: data.ready },
    k8sOpts,
  );
  return {
    outputs: {
      context: cluster.context,
      dashboardUrl: `https://${cfg.ingress.hostname === "localhost" ? "localhost:8443" : cfg.ingress.hostname}/`,
      staticUserPasswords: dex.passwords,
      // What per-tenant cloud identities (IAM roles, Google service accounts) need to trust.
      tenantIdentity: facts.tenantIdentity,
    },
    facts: tenantLayerFacts(
      cfg,
      facts.gpuPools,
      data.objectStore?.platformCredentials,
      appTenantObjects(cfg),
    ),
    tenantDeps: {
      profiles: [core.profiles, core.podDefaults],
      istio: istio.ready,
      minio: data.minio,
      controllers: built.controllers,
    },
    afterTenants: built.afterTenants,
  };
}
