// The platform's footprint: the CPU and memory requests the project sets, per component, for a
// config. Each component's numbers are the constants its values and transforms apply, so the
// figure is what the cluster is asked for, Istio proxies of meshed workloads included; the render
// tests hold it equal to what the rendered objects request.
import { PlatformConfig } from "../config/schema";
import { CERT_MANAGER_REQUESTS } from "../foundation/certManager";
import { usesPlatformDatabase } from "../foundation/dataServices";
import { DEX_REQUESTS } from "../foundation/dex";
import {
  INGRESS_GATEWAY_REQUESTS,
  ISTIO_CNI_REQUESTS,
  ISTIOD_REQUESTS,
  SIDECAR_REQUESTS,
} from "../foundation/istio";
import { MINIO_REQUESTS } from "../foundation/minio";
import { MYSQL_REQUESTS } from "../foundation/mysql";
import { OAUTH2_PROXY_REQUESTS } from "../foundation/oauth2Proxy";
import { CORE_REQUESTS } from "../kubeflow/core";
import { APPS, AppRegistry, dataNeeds, enabledModules, settingsOf } from "../kubeflow/registry";
import { AppRequests, WorkloadSettings, appFootprint } from "../lib/workloads";

export interface FootprintRow {
  component: string;
  cpuMillis: number;
  memoryMiB: number;
}

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
export function footprint(cfg: PlatformConfig, registry: AppRegistry = APPS): FootprintRow[] {
  // A tenants or cluster stack runs no platform workloads (a cluster stack's add-ons are the cloud's).
  if (cfg.layers === "tenants" || cfg.layers === "cluster") return [];
  const needs = dataNeeds(cfg, registry);
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
  if (usesPlatformDatabase(needs) && cfg.database.kind === "inCluster")
    rows.push(row("mysql", [[MYSQL_REQUESTS, {}]]));
  if (needs.objectStore && cfg.objectStore.kind === "minio")
    rows.push(row("minio", [[MINIO_REQUESTS, {}]]));
  for (const m of enabledModules(cfg, registry)) {
    const settings = settingsOf(cfg.components, m.name);
    // The user's resources are for the app's main part; its replicas for every part.
    rows.push(
      row(
        m.name,
        m.requests.map((r, i) => [r, i === 0 ? settings : { replicas: settings.replicas }]),
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
