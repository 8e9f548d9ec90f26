// Tier 1's pure parts: the render-mode provider inputs, what a Chart without its archive becomes,
// the engine's environment, and reading the update summaries.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  CHART_CRD_KINDS,
  pluralOf,
  STUB_ANNOTATION,
  stubCrd,
  changeCounts,
  changedOps,
  chartNotInSources,
  countRendered,
  renderModeProviderProps,
  tier1ChartProps,
  tier1Env,
  tier1Transform,
  workspaceStackFile,
  writeEmptyChart,
} from "../../components/engine/tier1";

describe("tier 1: the Kubernetes provider", () => {
  it("renders to the directory and names no cluster (the provider rejects both together)", () => {
    const props = {
      kubeconfig: "/home/me/.kube/config",
      context: "kind-kubeflow",
      cluster: "c",
      clusterIdentifier: "kind-kubeflow",
      enableServerSideApply: true,
    };
    expect(renderModeProviderProps(props, "/out")).toEqual({
      clusterIdentifier: "kind-kubeflow",
      enableServerSideApply: true,
      renderYamlToDirectory: "/out",
    });
  });

  it("is the only resource type besides Chart the transform touches", async () => {
    const t = tier1Transform("/out", "/p", () => "/empty", []);
    const args = {
      type: "kubernetes:core/v1:Namespace",
      name: "n",
      custom: true,
      props: {},
      opts: {},
    };
    expect(await t(args as never)).toBeUndefined();
  });
});

describe("tier 1: charts", () => {
  const exists = (p: string) => p === "/p/sources/charts/x/x-1.0.0.tgz";

  it("point at the empty chart when the archive is not in the sources, and say why", () => {
    const r = tier1ChartProps(
      {
        chart: "cert-manager",
        version: "v1.19.4",
        repositoryOpts: { repo: "https://charts.jetstack.io" },
        namespace: "cert-manager",
        values: { a: 1 },
      },
      "/p",
      () => "/empty",
      exists,
    );
    expect(r.props).toEqual({ chart: "/empty", namespace: "cert-manager", values: { a: 1 } });
    expect(r.notRendered).toBe(chartNotInSources("cert-manager", "v1.19.4"));
    expect(r.notRendered).toMatch(/not in the sources directory.*KUBEFLOW_PLATFORM_SOURCES/);
  });

  it("keep a local archive, made absolute for the provider's working folder", () => {
    const r = tier1ChartProps(
      { chart: "./sources/charts/x/x-1.0.0.tgz" },
      "/p",
      () => "/empty",
      exists,
    );
    expect(r).toEqual({ props: { chart: "/p/sources/charts/x/x-1.0.0.tgz" } });
  });

  it("treat an oci:// chart like any remote one", () => {
    const r = tier1ChartProps({ chart: "oci://ghcr.io/x/y" }, "/p", () => "/empty", exists);
    expect(r.props.chart).toBe("/empty");
  });

  it("are noted as not rendered by the transform", async () => {
    const notRendered: { name: string; reason: string }[] = [];
    const t = tier1Transform("/out", "/p", () => "/empty", notRendered);
    const args = {
      type: "kubernetes:helm.sh/v4:Chart",
      name: "cert-manager-chart",
      custom: false,
      props: { chart: "cert-manager", version: "1" },
      opts: {},
    };
    expect((await t(args as never))?.props.chart).toBe("/empty");
    // The provider's own registration of the component carries no chart: left alone, noted once.
    expect(await t({ ...args, props: {} } as never)).toBeUndefined();
    expect(notRendered.map((n) => n.name)).toEqual(["cert-manager-chart"]);
  });

  it("stand in with a chart that has no templates", () => {
    const dir = writeEmptyChart(fs.mkdtempSync(path.join(os.tmpdir(), "empty-chart-")));
    expect(fs.readdirSync(dir)).toEqual(["Chart.yaml"]);
    expect(fs.readFileSync(path.join(dir, "Chart.yaml"), "utf8")).toMatch(/apiVersion: v2/);
  });

  it("carry scope-only stub CRDs, marked as such, for the charts whose CRDs others use", () => {
    const dir = writeEmptyChart(
      fs.mkdtempSync(path.join(os.tmpdir(), "empty-chart-")),
      CHART_CRD_KINDS["cert-manager"],
    );
    const text = fs.readFileSync(path.join(dir, "crds", "stubs.yaml"), "utf8");
    expect(text.split("---").length).toBe(CHART_CRD_KINDS["cert-manager"].length);
    expect(text).toContain(STUB_ANNOTATION);
    const crd = stubCrd("security.istio.io", "AuthorizationPolicy", "Namespaced");
    expect(crd).toMatchObject({
      metadata: { name: "authorizationpolicies.security.istio.io" },
      spec: { scope: "Namespaced", names: { kind: "AuthorizationPolicy" } },
    });
    expect([pluralOf("Gateway"), pluralOf("Policy"), pluralOf("Issuer")]).toEqual([
      "gateways",
      "policies",
      "issuers",
    ]);
  });
});

describe("tier 1: environment", () => {
  const env = tier1Env(
    {
      PATH: "/usr/bin",
      HOME: "/root",
      KUBECONFIG: "/root/.kube/config",
      PULUMI_ACCESS_TOKEN: "t",
      PULUMI_K8S_DELETE_UNREACHABLE: "true",
      KUBEFLOW_PLATFORM_SOURCES: "/src",
    },
    "/cache/bin",
    { out: "/out", scratch: "/s" },
    "/p",
  );

  it("finds no cluster: no KUBECONFIG, a HOME without .kube, no provider escape hatches", () => {
    expect(env.KUBECONFIG).toBeUndefined();
    expect(env.HOME).toBe("/s/home");
    expect(env.PULUMI_K8S_DELETE_UNREACHABLE).toBeUndefined();
    expect(env.PULUMI_ACCESS_TOKEN).toBeUndefined();
  });

  it("puts the tool cache first on PATH, state in a local folder and downloads off", () => {
    expect(env.PATH).toBe("/cache/bin:/usr/bin");
    expect(env.PULUMI_BACKEND_URL).toBe("file:///s/state");
    expect(env.PULUMI_CONFIG_PASSPHRASE).toBeTruthy();
    expect(env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION).toBe("true");
    expect(env.PULUMI_SKIP_UPDATE_CHECK).toBe("true");
  });

  it("keeps the sources, tells the random stand-in its checkout, and an absolute work folder", () => {
    expect(env.KUBEFLOW_PLATFORM_SOURCES).toBe("/src");
    expect(env.KUBEFLOW_PLATFORM_ROOT).toBe("/p");
    expect(env.KUBEFLOW_PLATFORM_WORK_DIR).toBe("/s/kustomize");
  });
});

describe("tier 1: stacks and summaries", () => {
  it("refuses a stack file with values encrypted for a real stack", () => {
    expect(() => workspaceStackFile("config:\n  a:\n    secure: AAAB\n", "f.yaml")).toThrow(
      /secure values.*Fix/,
    );
    expect(workspaceStackFile("config: {}\n", "f.yaml")).toBe("config: {}\n");
  });

  it("counts the operations and names every one that changes something", () => {
    const counts = changeCounts({ resourceChanges: { same: 10, create: 0, update: 2 } } as never);
    expect(counts).toEqual({ same: 10, update: 2 });
    expect(changedOps(counts)).toEqual(["update"]);
    expect(changedOps({ same: 3, read: 1 })).toEqual([]);
  });

  it("counts what the provider wrote, by folder", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "rendered-"));
    fs.mkdirSync(path.join(out, "1-manifest"));
    fs.writeFileSync(path.join(out, "1-manifest", "a.yaml"), "");
    fs.mkdirSync(path.join(out, "0-crd"));
    fs.writeFileSync(
      path.join(out, "0-crd", "a.yaml"),
      stringify(stubCrd("g.io", "Policy", "Cluster")),
    );
    fs.writeFileSync(path.join(out, "0-crd", "b.yaml"), "kind: CustomResourceDefinition\n");
    expect(countRendered(out)).toEqual({ crds: 1, manifests: 1, stubs: 1 });
  });
});
