// The platform's footprint: the CPU and memory requests the project sets, per component, for a
// config. Each component's numbers are the constants its values and transforms apply, so the
// figure is what the cluster is asked for, Istio proxies of meshed workloads included; the render
// tests hold it equal to what the rendered objects request.
import { AppName, enabledApps, needsPlatformDatabase } from "../config/apps";
import { PlatformConfig } from "../config/schema";
import { CERT_MANAGER_REQUESTS } from "../foundation/certManager";
import { DEX_REQUESTS } from "../foundation/dex";
import {
  INGRESS_GATEWAY_REQUESTS,
  ISTIO_CNI_REQUESTS,
  ISTIOD_REQUESTS,
  SIDECAR_REQUESTS,
} from "../foundation/istio";
import {
  KNATIVE_EVENTING_REQUESTS,
  KNATIVE_SERVING_REQUESTS,
  LOCAL_GATEWAY_REQUESTS,
} from "../foundation/knative";
import { MINIO_REQUESTS } from "../foundation/minio";
import { MYSQL_REQUESTS } from "../foundation/mysql";
import { OAUTH2_PROXY_REQUESTS } from "../foundation/oauth2Proxy";
import { CORE_REQUESTS } from "../kubeflow/core";
import { KATIB_REQUESTS } from "../kubeflow/katib";
import { KSERVE_REQUESTS, MODELS_WEB_APP_REQUESTS } from "../kubeflow/kserve";
import { MODEL_REGISTRY_REQUESTS } from "../kubeflow/modelRegistry";
import { NOTEBOOKS_REQUESTS } from "../kubeflow/notebooks";
import { PIPELINES_REQUESTS } from "../kubeflow/pipelines";
import { PVC_VIEWER_REQUESTS } from "../kubeflow/pvcViewer";
import { SPARK_OPERATOR_REQUESTS } from "../kubeflow/sparkOperator";
import { TENSORBOARDS_REQUESTS } from "../kubeflow/tensorboards";
import { TRAINER_REQUESTS } from "../kubeflow/trainer";
import { TRAINING_OPERATOR_REQUESTS } from "../kubeflow/trainingOperator";
import { VOLUMES_REQUESTS } from "../kubeflow/volumes";
import { AppRequests, WorkloadSettings, appFootprint } from "../lib/workloads";

export interface FootprintRow {
  component: string;
  cpuMillis: number;
  memoryMiB: number;
}

const APP_REQUESTS: Record<AppName, AppRequests[]> = {
  pipelines: [PIPELINES_REQUESTS],
  notebooks: [NOTEBOOKS_REQUESTS],
  katib: [KATIB_REQUESTS],
  trainer: [TRAINER_REQUESTS],
  kserve: [KSERVE_REQUESTS, MODELS_WEB_APP_REQUESTS],
  knativeServing: [KNATIVE_SERVING_REQUESTS, LOCAL_GATEWAY_REQUESTS],
  volumes: [VOLUMES_REQUESTS],
  tensorboards: [TENSORBOARDS_REQUESTS],
  pvcViewer: [PVC_VIEWER_REQUESTS],
  modelRegistry: [MODEL_REGISTRY_REQUESTS],
  sparkOperator: [SPARK_OPERATOR_REQUESTS],
  trainingOperator: [TRAINING_OPERATOR_REQUESTS],
  knativeEventing: [KNATIVE_EVENTING_REQUESTS],
};

function row(component: string, parts: [AppRequests, WorkloadSettings][]): FootprintRow {
  const sum = parts
    .map(([r, s]) => appFootprint(r, s, SIDECAR_REQUESTS))
    .reduce(
      (a, b) => ({ cpuMillis: a.cpuMillis + b.cpuMillis, memoryMiB: a.memoryMiB + b.memoryMiB }),
      {
        cpuMillis: 0,
        memoryMiB: 0,
      },
    );
  return { component, ...sum };
}

/** Per-component requests for a config, foundation first, then the enabled apps. Pure. */
export function footprint(cfg: PlatformConfig): FootprintRow[] {
  // A tenants or cluster stack runs no platform workloads (a cluster stack's add-ons are the cloud's).
  if (cfg.layers === "tenants" || cfg.layers === "cluster") return [];
  const apps = enabledApps(cfg.profile, cfg.components);
  const rows: FootprintRow[] = [
    row("cert-manager", [[CERT_MANAGER_REQUESTS, {}]]),
    row("istio", [
      [ISTIOD_REQUESTS, {}],
      [INGRESS_GATEWAY_REQUESTS, {}],
      ...(cfg.istio.cni ? ([[ISTIO_CNI_REQUESTS, {}]] as [AppRequests, WorkloadSettings][]) : []),
    ]),
    row("dex", [[DEX_REQUESTS, {}]]),
    row("oauth2-proxy", [[OAUTH2_PROXY_REQUESTS, {}]]),
    row("kubeflow core", [[CORE_REQUESTS, {}]]),
  ];
  if (needsPlatformDatabase(cfg.profile, cfg.components) && cfg.database.kind === "inCluster")
    rows.push(row("mysql", [[MYSQL_REQUESTS, {}]]));
  if (apps.has("pipelines") && cfg.objectStore.kind === "minio")
    rows.push(row("minio", [[MINIO_REQUESTS, {}]]));
  for (const a of apps) {
    const settings = cfg.components[a];
    rows.push(
      row(
        a,
        APP_REQUESTS[a].map((r, i) => [r, i === 0 ? settings : { replicas: settings.replicas }]),
      ),
    );
  }
  return rows;
}

export function footprintTotal(rows: FootprintRow[]): { cpuMillis: number; memoryMiB: number } {
  return rows.reduce(
    (a, r) => ({ cpuMillis: a.cpuMillis + r.cpuMillis, memoryMiB: a.memoryMiB + r.memoryMiB }),
    { cpuMillis: 0, memoryMiB: 0 },
  );
}

/** The footprint as a table with a total. */
export function formatFootprint(rows: FootprintRow[]): string {
  const total = footprintTotal(rows);
  const line = (c: string, cpu: number, mem: number) =>
    `${c.padEnd(18)} ${String(cpu).padStart(6)}m ${String(mem).padStart(7)}Mi`;
  return [
    `${"component".padEnd(18)} ${"cpu".padStart(7)} ${"memory".padStart(9)}`,
    ...rows.map((r) => line(r.component, r.cpuMillis, r.memoryMiB)),
    line("total", total.cpuMillis, total.memoryMiB),
  ].join("\n");
}
