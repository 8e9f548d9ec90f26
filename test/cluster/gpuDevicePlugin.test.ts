// The NVIDIA device plugin's placement, proven with the real helm: a throwaway chart made of the
// pinned chart's own Chart.yaml and values.yaml (from the upstream sources) plus one template of
// ours that prints the coalesced .Values.affinity and .Values.tolerations. Helm's merge is what
// decides whether the chart's default Node Feature Discovery affinity survives our values.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { devicePluginValues, gpuPoolAffinity } from "../../components/cluster/gpu";
import { gpuPoolsOf, POOL_LABEL } from "../../components/config/schema";
import { AwsClusterSchema } from "../../components/config/clusters";
import { renderTools } from "../../components/render/tools";
import { charts } from "../../components/versions";
import { SOURCES_DIR, sourcesAvailable } from "../render/sources";

const PIN = charts.nvidiaDevicePlugin;

interface Term {
  matchExpressions: { key: string; operator: string; values: string[] }[];
}
interface Affinity {
  nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: Term[] } };
}

/** What helm makes of `values` over the pinned chart's defaults. */
function coalesced(values: Record<string, unknown>): {
  affinity: Affinity;
  tolerations: unknown[];
} {
  const upstream = path.join(SOURCES_DIR!, "charts", PIN.chart, PIN.version);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "device-plugin-probe-"));
  try {
    const chart = parse(fs.readFileSync(path.join(upstream, "Chart.yaml"), "utf8"));
    // The NFD subchart is not in the sources and is disabled by default; helm refuses a chart
    // whose declared dependency is missing, so the probe declares none.
    delete chart.dependencies;
    fs.writeFileSync(path.join(dir, "Chart.yaml"), stringify(chart));
    fs.copyFileSync(path.join(upstream, "values.yaml"), path.join(dir, "values.yaml"));
    fs.mkdirSync(path.join(dir, "templates"));
    fs.writeFileSync(
      path.join(dir, "templates", "probe.yaml"),
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\ndata:\n" +
        "  affinity: {{ toJson .Values.affinity | quote }}\n" +
        "  tolerations: {{ toJson .Values.tolerations | quote }}\n",
    );
    fs.writeFileSync(path.join(dir, "ours.yaml"), stringify(values));
    const out = execFileSync(
      renderTools().helm,
      ["template", "probe", dir, "--values", path.join(dir, "ours.yaml")],
      { encoding: "utf8" },
    );
    const data = parse(out).data as Record<string, string>;
    return { affinity: JSON.parse(data.affinity), tolerations: JSON.parse(data.tolerations) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const terms = (affinity: Affinity): Term[] =>
  affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
const keys = (affinity: Affinity): string[] =>
  terms(affinity).flatMap((t) => t.matchExpressions.map((e) => e.key));
const NFD_KEYS = [
  "feature.node.kubernetes.io/pci-10de.present",
  "feature.node.kubernetes.io/cpu-model.vendor_id",
  "nvidia.com/gpu.present",
];

const cluster = AwsClusterSchema.parse({
  kind: "aws",
  region: "eu-west-1",
  zones: ["eu-west-1a", "eu-west-1b"],
  kubernetesVersion: "1.34",
  nodePools: [
    { name: "system", role: "system", machineType: "m7i.large", minSize: 1, maxSize: 2 },
    { name: "a10g", role: "gpu", machineType: "g5.2xlarge", minSize: 0, maxSize: 2 },
    { name: "l4", role: "gpu", machineType: "g6.xlarge", minSize: 0, maxSize: 2 },
  ],
});
const pools = gpuPoolsOf(cluster);

describe("NVIDIA device plugin values", () => {
  it("one node selector term per GPU pool, on the pool's own labels", () => {
    expect(terms(gpuPoolAffinity(pools))).toEqual([
      { matchExpressions: [{ key: POOL_LABEL, operator: "In", values: ["a10g"] }] },
      { matchExpressions: [{ key: POOL_LABEL, operator: "In", values: ["l4"] }] },
    ]);
    expect(devicePluginValues(pools).tolerations).toEqual([
      { key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" },
    ]);
  });
});

const withHelm = SOURCES_DIR ? describe : describe.skip;
if (!SOURCES_DIR) sourcesAvailable("device plugin helm coalescing");

withHelm("NVIDIA device plugin, coalesced by the real helm over the pinned chart's values", () => {
  it("with `affinity: {}` the chart's NFD affinity survives (the bug this replaces)", () => {
    const { affinity } = coalesced({ affinity: {} });
    expect(keys(affinity)).toEqual(NFD_KEYS);
  });

  it("with our values the DaemonSet selects exactly our GPU pools and tolerates their taint", () => {
    const { affinity, tolerations } = coalesced(devicePluginValues(pools));
    expect(keys(affinity).filter((k) => NFD_KEYS.includes(k))).toEqual([]);
    expect(terms(affinity)).toEqual(terms(gpuPoolAffinity(pools)));
    // The list replaced the chart's (which also tolerated CriticalAddonsOnly).
    expect(tolerations).toEqual([
      { key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" },
    ]);
    // Every GPU node of every pool matches a term: its labels are the pool's node selector.
    for (const p of pools)
      expect(
        terms(affinity).some((t) =>
          t.matchExpressions.every((e) => e.values.includes(p.nodeSelector[e.key])),
        ),
      ).toBe(true);
  });
});
