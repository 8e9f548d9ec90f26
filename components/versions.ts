// The versions catalog: every upstream artifact the platform installs, pinned, in one place.
// Charts by repo + name + exact version, kubeflow/manifests by tag (and the commit that tag names),
// images by full tag. test/versions.test.ts fails on anything floating. Bump a Kubeflow release
// here and nowhere else.

export interface HelmChartPin {
  /** Helm repository URL (https://... or oci://...). */
  repo: string;
  chart: string;
  /** Exact chart version; never a range. */
  version: string;
  /** Images the chart runs with our values, for mirroring (npm run images). */
  images: string[];
}

export interface ManifestsPin {
  repo: string;
  /** Release tag used in every kustomize URL. */
  ref: string;
  /** The commit the tag points at, recorded so a moved tag is noticed. */
  commit: string;
}

export interface KustomizePin {
  /** Paths inside kubeflow/manifests at `kubeflowManifests.ref`. */
  paths: string[];
  images: string[];
}

/**
 * kubeflow/manifests release 26.03 (21 March 2026): the newest release. Kubernetes 1.33+.
 * Argo Workflows v3.7.3 and JobSet come in through remote refs inside these kustomizations, pinned
 * there by upstream.
 */
export const kubeflowManifests: ManifestsPin = {
  repo: "https://github.com/kubeflow/manifests",
  ref: "26.03",
  commit: "d68ebc7fab366ab40ddd1541d2ec22febb31bc83",
};

const KF = "v1.10.0"; // kubeflow/kubeflow components synced into 26.03
const KFP = "2.16.0";

export const charts = {
  certManager: {
    repo: "https://charts.jetstack.io",
    chart: "cert-manager",
    version: "v1.19.4",
    images: [
      "quay.io/jetstack/cert-manager-controller:v1.19.4",
      "quay.io/jetstack/cert-manager-cainjector:v1.19.4",
      "quay.io/jetstack/cert-manager-webhook:v1.19.4",
      "quay.io/jetstack/cert-manager-startupapicheck:v1.19.4",
    ],
  },
  // Istio 1.28.0: the version kubeflow/manifests 26.03 runs (common/istio/profile.yaml).
  istioBase: {
    repo: "https://istio-release.storage.googleapis.com/charts",
    chart: "base",
    version: "1.28.0",
    images: [],
  },
  istiod: {
    repo: "https://istio-release.storage.googleapis.com/charts",
    chart: "istiod",
    version: "1.28.0",
    images: ["docker.io/istio/pilot:1.28.0", "docker.io/istio/proxyv2:1.28.0"],
  },
  istioGateway: {
    repo: "https://istio-release.storage.googleapis.com/charts",
    chart: "gateway",
    version: "1.28.0",
    images: ["docker.io/istio/proxyv2:1.28.0"],
  },
  istioCni: {
    repo: "https://istio-release.storage.googleapis.com/charts",
    chart: "cni",
    version: "1.28.0",
    images: ["docker.io/istio/install-cni:1.28.0"],
  },
  // Dex chart 0.24.0 ships Dex v2.44.0; we run the chart's own app version.
  dex: {
    repo: "https://charts.dexidp.io",
    chart: "dex",
    version: "0.24.0",
    images: ["ghcr.io/dexidp/dex:v2.44.0"],
  },
  oauth2Proxy: {
    repo: "https://oauth2-proxy.github.io/manifests",
    chart: "oauth2-proxy",
    version: "10.7.0",
    images: ["quay.io/oauth2-proxy/oauth2-proxy:v7.15.3"],
  },
} satisfies Record<string, HelmChartPin>;

/** Kustomize paths from kubeflow/manifests, per component. */
export const manifests = {
  kubeflowNamespace: { paths: ["common/kubeflow-namespace/base"], images: [] },
  kubeflowRoles: { paths: ["common/kubeflow-roles/base"], images: [] },
  kubeflowIstioResources: { paths: ["common/istio/kubeflow-istio-resources/base"], images: [] },
  profiles: {
    paths: ["applications/profiles/pss"],
    images: [
      `ghcr.io/kubeflow/kubeflow/profile-controller:${KF}`,
      `ghcr.io/kubeflow/kubeflow/kfam:${KF}`,
    ],
  },
  centralDashboard: {
    paths: ["applications/centraldashboard/overlays/oauth2-proxy"],
    images: [`ghcr.io/kubeflow/kubeflow/central-dashboard:${KF}`],
  },
  podDefaults: {
    paths: ["applications/admission-webhook/upstream/overlays/cert-manager"],
    images: [`ghcr.io/kubeflow/kubeflow/poddefaults-webhook:${KF}`],
  },
  // Pipelines in multi-user mode, assembled from the pieces of upstream's
  // env/cert-manager/platform-agnostic-multi-user minus its bundled MySQL and SeaweedFS.
  pipelines: {
    paths: [
      "applications/pipeline/upstream/third-party/metacontroller/base",
      "applications/pipeline/upstream/base/installs/multi-user",
      "applications/pipeline/upstream/base/metadata/base",
      "applications/pipeline/upstream/base/metadata/options/istio",
      "applications/pipeline/upstream/third-party/argo/installs/cluster",
      "applications/pipeline/upstream/env/cert-manager/base",
    ],
    images: [
      ...[
        "api-server",
        "persistence-agent",
        "scheduled-workflow-controller",
        "frontend",
        "viewer-crd-controller",
        "visualization-server",
        "metadata-writer",
        "metadata-envoy",
        "cache-server",
        "driver",
        "launcher",
      ].map((name) => `ghcr.io/kubeflow/kfp-${name}:${KFP}`),
      "gcr.io/tfx-oss-public/ml_metadata_store_server:1.14.0",
      "quay.io/argoproj/workflow-controller:v3.7.3",
      "quay.io/argoproj/argoexec:v3.7.3",
      "ghcr.io/metacontroller/metacontroller:v4.11.22",
    ],
  },
} satisfies Record<string, KustomizePin>;

/** Images of workloads we write ourselves. */
export const images = {
  mysql: "docker.io/library/mysql:8.4.6",
  // MinIO stopped publishing community images in late 2025; this is the last published server
  // release (it bundles the mc client, which our provisioning Job uses). Mirror them (images.registry) or use objectStore.kind s3 for production.
  minio: "quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z",
  // Runs our per-tenant Pipelines sync hook (components/kubeflow/pipelinesTenantSync.hook.mjs).
  node: "docker.io/library/node:22.21.1-alpine3.22",
} as const;

/** A kustomize remote URL for a path in kubeflow/manifests at the pinned tag. */
export function manifestsUrl(path: string, pin: ManifestsPin = kubeflowManifests): string {
  return `${pin.repo}//${path}?ref=${pin.ref}`;
}

/** Every image the platform's pinned artifacts run, sorted and unique. */
export function allImages(): string[] {
  const all = [
    ...Object.values(charts).flatMap((c) => c.images),
    ...Object.values(manifests).flatMap((m) => m.images),
    ...Object.values(images),
  ];
  return [...new Set(all)].sort();
}
