// The footprint as rendered: the requests of every container the cluster would run (all
// containers, times replicas), plus one Istio proxy per meshed replica with the requests istiod's
// injector gives it. The plan's footprint is what the program asks for; this is what it gets.
import { quantityToNumber } from "../lib/quantity";
import { isInjected, meshSettings } from "./istioInjection";
import { namespacesOf, podTemplates } from "./pods";
import { RenderedObject } from "./objects";
import { ChartValues } from "./render";

export interface RenderedFootprintRow {
  component: string;
  cpuMillis: number;
  memoryMiB: number;
  /** Of which the injected proxies. */
  sidecarCpuMillis: number;
  sidecarMemoryMiB: number;
}

type Requests = { cpu?: string; memory?: string };

const cpu = (r?: Requests) => (r?.cpu ? Math.round(quantityToNumber(r.cpu) * 1000) : 0);
const mem = (r?: Requests) => (r?.memory ? Math.round(quantityToNumber(r.memory) / 2 ** 20) : 0);

/** Per component, foundation and apps alike, in render order. Pure. */
export function renderedFootprint(
  objects: RenderedObject[],
  chartValues: ChartValues[],
): RenderedFootprintRow[] {
  const namespaces = namespacesOf(objects);
  const proxy = meshSettings(chartValues).proxyRequests;
  const rows = new Map<string, RenderedFootprintRow>();
  for (const pod of podTemplates(objects)) {
    const kind = pod.owner.object.kind;
    if (kind === "Job" || kind === "CronJob") continue;
    const replicas =
      kind === "DaemonSet"
        ? 1
        : Number((pod.owner.object.spec as { replicas?: number }).replicas ?? 1);
    const row = rows.get(pod.owner.component) ?? {
      component: pod.owner.component,
      cpuMillis: 0,
      memoryMiB: 0,
      sidecarCpuMillis: 0,
      sidecarMemoryMiB: 0,
    };
    for (const c of pod.spec.containers) {
      const req = (c.resources as { requests?: Requests } | undefined)?.requests;
      row.cpuMillis += replicas * cpu(req);
      row.memoryMiB += replicas * mem(req);
    }
    // A gateway's own container is its proxy (the injector's gateway template replaces it).
    const gateway = pod.spec.containers.some((c) => c.name === "istio-proxy");
    if (!gateway && isInjected(namespaces.get(pod.namespace), pod)) {
      row.sidecarCpuMillis += replicas * cpu(proxy);
      row.sidecarMemoryMiB += replicas * mem(proxy);
      row.cpuMillis += replicas * cpu(proxy);
      row.memoryMiB += replicas * mem(proxy);
    }
    rows.set(pod.owner.component, row);
  }
  return [...rows.values()];
}

/** A table with a total. */
export function formatRenderedFootprint(rows: RenderedFootprintRow[]): string {
  const line = (c: string, cpuM: number, memM: number, sc: number, sm: number) =>
    `${c.padEnd(20)} ${String(cpuM).padStart(6)}m ${String(memM).padStart(7)}Mi   (proxies ${sc}m / ${sm}Mi)`;
  const total = rows.reduce(
    (a, r) => ({
      c: a.c + r.cpuMillis,
      m: a.m + r.memoryMiB,
      sc: a.sc + r.sidecarCpuMillis,
      sm: a.sm + r.sidecarMemoryMiB,
    }),
    { c: 0, m: 0, sc: 0, sm: 0 },
  );
  return [
    ...rows.map((r) =>
      line(r.component, r.cpuMillis, r.memoryMiB, r.sidecarCpuMillis, r.sidecarMemoryMiB),
    ),
    line("total", total.c, total.m, total.sc, total.sm),
  ].join("\n");
}
