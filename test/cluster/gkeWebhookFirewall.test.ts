// The GKE webhook firewall rule against what the platform really installs: every admission webhook
// of the rendered platform (real kustomize over the pinned sources) targets a container port that
// GKE opens itself or that the rule opens, and every port the rule opens for a kustomization is one
// such a webhook uses. Charts cannot be rendered offline (the mirror has no templates): their
// webhook ports are read from their values.yaml and the matching upstream manifests.
import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { GKE_CONTROL_PLANE_PORTS, WEBHOOK_PORTS } from "../../components/cluster/gcp";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import { renderPlatform } from "../../components/render/render";
import { charts, kubeflowManifests } from "../../components/versions";
import { SOURCES_DIR, sourcesAvailable } from "../render/sources";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const run = sourcesAvailable("GKE webhook firewall against the render");
const opened = new Set([...GKE_CONTROL_PLANE_PORTS, ...WEBHOOK_PORTS.map((p) => p.port)]);

/** Each webhook's Service, resolved to the container port its pods listen on. Pure. */
function webhookTargetPorts(objs: Obj[]): { webhook: string; port: number }[] {
  const services = new Map(
    objs
      .filter((o) => o.kind === "Service")
      .map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]),
  );
  const workloads = objs.filter((o) => o.spec?.template?.spec?.containers);
  return objs
    .filter((o) => /^(Validating|Mutating)WebhookConfiguration$/.test(o.kind))
    .flatMap((w) => (w.webhooks ?? []) as Obj[])
    .map((h) => {
      const ref = h.clientConfig.service;
      const svc = services.get(`${ref.namespace}/${ref.name}`)!;
      const sp = (svc.spec.ports as Obj[]).find((p) => p.port === (ref.port ?? 443))!;
      if (typeof sp.targetPort === "number") return { webhook: h.name, port: sp.targetPort };
      const pod = workloads.find(
        (x) =>
          x.metadata.namespace === ref.namespace &&
          Object.entries(svc.spec.selector ?? {}).every(
            ([k, v]) => x.spec.template.metadata?.labels?.[k] === v,
          ),
      )!;
      const cp = (pod.spec.template.spec.containers as Obj[])
        .flatMap((c) => (c.ports ?? []) as Obj[])
        .find((p) => p.name === sp.targetPort)!;
      return { webhook: h.name, port: cp.containerPort as number };
    });
}

describe.runIf(run)("GKE webhook firewall: the rendered platform", () => {
  let found: { webhook: string; port: number }[];
  beforeAll(async () => {
    process.env.KUBEFLOW_PLATFORM_SOURCES = SOURCES_DIR;
    // full: every optional app on (Eventing, Training Operator v1, PVC viewer, Spark, ...).
    const render = await renderPlatform("full", readStackPlatformConfig("full"));
    found = webhookTargetPorts(render.objects.map((o) => o.object as Obj));
  }, 600_000);

  it("every rendered webhook's pods listen on a port the control plane may reach", () => {
    expect(found.length).toBeGreaterThan(10);
    expect(found.filter((f) => !opened.has(f.port))).toEqual([]);
  });

  it("the kustomizations' webhook ports are in the rule: 4443, 8443, 9443", () => {
    expect([...new Set(found.map((f) => f.port))].sort()).toEqual([4443, 8443, 9443]);
  });
});

describe.runIf(run)("GKE webhook firewall: the charts' webhook ports", () => {
  const chartValues = (chart: string, version: string) =>
    parse(
      fs.readFileSync(path.join(SOURCES_DIR!, "charts", chart, version, "values.yaml"), "utf8"),
    );
  const manifest = (p: string) =>
    parseAllDocuments(
      fs.readFileSync(
        path.join(SOURCES_DIR!, "kubeflow-manifests", kubeflowManifests.ref, p),
        "utf8",
      ),
    ).map((d) => d.toJS() as Obj);

  it("cert-manager listens on 10250, which GKE already opens", () => {
    const v = chartValues("cert-manager", charts.certManager.version);
    expect(v.webhook.securePort).toBe(10250);
    expect(GKE_CONTROL_PLANE_PORTS).toContain(10250);
  });

  it("Trainer and Spark operator serve their webhooks on 9443", () => {
    expect(
      chartValues("kubeflow-trainer", charts.trainer.version).manager.config.webhook.port,
    ).toBe(9443);
    expect(chartValues("spark-operator", charts.sparkOperator.version).webhook.port).toBe(9443);
    expect(opened).toContain(9443);
  });

  it("istiod's webhook Service targets 15017; KServe's webhook server listens on 9443", () => {
    const istio = manifest("common/istio/istio-install/base/install.yaml");
    const istiod = istio.find((o) => o?.kind === "Service" && o.metadata.name === "istiod")!;
    expect((istiod.spec.ports as Obj[]).find((p) => p.port === 443)!.targetPort).toBe(15017);
    const kserve = manifest("applications/kserve/kserve/kserve.yaml");
    const controller = kserve.find(
      (o) => o?.kind === "Deployment" && o.metadata.name === "kserve-controller-manager",
    )!;
    const ports = (controller.spec.template.spec.containers as Obj[]).flatMap((c) => c.ports ?? []);
    expect(ports.find((p: Obj) => p.name === "webhook-server").containerPort).toBe(9443);
    expect(opened).toContain(15017);
  });
});
