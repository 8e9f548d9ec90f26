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
  /** How the chart reads values beyond its values.yaml (for the chart-values check). */
  values?: ChartValueFacts;
}

export interface ChartValueFacts {
  /** A prefix the chart's templates copy to the top level (Istio's zzy_descope_legacy.yaml). */
  descoped?: string[];
  /** Maps passed through whole (any key below is the component's, not the chart's). */
  freeForm?: string[];
  /** Keys the templates read that values.yaml does not list. */
  templateOnly?: string[];
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
  /** Single manifest files inside kubeflow/manifests that no kustomization there includes. */
  files?: string[];
  /** The upstream component's own version where a step depends on it (from its labels). */
  version?: string;
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

// Tags shared by many images below (Renovate reads the comments).
// renovate: datasource=docker depName=ghcr.io/kubeflow/kubeflow/central-dashboard
const KF = "v1.10.0"; // kubeflow/kubeflow components synced into 26.03
// renovate: datasource=docker depName=ghcr.io/kubeflow/kfp-api-server
const KFP = "2.16.0";
// renovate: datasource=docker depName=ghcr.io/kubeflow/katib/katib-controller
const KATIB = "v0.19.0";
const KNATIVE = "gcr.io/knative-releases/knative.dev";

/**
 * The cluster-autoscaler release per Kubernetes minor an EKS cluster may run: the newest chart
 * whose appVersion is of that minor, with exactly that appVersion as the image (the autoscaler
 * supports only its own Kubernetes minor; test/cluster/aws.test.ts fails when the minors differ).
 * Checked in kubernetes/autoscaler's Chart.yaml at the chart tags (cluster-autoscaler-chart-<v>):
 * 9.51.0 → appVersion 1.33.0, 9.53.0 → 1.34.2, 9.59.0 → 1.35.0; each values.yaml defaults
 * image.tag to v<appVersion> and has the keys we set (cloudProvider, awsRegion,
 * autoDiscovery.clusterName, rbac.serviceAccount, extraArgs, nodeSelector, resources), and
 * templates/deployment.yaml turns every extraArgs key into a flag. A minor without an entry is
 * refused by the config (cluster.kubernetesVersion).
 */
export const clusterAutoscalerReleases: Record<string, HelmChartPin> = {
  "1.33": {
    repo: "https://kubernetes.github.io/autoscaler",
    chart: "cluster-autoscaler",
    version: "9.51.0",
    images: ["registry.k8s.io/autoscaling/cluster-autoscaler:v1.33.0"],
    values: { freeForm: ["extraArgs"] },
  },
  "1.34": {
    repo: "https://kubernetes.github.io/autoscaler",
    chart: "cluster-autoscaler",
    version: "9.53.0",
    images: ["registry.k8s.io/autoscaling/cluster-autoscaler:v1.34.2"],
    values: { freeForm: ["extraArgs"] },
  },
  "1.35": {
    repo: "https://kubernetes.github.io/autoscaler",
    chart: "cluster-autoscaler",
    version: "9.59.0",
    images: ["registry.k8s.io/autoscaling/cluster-autoscaler:v1.35.0"],
    values: { freeForm: ["extraArgs"] },
  },
};

export const charts = {
  certManager: {
    repo: "https://charts.jetstack.io",
    chart: "cert-manager",
    version: "v1.19.4",
    images: [
      "quay.io/jetstack/cert-manager-controller:v1.19.4",
      "quay.io/jetstack/cert-manager-cainjector:v1.19.4",
      "quay.io/jetstack/cert-manager-webhook:v1.19.4",
    ],
  },
  // Istio 1.28.0: the version kubeflow/manifests 26.03 runs (common/istio/profile.yaml).
  istioBase: {
    repo: "https://istio-release.storage.googleapis.com/charts",
    chart: "base",
    version: "1.28.0",
    images: [],
  },
  // Checked in the chart at 1.28.0: templates/zzy_descope_legacy.yaml merges `pilot.*` onto the
  // top level; meshConfig is written whole into the mesh ConfigMap.
  istiod: {
    repo: "https://istio-release.storage.googleapis.com/charts",
    chart: "istiod",
    version: "1.28.0",
    images: ["docker.io/istio/pilot:1.28.0", "docker.io/istio/proxyv2:1.28.0"],
    values: { descoped: ["pilot"], freeForm: ["meshConfig"] },
  },
  istioGateway: {
    repo: "https://istio-release.storage.googleapis.com/charts",
    chart: "gateway",
    version: "1.28.0",
    images: ["docker.io/istio/proxyv2:1.28.0"],
  },
  // Checked in the chart at 1.28.0: zzy_descope_legacy.yaml merges `cni.*` onto the top level;
  // zzz_profile.yaml reads `global.platform` (files/profile-platform-<name>.yaml).
  istioCni: {
    repo: "https://istio-release.storage.googleapis.com/charts",
    chart: "cni",
    version: "1.28.0",
    images: ["docker.io/istio/install-cni:1.28.0"],
    values: { descoped: ["cni"], templateOnly: ["global.platform"] },
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
    // Checked in the chart at 10.7.0: templates/_helpers.tpl reads fullnameOverride.
    values: { templateOnly: ["fullnameOverride"] },
  },
  // Cluster autoscaler for EKS node groups (GKE and AKS scale their pools themselves): the release
  // for the stacks' Kubernetes minor. Other minors: clusterAutoscalerReleases above.
  clusterAutoscaler: clusterAutoscalerReleases["1.34"],
  // NVIDIA device plugin, where the cloud's GPU image has the driver but not the plugin (EKS, AKS).
  nvidiaDevicePlugin: {
    repo: "https://nvidia.github.io/k8s-device-plugin",
    chart: "nvidia-device-plugin",
    version: "0.17.1",
    images: ["nvcr.io/nvidia/k8s-device-plugin:v0.17.1"],
  },
  // KServe 0.16.0, the release kubeflow/manifests 26.03 installs; its charts keep the "v" prefix.
  kserveCrd: {
    repo: "oci://ghcr.io/kserve/charts",
    chart: "kserve-crd",
    version: "v0.16.0",
    images: [],
  },
  kserve: {
    repo: "oci://ghcr.io/kserve/charts",
    chart: "kserve",
    version: "v0.16.0",
    images: [
      "docker.io/kserve/kserve-controller:v0.16.0",
      "quay.io/brancz/kube-rbac-proxy:v0.18.0",
      "docker.io/kserve/storage-initializer:v0.16.0",
      "docker.io/kserve/agent:v0.16.0",
      "docker.io/kserve/router:v0.16.0",
      "docker.io/kserve/sklearnserver:v0.16.0",
      "docker.io/kserve/xgbserver:v0.16.0",
      "docker.io/kserve/lgbserver:v0.16.0",
      "docker.io/kserve/pmmlserver:v0.16.0",
      "docker.io/kserve/paddleserver:v0.16.0",
      "docker.io/kserve/huggingfaceserver:v0.16.0",
      // The multi-node Hugging Face runtime's image (the chart's ClusterServingRuntime).
      "docker.io/kserve/huggingfaceserver:v0.16.0-gpu",
      "docker.io/tensorflow/serving:2.6.2",
      "docker.io/pytorch/torchserve-kfs:0.9.0",
      "nvcr.io/nvidia/tritonserver:23.05-py3",
      "docker.io/seldonio/mlserver:1.5.0",
    ],
  },
  // Kubeflow Trainer v2.1.0 (26.03), with JobSet as the chart's own dependency.
  trainer: {
    repo: "oci://ghcr.io/kubeflow/charts",
    chart: "kubeflow-trainer",
    version: "2.1.0",
    images: [
      "ghcr.io/kubeflow/trainer/trainer-controller-manager:v2.1.0",
      "registry.k8s.io/jobset/jobset:v0.10.1",
      "docker.io/pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime",
    ],
  },
  // Spark operator 2.5.0: the chart 26.03's manifests are rendered from (helm.sh/chart label).
  sparkOperator: {
    repo: "https://kubeflow.github.io/spark-operator",
    chart: "spark-operator",
    version: "2.5.0",
    images: ["ghcr.io/kubeflow/spark-operator/controller:2.5.0"],
  },
} satisfies Record<string, HelmChartPin>;

/**
 * EKS add-ons the cluster layer manages (the first three replace the self-managed copies EKS
 * bootstraps). Their versions are not pinned here: each is resolved for the cluster's Kubernetes
 * version by aws.eks.getAddonVersion with mostRecent, as pulumi-eks does (nodejs/eks/cluster.ts),
 * so they follow kubernetesVersion and take AWS's newest build for that minor; the preview shows
 * every version change before it is applied.
 */
export const eksAddons = {
  core: ["vpc-cni", "kube-proxy", "coredns"],
  ebsCsi: "aws-ebs-csi-driver",
  efsCsi: "aws-efs-csi-driver",
  mostRecent: true,
} as const;

/**
 * Managed MySQL on RDS: major 8.4 (LTS; 8.0 reached the end of standard support on 31 July 2026
 * and runs in paid extended support). The engine version names the major, so RDS picks and
 * auto-upgrades minors; the parameter group family must match the major. Moving a major: docs/aws.md.
 */
export const rdsMysql = { engineVersion: "8.4", parameterGroupFamily: "mysql8.4" } as const;

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
  // Katib with Kubeflow's roles, UI routing and cert-manager webhooks; its bundled MySQL is
  // replaced by a database on the platform's.
  katib: {
    paths: ["applications/katib/upstream/installs/katib-with-kubeflow"],
    images: [
      ...["katib-controller", "katib-db-manager", "katib-ui", "file-metrics-collector"].map(
        (n) => `ghcr.io/kubeflow/katib/${n}:${KATIB}`,
      ),
      ...["hyperopt", "optuna", "skopt", "goptuna", "hyperband", "enas", "darts", "pbt"].map(
        (n) => `ghcr.io/kubeflow/katib/suggestion-${n}:${KATIB}`,
      ),
      `ghcr.io/kubeflow/katib/earlystopping-medianstop:${KATIB}`,
      `ghcr.io/kubeflow/katib/tfevent-metrics-collector:${KATIB}`,
    ],
  },
  notebookController: {
    paths: ["applications/jupyter/notebook-controller/upstream/overlays/kubeflow"],
    images: [`ghcr.io/kubeflow/kubeflow/notebook-controller:${KF}`],
  },
  jupyterWebApp: {
    paths: ["applications/jupyter/jupyter-web-app/upstream/overlays/istio"],
    images: [
      `ghcr.io/kubeflow/kubeflow/jupyter-web-app:${KF}`,
      // The notebook servers the spawner offers by default.
      ...[
        "jupyter-scipy",
        "jupyter-pytorch-full",
        "jupyter-pytorch-cuda-full",
        "jupyter-pytorch-gaudi-full",
        "jupyter-tensorflow-full",
        "jupyter-tensorflow-cuda-full",
        "codeserver-python",
        "rstudio-tidyverse",
      ].map((n) => `ghcr.io/kubeflow/kubeflow/notebook-servers/${n}:${KF}`),
    ],
  },
  volumesWebApp: {
    paths: ["applications/volumes-web-app/upstream/overlays/istio"],
    images: [
      `ghcr.io/kubeflow/kubeflow/volumes-web-app:${KF}`,
      "docker.io/filebrowser/filebrowser:v2.25.0",
    ],
  },
  tensorboards: {
    paths: [
      "applications/tensorboard/tensorboard-controller/upstream/overlays/kubeflow",
      "applications/tensorboard/tensorboards-web-app/upstream/overlays/istio",
    ],
    images: [
      `ghcr.io/kubeflow/kubeflow/tensorboard-controller:${KF}`,
      `ghcr.io/kubeflow/kubeflow/tensorboards-web-app:${KF}`,
      "quay.io/brancz/kube-rbac-proxy:v0.8.0",
      "docker.io/tensorflow/tensorflow:2.5.1",
    ],
  },
  pvcViewer: {
    paths: ["applications/pvcviewer-controller/upstream/base"],
    images: [
      `ghcr.io/kubeflow/kubeflow/pvcviewer-controller:${KF}`,
      "quay.io/brancz/kube-rbac-proxy:v0.13.1",
    ],
  },
  // Kubeflow Trainer's ClusterTrainingRuntimes at the trainer's release (the chart 2.1.0 has none).
  trainerRuntimes: {
    paths: ["applications/trainer/upstream/overlays/runtimes"],
    images: [
      "docker.io/pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime",
      ...[
        "deepspeed-runtime",
        "mlx-runtime",
        "torchtune-trainer",
        "dataset-initializer",
        "model-initializer",
      ].map((n) => `ghcr.io/kubeflow/trainer/${n}:v2.1.0`),
    ],
  },
  // Training Operator v1 (TFJob, PyTorchJob, MPIJob, XGBoostJob, PaddleJob, JAXJob), for users who
  // still run v1 jobs. Off by default upstream.
  trainingOperator: {
    paths: ["applications/training-operator/upstream/overlays/kubeflow"],
    images: ["ghcr.io/kubeflow/training-v1/training-operator:v1-3f15cb8"],
  },
  modelsWebApp: {
    paths: ["applications/kserve/models-web-app/overlays/kubeflow"],
    images: ["ghcr.io/kserve/models-web-app:0.16.1"],
  },
  // Model Registry v0.3.7 on the platform's MySQL (the db overlay's own MySQL is removed).
  modelRegistry: {
    paths: [
      "applications/model-registry/upstream/overlays/db",
      "applications/model-registry/upstream/options/istio",
      "applications/model-registry/upstream/options/ui/overlays/istio",
    ],
    images: [
      "ghcr.io/kubeflow/model-registry/server:v0.3.7",
      "ghcr.io/kubeflow/model-registry/ui:v0.3.7",
    ],
  },
  // Knative Serving 1.21.1 with net-istio, wired to the cluster-local gateway. Upstream pins its
  // images by digest.
  knativeServing: {
    paths: ["common/knative/knative-serving/overlays/gateways"],
    images: [
      `${KNATIVE}/serving/cmd/activator@sha256:cf8d126fc08e596b742025f6e53c97abf921f7bd6394d29c200e79c1c323dc6e`,
      `${KNATIVE}/serving/cmd/autoscaler@sha256:35045ef7c35c6151f0565094cc5ec240a886ba2e5a844366b22a074342af3edf`,
      `${KNATIVE}/serving/cmd/controller@sha256:622546def05a9b181123d35ede4e4a6e60d7751ae558ea2c5306978b30c24d5c`,
      `${KNATIVE}/serving/cmd/queue@sha256:40957d3ced3b185b7a78bbd771be69b0a13137dcbee5ff7f82ae738b56037d9c`,
      `${KNATIVE}/serving/cmd/webhook@sha256:8754cefd1f1db905495de5ba707b37459cc212b830d40962162654986d264d74`,
      `${KNATIVE}/net-istio/cmd/controller@sha256:915a3a9b8caea8cceb59258ca2b941c83f0ab230aef5c1dd3b9499574ac3f379`,
      `${KNATIVE}/net-istio/cmd/webhook@sha256:4d9c50245aeafb269876d05ddb95d235372abfe2b2ac1c9d8c7cd3a2ccf2d6b7`,
    ],
  },
  // Knative's storage-version migration (Knative Serving 1.21.1, the version its labels carry):
  // upstream ships it apart from the install (common/knative/knative-serving-post-install-jobs) to
  // be run after an upgrade; here it is a migration step, a Job named for the version, so it runs
  // once per Knative release (components/migrations/knativeStorageVersion.ts).
  knativeServingStorageMigration: {
    paths: ["common/knative/knative-serving-post-install-jobs/base"],
    version: "1.21.1",
    images: [
      `${KNATIVE}/pkg/apiextensions/storageversion/cmd/migrate@sha256:6106427387f7f50f672218d0d68668cd20a571684cccb40da6f3cf6ae048ea1c`,
    ],
  },
  // Knative Eventing 1.21.0 (optional): core, in-memory channel, multi-tenant broker. Upstream's
  // base leaves the last two commented out while its defaults (config-br-defaults,
  // default-ch-webhook) name InMemoryChannel and MTChannelBasedBroker: they are added as files.
  knativeEventing: {
    paths: ["common/knative/knative-eventing/base"],
    files: [
      "common/knative/knative-eventing/base/upstream/in-memory-channel.yaml",
      "common/knative/knative-eventing/base/upstream/mt-channel-broker.yaml",
    ],
    images: [
      `${KNATIVE}/eventing/cmd/controller@sha256:363742c13076cce03c367b42c050ad47e07b327b98d4176ac1961670e12c2680`,
      `${KNATIVE}/eventing/cmd/webhook@sha256:858caa0a9e5d5f886a1f2de9f56b636e5c70ea763da3ef8792cfc0f56fce2f4b`,
      `${KNATIVE}/eventing/cmd/mtping@sha256:dbb8b1374f3871fe6637869107f803e1f6b62c50c484bb79eaf089b836415353`,
      `${KNATIVE}/eventing/cmd/jobsink@sha256:194e44b15a7a26adb024cdbce0ec356e7a27678aceecdde447d3986f9c43eff1`,
      `${KNATIVE}/eventing/cmd/requestreply@sha256:068a94cc6a2f95825dd7937c2404f4bfa85105df982f14c29d58f454c57bcfb6`,
      `${KNATIVE}/eventing/cmd/apiserver_receive_adapter@sha256:5f6f0627caa8b8d734bf1a8968c59d71c34e51403864950c0ca3e6bac8df7973`,
      `${KNATIVE}/eventing/cmd/auth_proxy@sha256:89b9ce49a216b08b443340aaaba2ea745d994a9609ce5dc4bef3e71b3a87b4ce`,
      `${KNATIVE}/eventing/cmd/in_memory/channel_controller@sha256:c8b3a6604f270fb51af7dfbb00082443f028ad80aa4a01974f3724d36f3f0f00`,
      `${KNATIVE}/eventing/cmd/in_memory/channel_dispatcher@sha256:77340f4be4cd33d920538c490e9d1ff9052702da23ce019ca2c15bb4c0e1532b`,
      `${KNATIVE}/eventing/cmd/mtchannel_broker@sha256:8dde70a3c73833da379046dd839a60c986d98298315808442e67a43fc93dc92b`,
      `${KNATIVE}/eventing/cmd/broker/filter@sha256:baa3253b77bde2df41a610c0c0572348a5c101463bee3cda9c1fe9ce4a62f860`,
      `${KNATIVE}/eventing/cmd/broker/ingress@sha256:e77e2a916c587857d2172943996dd42a476bdccdced584216314284cf0a5a15f`,
    ],
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
  // cert-manager's own API check (the chart's startupapicheck hook image), run as a Job of ours.
  certManagerApiCheck: "quay.io/jetstack/cert-manager-startupapicheck:v1.19.4",
  // The cache server's image for cached Pipelines steps (pipeline-install-config.cacheImage), which
  // upstream leaves untagged; 1.36 is the tag containerd's own test image list uses.
  pipelinesCache: "ghcr.io/containerd/busybox:1.36",
  // Runs our per-tenant Pipelines sync hook (components/kubeflow/pipelinesTenantSync.hook.mjs).
  node: "docker.io/library/node:22.21.1-alpine3.22",
} as const;

/** The URL of one file of kubeflow/manifests at the pinned commit (kustomize reads http files). */
export function manifestsFileUrl(path: string, pin: ManifestsPin = kubeflowManifests): string {
  return `${pin.repo.replace("https://github.com/", "https://raw.githubusercontent.com/")}/${pin.commit}/${path}`;
}

/** A kustomize remote URL for a path in kubeflow/manifests at the pinned tag. */
export function manifestsUrl(path: string, pin: ManifestsPin = kubeflowManifests): string {
  return `${pin.repo}//${path}?ref=${pin.ref}`;
}

export interface GitSourcePin {
  repo: string;
  ref: string;
  /** Folder of this source in a local sources directory: `<folder>/<ref>/<path in the repo>`. */
  folder: string;
}

/**
 * Every git source a render reads: kubeflow/manifests, and the remote bases upstream's own
 * kustomizations name (pinned there by upstream; checked in the 26.03 tree: Pipelines' Argo install
 * names argo-workflows at v3.7.3, the LeaderWorkerSet base names lws at v0.7.0). A local sources
 * directory holds each at `<folder>/<ref>/` (the layout of ../shared/upstream).
 */
export const gitSources: GitSourcePin[] = [
  { repo: kubeflowManifests.repo, ref: kubeflowManifests.ref, folder: "kubeflow-manifests" },
  { repo: "https://github.com/argoproj/argo-workflows", ref: "v3.7.3", folder: "argo-workflows" },
  { repo: "https://github.com/kubernetes-sigs/lws", ref: "v0.7.0", folder: "lws" },
];

/** Every image the platform's pinned artifacts run, sorted and unique. */
export function allImages(): string[] {
  const all = [
    ...Object.values(charts).flatMap((c) => c.images),
    ...Object.values(manifests).flatMap((m) => m.images),
    ...Object.values(images),
  ];
  return [...new Set(all)].sort();
}
