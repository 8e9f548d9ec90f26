/* eslint-disable @typescript-eslint/no-explicit-any -- tests read deep into objects */
// The findings of rendering the platform for real, each pinned by a test of its fix (the stacks'
// render test checks them all together on the rendered objects).
import { describe, expect, it } from "vitest";
import {
  cniValues,
  gatewayValues,
  INGRESS_GATEWAY_SERVICE_ACCOUNT,
  istiodValues,
  SIDECAR_LIMITS,
} from "../../components/foundation/istio";
import { servingWaitsForWebhook } from "../../components/foundation/knative";
import {
  inferenceServiceIngress,
  kserveValues,
  kserveWaitsForWebhook,
} from "../../components/kubeflow/kserve";
import { MODEL_REGISTRY_DELETIONS } from "../../components/kubeflow/modelRegistry";
import { sparkOperatorValues } from "../../components/kubeflow/sparkOperator";
import { trainerControllers } from "../../components/kubeflow/trainer";
import { kubeflowRoleObjects } from "../../components/kubeflow/roles";
import { installConfig } from "../../components/kubeflow/pipelinesTransforms";
import { PlatformSchema } from "../../components/config/schema";
import { dashboardMenu } from "../../components/kubeflow/dashboardLinks";
import { manifests } from "../../components/versions";

describe("Istio", () => {
  it("runs with CNI by default, gives the cni chart no profile, and GKE its platform", () => {
    expect(PlatformSchema.parse({ cluster: { kind: "existing", context: "c" } }).istio.cni).toBe(
      true,
    );
    expect(cniValues(undefined)).not.toHaveProperty("profile");
    expect(cniValues("gke")).toMatchObject({
      global: { platform: "gke" },
      cni: { cniBinDir: "/home/kubernetes/bin" },
    });
  });
  it("the gateway runs as the ServiceAccount upstream's policies allow", () => {
    expect((gatewayValues({ serviceType: "ClusterIP" } as any).serviceAccount as any).name).toBe(
      INGRESS_GATEWAY_SERVICE_ACCOUNT,
    );
  });
  it("istiod refreshes JWKS every minute; sidecars get a seccomp profile and modest limits", () => {
    const v = istiodValues(true) as any;
    expect(v.pilot.env.PILOT_JWT_PUB_KEY_REFRESH_INTERVAL).toBe("1m");
    expect(v.global.proxy.seccompProfile).toEqual({ type: "RuntimeDefault" });
    expect(v.global.proxy.resources.limits).toEqual(SIDECAR_LIMITS);
  });
});

describe("webhook ordering inside one chart or kustomization", () => {
  it("Knative's networking Certificate waits for Knative's webhook Deployment", () => {
    const cert = servingWaitsForWebhook({
      apiVersion: "networking.internal.knative.dev/v1alpha1",
      kind: "Certificate",
      metadata: { name: "routing-serving-certs" },
    });
    expect(cert.metadata.annotations?.["config.kubernetes.io/depends-on"]).toBe(
      "apps/namespaces/knative-serving/Deployment/webhook",
    );
  });
  it("KServe's cluster runtimes and storage container wait for its controller", () => {
    for (const kind of ["ClusterServingRuntime", "ClusterStorageContainer"])
      expect(
        kserveWaitsForWebhook({
          apiVersion: "serving.kserve.io/v1alpha1",
          kind,
          metadata: { name: "x" },
        }).metadata.annotations,
      ).toEqual({
        "config.kubernetes.io/depends-on":
          "apps/namespaces/kubeflow/Deployment/kserve-controller-manager",
      });
  });
});

describe("apps from charts", () => {
  it("aggregated roles: admin aggregates the app's edit, edit and view carry upstream's labels", () => {
    const [admin, edit, view] = kubeflowRoleObjects("trainer", { edit: [], view: [] }) as any[];
    expect(
      admin.metadata.labels["rbac.authorization.kubeflow.org/aggregate-to-kubeflow-admin"],
    ).toBe("true");
    expect(admin.rules).toBeUndefined();
    expect(
      edit.metadata.labels["rbac.authorization.kubeflow.org/aggregate-to-kubeflow-trainer-admin"],
    ).toBe("true");
    expect(view.metadata.labels["rbac.authorization.kubeflow.org/aggregate-to-kubeflow-view"]).toBe(
      "true",
    );
  });
  it("Trainer's controllers: webhook port past the sidecar, pod seccomp, canonical names the NetworkPolicies select", () => {
    const d = trainerControllers({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "m" },
      spec: {
        template: { metadata: { labels: { "app.kubernetes.io/name": "jobset" } }, spec: {} },
      },
    }) as any;
    expect(d.spec.template.metadata.labels["service.istio.io/canonical-name"]).toBe(
      "jobset-controller-manager",
    );
    expect(
      d.spec.template.metadata.annotations["traffic.sidecar.istio.io/excludeInboundPorts"],
    ).toBe("9443");
    expect(d.spec.template.spec.securityContext.seccompProfile).toEqual({ type: "RuntimeDefault" });
  });
  it("KServe and Spark controllers run without a sidecar, as upstream's", () => {
    expect(
      (kserveValues({ mode: "serverless" } as any).kserve as any).controller.podAnnotations,
    ).toEqual({ "sidecar.istio.io/inject": "false" });
    expect((sparkOperatorValues({}, []) as any).webhook.labels).toEqual({
      "sidecar.istio.io/inject": "false",
    });
  });
  it("KServe routes models by path through the Kubeflow gateway", () => {
    const cm = inferenceServiceIngress({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "inferenceservice-config" },
      data: { ingress: "{}" },
    }) as any;
    expect(JSON.parse(cm.data.ingress).pathTemplate).toBe("/serving/{{ .Namespace }}/{{ .Name }}");
  });
});

describe("Model Registry and Pipelines", () => {
  it("Model Registry's deletions carry no namespace (upstream's objects have none; the overlay sets kubeflow)", () => {
    expect(MODEL_REGISTRY_DELETIONS.every((d) => d.namespace === undefined)).toBe(true);
  });
  it("the Pipelines cache image is pinned", () => {
    const cm = installConfig(
      { host: "h", port: 1 } as any,
      { bucket: "b" } as any,
    )({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "pipeline-install-config" },
      data: {},
    }) as any;
    expect(cm.data.cacheImage).toMatch(/^ghcr\.io\/containerd\/busybox:\d/);
  });
});

describe("the dashboard and Knative Eventing", () => {
  const links = {
    menuLinks: [
      { type: "item", link: "/jupyter/", text: "Notebooks" },
      { type: "item", link: "/katib/", text: "Katib Experiments" },
      { type: "section", text: "Pipelines", items: [{ type: "item", link: "/pipeline/#/runs" }] },
    ],
    quickLinks: [{ link: "/katib/" }, { link: "/jupyter/new" }],
  };
  it("links only installed apps, and Model Registry when it is installed", () => {
    const menu = dashboardMenu(links, new Set(["notebooks", "modelRegistry"])) as any;
    expect(menu.menuLinks.map((l: any) => l.text)).toEqual(["Notebooks", "Model Registry"]);
    expect(menu.quickLinks).toEqual([{ link: "/jupyter/new" }]);
  });
  it("Eventing installs the in-memory channel and the broker its defaults name", () => {
    expect(manifests.knativeEventing.files).toEqual([
      "common/knative/knative-eventing/base/upstream/in-memory-channel.yaml",
      "common/knative/knative-eventing/base/upstream/mt-channel-broker.yaml",
    ]);
  });
});
