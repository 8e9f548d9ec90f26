// Every image a stack will run, from the versions catalog, for mirroring into a private registry
// (npm run images). The list follows the config: only enabled apps and the data services in use.
import { PlatformConfig } from "../config/schema";
import { usesPlatformDatabase } from "../foundation/dataServices";
import { APPS, AppRegistry, dataNeeds, enabledModules, settingsOf } from "../kubeflow/registry";
import { mirrorImage } from "../lib/images";
import { HelmChartPin, KustomizePin, charts, images, manifests } from "../versions";

/** The images a config runs, sorted and unique. Pure. */
export function stackImages(cfg: PlatformConfig, registry: AppRegistry = APPS): string[] {
  const apps = enabledModules(cfg, registry);
  const needs = dataNeeds(cfg, registry);
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
    ...apps.flatMap((m) => m.artifacts),
  ];
  const own = apps.flatMap((m) => m.images?.(settingsOf(cfg.components, m.name)) ?? []);
  // The MySQL image runs the server in-cluster, and the users Job on a managed server too.
  if (usesPlatformDatabase(needs) && ["inCluster", "managed"].includes(cfg.database.kind))
    own.push(images.mysql);
  if (needs.objectStore && cfg.objectStore.kind === "minio") own.push(images.minio);
  return [...new Set([...artifacts.flatMap((a) => a.images), ...own])].sort();
}

/** "source mirror" pairs when a registry is configured, else the sources. Pure. */
export function imageLines(cfg: PlatformConfig): string[] {
  const registry = cfg.images.registry;
  return stackImages(cfg).map((i) => (registry ? `${i} ${mirrorImage(i, registry)}` : i));
}
