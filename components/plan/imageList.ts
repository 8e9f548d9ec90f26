// Every image a stack will run, from the versions catalog, for mirroring into a private registry
// (npm run images). The list follows the config: only enabled apps and the data services in use.
import { AppName, enabledApps, needsPlatformDatabase } from "../config/apps";
import { PlatformConfig } from "../config/schema";
import { mirrorImage } from "../lib/images";
import { HelmChartPin, KustomizePin, charts, images, manifests } from "../versions";

/** The pinned artifacts each app installs (also its row in docs/components.md). */
export const APP_ARTIFACTS: Record<AppName, (HelmChartPin | KustomizePin)[]> = {
  pipelines: [manifests.pipelines],
  notebooks: [manifests.notebookController, manifests.jupyterWebApp],
  katib: [manifests.katib],
  trainer: [charts.trainer],
  kserve: [charts.kserveCrd, charts.kserve, manifests.modelsWebApp],
  knativeServing: [manifests.knativeServing, charts.istioGateway],
  volumes: [manifests.volumesWebApp],
  tensorboards: [manifests.tensorboards],
  pvcViewer: [manifests.pvcViewer],
  modelRegistry: [manifests.modelRegistry],
  sparkOperator: [charts.sparkOperator],
  trainingOperator: [manifests.trainingOperator],
  knativeEventing: [manifests.knativeEventing],
};

/** The images a config runs, sorted and unique. Pure. */
export function stackImages(cfg: PlatformConfig): string[] {
  const apps = enabledApps(cfg.profile, cfg.components);
  const artifacts: (HelmChartPin | KustomizePin)[] = [
    charts.certManager,
    charts.istioBase,
    charts.istiod,
    charts.istioGateway,
    ...(cfg.istio.cni ? [charts.istioCni] : []),
    charts.dex,
    charts.oauth2Proxy,
    manifests.kubeflowNamespace,
    manifests.kubeflowRoles,
    manifests.kubeflowIstioResources,
    manifests.profiles,
    manifests.centralDashboard,
    manifests.podDefaults,
    ...[...apps].flatMap((a) => APP_ARTIFACTS[a]),
  ];
  const own: string[] = [];
  // The MySQL image runs the server in-cluster, and the users Job on a managed server too.
  if (
    needsPlatformDatabase(cfg.profile, cfg.components) &&
    ["inCluster", "managed"].includes(cfg.database.kind)
  )
    own.push(images.mysql);
  if (apps.has("pipelines")) {
    own.push(images.node);
    if (cfg.objectStore.kind === "minio") own.push(images.minio);
  }
  if (apps.has("notebooks")) own.push(...(cfg.components.notebooks.images ?? []));
  return [...new Set([...artifacts.flatMap((a) => a.images), ...own])].sort();
}

/** "source mirror" pairs when a registry is configured, else the sources. Pure. */
export function imageLines(cfg: PlatformConfig): string[] {
  const registry = cfg.images.registry;
  return stackImages(cfg).map((i) => (registry ? `${i} ${mirrorImage(i, registry)}` : i));
}
