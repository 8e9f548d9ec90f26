/* eslint-disable @typescript-eslint/no-explicit-any -- tests read deep into objects */
// Each verify check, fed a known-bad object, fails; fed the fixed one, passes (GIVEN / WHEN / THEN).
import { describe, expect, it } from "vitest";
import { dropControllerFields } from "../../components/lib/controllerFields";
import { K8sObject } from "../../components/lib/k8s";
import { waitFor } from "../../components/lib/transforms";
import { RenderedObject } from "../../components/render/objects";
import { ChartValues } from "../../components/render/render";
import { builds } from "../../components/verify/checks/builds";
import { chartValues, unknownKeys } from "../../components/verify/checks/chartValues";
import { controllerFields } from "../../components/verify/checks/controllerFields";
import { defaultNamespace } from "../../components/verify/checks/defaultNamespace";
import { duplicates } from "../../components/verify/checks/duplicates";
import { hpaReplicas } from "../../components/verify/checks/hpaReplicas";
import { images, isPinned } from "../../components/verify/checks/images";
import { workloadSettings } from "../../components/lib/workloads";
import { meshIdentity } from "../../components/verify/checks/meshIdentity";
import { ordering } from "../../components/verify/checks/ordering";
import { podSecurity } from "../../components/verify/checks/podSecurity";
import { references } from "../../components/verify/checks/references";
import { schema } from "../../components/verify/checks/schema";
import { servedVersions } from "../../components/verify/checks/servedVersions";
import { webhookReachability } from "../../components/verify/checks/webhookReachability";
import { Check, VerifyInput } from "../../components/verify/types";
import { charts } from "../../components/versions";

const SRC = "urn:pulumi:t::p::kubernetes:kustomize/v2:Directory::app";

function rendered(object: K8sObject, extra: Partial<RenderedObject> = {}): RenderedObject {
  const ns = object.metadata.namespace ? `${object.metadata.namespace}/` : "";
  return {
    object,
    urn: `${SRC}$kubernetes:${object.apiVersion}:${object.kind}::app:${ns}${object.metadata.name}`,
    component: "app",
    origin: "kustomize",
    source: SRC,
    dependsOn: [],
    ...extra,
  };
}

function input(objects: RenderedObject[], chartValues: ChartValues[] = []): VerifyInput {
  return {
    objects,
    registrations: [
      {
        urn: SRC,
        type: "kubernetes:kustomize/v2:Directory",
        name: "app",
        parent: "",
        custom: false,
        inputs: {},
        dependsOn: [],
        protect: false,
        retainOnDelete: false,
        deletedWith: "",
        transforms: 1,
        aliases: [],
      },
    ],
    chartValues,
    notRendered: [],
  };
}

const run = (check: Check, i: VerifyInput) => check.run(i).map((v) => `${v.object} ${v.field}`);

const restrictedMeshedNamespace: K8sObject = {
  apiVersion: "v1",
  kind: "Namespace",
  metadata: {
    name: "kubeflow",
    labels: { "pod-security.kubernetes.io/enforce": "restricted", "istio-injection": "enabled" },
  },
};

function deployment(podSecurityContext: Record<string, unknown>): K8sObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "kubeflow" },
    spec: {
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          securityContext: podSecurityContext,
          containers: [
            {
              name: "web",
              image: "ghcr.io/kubeflow/kubeflow/central-dashboard:v1.10.0",
              securityContext: {
                allowPrivilegeEscalation: false,
                runAsNonRoot: true,
                capabilities: { drop: ["ALL"] },
              },
            },
          ],
        },
      },
    },
  };
}

const istiod = (cni: boolean, seccomp: boolean): ChartValues[] => [
  {
    urn: "istiod",
    pin: charts.istiod,
    values: {
      pilot: { cni: { enabled: cni } },
      global: { proxy: seccomp ? { seccompProfile: { type: "RuntimeDefault" } } : {} },
    },
  },
  ...(cni ? [{ urn: "cni", pin: charts.istioCni, values: {} }] : []),
];

describe("pod-security", () => {
  const pod = deployment({ seccompProfile: { type: "RuntimeDefault" } });
  it("GIVEN Istio without CNI WHEN a meshed pod runs in a restricted namespace THEN istio-init is refused", () => {
    const found = run(
      podSecurity,
      input([rendered(restrictedMeshedNamespace), rendered(pod)], istiod(false, true)),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        "Deployment kubeflow/web spec.template.spec.initContainers[name=istio-init].securityContext.capabilities.add",
        "Deployment kubeflow/web spec.template.spec.initContainers[name=istio-init].securityContext.runAsUser",
      ]),
    );
    // The namespace itself is reported for the pods controllers create there.
    expect(found.some((f) => f.startsWith("Namespace kubeflow"))).toBe(true);
  });
  it("GIVEN Istio with CNI and a proxy seccomp profile THEN the same pod is admitted", () => {
    expect(
      run(
        podSecurity,
        input([rendered(restrictedMeshedNamespace), rendered(pod)], istiod(true, true)),
      ),
    ).toEqual([]);
  });
  it("GIVEN per-container seccomp only (Knative's shape) and no proxy seccomp THEN the proxy is refused", () => {
    const perContainer = deployment({});
    (perContainer.spec as any).template.spec.containers[0].securityContext.seccompProfile = {
      type: "RuntimeDefault",
    };
    const found = run(
      podSecurity,
      input([rendered(restrictedMeshedNamespace), rendered(perContainer)], istiod(true, false)),
    );
    expect(found).toContain(
      "Deployment kubeflow/web spec.template.spec.containers[name=istio-proxy].securityContext.seccompProfile",
    );
    expect(
      run(
        podSecurity,
        input([rendered(restrictedMeshedNamespace), rendered(perContainer)], istiod(true, true)),
      ),
    ).toEqual([]);
  });
  it("GIVEN a hostPath volume in a baseline namespace THEN it is refused; privileged namespaces admit it", () => {
    const ns = {
      ...restrictedMeshedNamespace,
      metadata: { name: "kubeflow", labels: { "pod-security.kubernetes.io/enforce": "baseline" } },
    };
    const host = deployment({});
    (host.spec as any).template.spec.volumes = [{ name: "h", hostPath: { path: "/" } }];
    expect(run(podSecurity, input([rendered(ns), rendered(host)]))).toEqual([
      "Deployment kubeflow/web spec.template.spec.volumes[name=h].hostPath",
    ]);
    expect(run(podSecurity, input([rendered(host)]))).toEqual([]);
  });
});

describe("ordering", () => {
  const ns = rendered({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: "knative-serving" },
  });
  const svc = rendered({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "webhook", namespace: "knative-serving" },
    spec: { selector: { app: "webhook" } },
  });
  const server = rendered({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "webhook", namespace: "knative-serving" },
    spec: { template: { metadata: { labels: { app: "webhook" } }, spec: { containers: [] } } },
  });
  const hook = rendered({
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingWebhookConfiguration",
    metadata: { name: "validation.webhook.serving.knative.dev" },
    webhooks: [
      {
        name: "validation.webhook.serving.knative.dev",
        failurePolicy: "Fail",
        clientConfig: { service: { name: "webhook", namespace: "knative-serving" } },
        rules: [
          {
            apiGroups: ["networking.internal.knative.dev"],
            resources: ["certificates"],
            operations: ["CREATE"],
          },
        ],
      },
    ],
  });
  const cert: K8sObject = {
    apiVersion: "networking.internal.knative.dev/v1alpha1",
    kind: "Certificate",
    metadata: { name: "routing-serving-certs", namespace: "knative-serving" },
  };
  it("GIVEN a Certificate a fail-closed webhook admits, in the webhook's own kustomization, THEN it must wait", () => {
    expect(run(ordering, input([ns, svc, server, hook, rendered(cert)]))).toEqual([
      "Certificate knative-serving/routing-serving-certs dependsOn",
    ]);
  });
  it("GIVEN the depends-on annotation on the webhook's Deployment THEN it is ordered", () => {
    const annotated = waitFor(
      { group: "apps", kind: "Deployment", name: "webhook", namespace: "knative-serving" },
      () => true,
    )(cert);
    expect(run(ordering, input([ns, svc, server, hook, rendered(annotated)]))).toEqual([]);
  });
  it("GIVEN a custom resource whose CRD is in another component with no dependsOn THEN it is reported", () => {
    const crd = rendered(
      {
        apiVersion: "apiextensions.k8s.io/v1",
        kind: "CustomResourceDefinition",
        metadata: { name: "profiles.kubeflow.org" },
        spec: {
          group: "kubeflow.org",
          scope: "Cluster",
          names: { kind: "Profile", plural: "profiles" },
        },
      },
      { source: "other", urn: "crd" },
    );
    const profile = rendered(
      { apiVersion: "kubeflow.org/v1", kind: "Profile", metadata: { name: "t" } },
      { origin: "own", source: "p", urn: "p" },
    );
    expect(run(ordering, input([crd, profile]))).toEqual(["Profile t dependsOn"]);
    expect(run(ordering, input([crd, { ...profile, dependsOn: ["crd"] }]))).toEqual([]);
  });
});

describe("images", () => {
  it("pins: tags and digests, never latest or none", () => {
    expect(isPinned("ghcr.io/containerd/busybox")).toBe(false);
    expect(isPinned("a/b:latest")).toBe(false);
    expect(isPinned("a/b:1.36")).toBe(true);
    expect(isPinned("a/b@sha256:" + "0".repeat(64))).toBe(true);
  });
  it("GIVEN an untagged image in a ConfigMap that a controller launches THEN it is reported", () => {
    const cm = rendered({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "pipeline-install-config", namespace: "kubeflow" },
      data: { cacheImage: "ghcr.io/containerd/busybox" },
    });
    expect(run(images, input([cm]))).toEqual([
      "ConfigMap kubeflow/pipeline-install-config data.cacheImage",
    ]);
    (cm.object.data as any).cacheImage = "ghcr.io/containerd/busybox:1.36";
    expect(run(images, input([cm]))).toEqual([]);
  });
  it("GIVEN an image missing from the versions catalog THEN it is reported", () => {
    const d = deployment({});
    (d.spec as any).template.spec.containers[0].image = "docker.io/example/unknown:1.0";
    expect(run(images, input([rendered(d)]))).toHaveLength(1);
  });
});

describe("controller-fields", () => {
  const hook: K8sObject = {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "MutatingWebhookConfiguration",
    metadata: { name: "admission-webhook" },
    webhooks: [{ name: "a", clientConfig: { caBundle: "" } }],
  };
  const secret: K8sObject = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "kubeflow-trainer-webhook-cert", namespace: "kubeflow-system" },
    data: {},
  };
  const validator: K8sObject = {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingWebhookConfiguration",
    metadata: { name: "istio-validator-istio-system" },
    webhooks: [{ name: "v", failurePolicy: "Ignore", clientConfig: {} }],
  };
  it("GIVEN an empty caBundle, Istio's failurePolicy and an empty cert Secret THEN each is reported", () => {
    expect(
      run(controllerFields, input([rendered(hook), rendered(secret), rendered(validator)])),
    ).toHaveLength(3);
  });
  it("GIVEN dropControllerFields THEN none is left", () => {
    const fixed = [hook, secret, validator].map((o) => rendered(dropControllerFields(o)));
    expect(run(controllerFields, input(fixed))).toEqual([]);
    expect((dropControllerFields(secret) as any).data).toBeUndefined();
  });
});

describe("mesh-identity", () => {
  const policy = rendered({
    apiVersion: "security.istio.io/v1",
    kind: "AuthorizationPolicy",
    metadata: { name: "central-dashboard", namespace: "kubeflow" },
    spec: {
      rules: [
        {
          from: [
            {
              source: {
                principals: [
                  "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account",
                ],
              },
            },
          ],
        },
      ],
    },
  });
  const gateway = (sa: string) => [
    rendered({
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: sa, namespace: "istio-system" },
    }),
    rendered({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "istio-ingressgateway", namespace: "istio-system" },
      spec: { template: { spec: { serviceAccountName: sa, containers: [] } } },
    }),
  ];
  it("GIVEN the gateway running as istio-ingressgateway THEN upstream's policy (another account) is reported", () => {
    expect(run(meshIdentity, input([policy, ...gateway("istio-ingressgateway")]))).toHaveLength(1);
  });
  it("GIVEN the gateway running as the account upstream allows THEN it passes", () => {
    expect(
      run(meshIdentity, input([policy, ...gateway("istio-ingressgateway-service-account")])),
    ).toEqual([]);
  });
});

describe("builds, default-namespace, duplicates", () => {
  it("a kustomization that does not build is a violation; a missing chart archive is not", () => {
    const i = input([]);
    i.notRendered = [
      {
        urn: SRC,
        what: "kustomize katib-manifests",
        reason: "no resource matches strategic merge patch",
      },
      { urn: "c", what: "chart dex-chart", reason: "not in the sources" },
    ];
    expect(run(builds, i)).toEqual(["kustomize katib-manifests kustomization.yaml"]);
  });
  it("a namespaced object in the provider's default namespace is reported", () => {
    const svc = rendered({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "model-registry-db", namespace: "default" },
    });
    expect(run(defaultNamespace, input([svc]))).toHaveLength(1);
  });
  it("two objects with one identity are reported", () => {
    const cm: K8sObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "c", namespace: "kubeflow" },
    };
    expect(run(duplicates, input([rendered(cm), rendered(cm, { source: "other" })]))).toHaveLength(
      1,
    );
  });
});

describe("chart-values", () => {
  const trainerDefaults = {
    values: { manager: { replicas: 1, resources: {}, annotations: {} }, jobset: { install: true } },
    subcharts: ["jobset"],
  };
  it("GIVEN a key the pinned chart does not define (Trainer 2.1.0's manager.podAnnotations) THEN it is reported", () => {
    expect(unknownKeys({ manager: { podAnnotations: { a: "b" } } }, trainerDefaults)).toEqual([
      "manager.podAnnotations",
    ]);
    expect(
      unknownKeys({ runtimes: { torchDistributed: { enabled: true } } }, trainerDefaults),
    ).toEqual(["runtimes"]);
  });
  it("free-form maps, subcharts and the chart's own reading rules pass", () => {
    expect(
      unknownKeys(
        {
          manager: { resources: { requests: { cpu: "1" } }, annotations: { x: "y" } },
          jobset: { controller: {} },
        },
        trainerDefaults,
      ),
    ).toEqual([]);
    const istiod = {
      values: { _internal_defaults_do_not_set: { env: {}, cni: { enabled: false } } },
      subcharts: [],
    };
    expect(unknownKeys({ pilot: { env: { A: "1" }, cni: { enabled: true } } }, istiod)).toEqual([
      "pilot",
    ]);
    expect(
      unknownKeys(
        { pilot: { env: { A: "1" }, cni: { enabled: true } } },
        istiod,
        charts.istiod.values,
      ),
    ).toEqual([]);
  });
  it("the check names chart, key and fix", () => {
    const i = input([]);
    i.chartValues = [
      {
        urn: "u::kserve-controller",
        pin: charts.kserve,
        values: {
          kserve: { controller: { gateway: { ingressGateway: { gatewayService: "x" } } } },
        },
      },
    ];
    i.chartDefaults = () => ({
      values: { kserve: { controller: { gateway: { ingressGateway: { gateway: "" } } } } },
      subcharts: [],
    });
    expect(chartValues.run(i).map((v) => v.field)).toEqual([
      "values.kserve.controller.gateway.ingressGateway.gatewayService",
    ]);
  });
});

describe("references", () => {
  const pod = (
    spec: Record<string, unknown>,
    labels: Record<string, string> = { app: "w" },
  ): K8sObject => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "w", namespace: "kubeflow" },
    spec: { template: { metadata: { labels }, spec: { containers: [{ name: "c", ...spec }] } } },
  });
  const cm = rendered({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "cfg", namespace: "kubeflow" },
    data: { a: "1" },
  });
  const svc = rendered({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "mysql", namespace: "kubeflow-data" },
    spec: { selector: { app: "mysql" }, ports: [{ port: 3306 }] },
  });

  it("GIVEN env naming a missing ConfigMap key, a missing Secret, a wrong Service port THEN each is reported", () => {
    const bad = rendered(
      pod({
        env: [
          { name: "A", valueFrom: { configMapKeyRef: { name: "cfg", key: "missing" } } },
          { name: "B", valueFrom: { secretKeyRef: { name: "nope", key: "k" } } },
          { name: "DB", value: "mysql.kubeflow-data.svc.cluster.local:3307" },
        ],
      }),
    );
    expect(run(references, input([cm, svc, bad])).length).toBe(3);
    const good = rendered(
      pod({
        env: [
          { name: "A", valueFrom: { configMapKeyRef: { name: "cfg", key: "a" } } },
          { name: "DB", value: "mysql.kubeflow-data.svc.cluster.local:3306" },
        ],
      }),
    );
    expect(run(references, input([cm, svc, good]))).toEqual([]);
  });

  it("GIVEN a webhook whose pods a NetworkPolicy isolates without admitting its port THEN it is unreachable", () => {
    const ns = "kubeflow-system";
    const objs = (labels: Record<string, string>) => [
      rendered({
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: ns, labels: { "istio-injection": "enabled" } },
      }),
      rendered({
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: "trainer", namespace: ns },
        spec: {
          selector: { "app.kubernetes.io/name": "kubeflow-trainer" },
          ports: [{ port: 443, targetPort: 9443 }],
        },
      }),
      rendered({
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "trainer", namespace: ns },
        spec: { template: { metadata: { labels }, spec: { containers: [{ name: "m" }] } } },
      }),
      rendered({
        apiVersion: "admissionregistration.k8s.io/v1",
        kind: "ValidatingWebhookConfiguration",
        metadata: { name: "v" },
        webhooks: [{ name: "v", clientConfig: { service: { name: "trainer", namespace: ns } } }],
      }),
      rendered({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name: "default-allow-same-namespace", namespace: ns },
        spec: { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] },
      }),
      rendered({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name: "trainer-webhook", namespace: ns },
        spec: {
          podSelector: { matchLabels: { "service.istio.io/canonical-name": "trainer" } },
          ingress: [{ ports: [{ port: 9443 }] }],
        },
      }),
    ];
    // The chart's labels: the injector derives canonical name "kubeflow-trainer".
    expect(
      run(webhookReachability, input(objs({ "app.kubernetes.io/name": "kubeflow-trainer" }))),
    ).toHaveLength(1);
    expect(
      run(
        webhookReachability,
        input(
          objs({
            "app.kubernetes.io/name": "kubeflow-trainer",
            "service.istio.io/canonical-name": "trainer",
          }),
        ),
      ),
    ).toEqual([]);
  });
});

describe("schema", () => {
  const crd = rendered({
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "profiles.kubeflow.org" },
    spec: {
      group: "kubeflow.org",
      scope: "Cluster",
      names: { kind: "Profile", plural: "profiles" },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: {
                spec: {
                  type: "object",
                  properties: {
                    owner: {
                      type: "object",
                      properties: { kind: { type: "string" }, name: { type: "string" } },
                    },
                  },
                },
              },
            },
          },
        },
      ],
    },
  });
  const profile = (spec: Record<string, unknown>, apiVersion = "kubeflow.org/v1") =>
    rendered({ apiVersion, kind: "Profile", metadata: { name: "p" }, spec }, { origin: "own" });
  it("GIVEN a custom resource with a field its CRD does not define (the server would prune it) THEN it is reported", () => {
    expect(
      run(schema, input([crd, profile({ owner: { kind: "User", name: "a" }, ownr: 1 })])),
    ).toEqual(["Profile p /spec"]);
    expect(run(schema, input([crd, profile({ owner: { kind: "User", name: "a" } })]))).toEqual([]);
  });
  it("GIVEN a version the CRD does not serve THEN it is reported", () => {
    expect(run(schema, input([crd, profile({}, "kubeflow.org/v1beta9")]))).toEqual([
      "Profile p apiVersion",
    ]);
  });
  it("GIVEN a built-in object of the wrong type THEN the Kubernetes schema refuses it", () => {
    const bad = rendered({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "d", namespace: "x" },
      spec: { replicas: "two", selector: {}, template: {} },
    });
    expect(run(schema, input([bad]))).toHaveLength(1);
  });
});

describe("hpa-replicas", () => {
  const hpa = rendered({
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: "activator", namespace: "knative-serving" },
    spec: {
      scaleTargetRef: { kind: "Deployment", name: "activator" },
      minReplicas: 1,
      maxReplicas: 20,
    },
  });
  const activator = (spec: Record<string, unknown>): K8sObject => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "activator", namespace: "knative-serving" },
    spec,
  });
  it("GIVEN replicas set on a Deployment an HPA scales THEN it is reported", () => {
    expect(run(hpaReplicas, input([hpa, rendered(activator({ replicas: 2 }))]))).toEqual([
      "Deployment knative-serving/activator spec.replicas",
    ]);
  });
  it("GIVEN workloadSettings with the HPA's targets THEN the replicas go to the HPA's bounds", () => {
    const settings = workloadSettings(
      { workloads: 1, requests: { cpu: "1m", memory: "1Mi" } },
      { replicas: 2 },
      ["activator"],
    );
    const objs = [
      rendered(settings(hpa.object)),
      rendered(
        settings(activator({ replicas: 1, template: { spec: { containers: [{ name: "a" }] } } })),
      ),
    ];
    expect(run(hpaReplicas, input(objs))).toEqual([]);
    expect(objs[0].object.spec).toMatchObject({ minReplicas: 2, maxReplicas: 20 });
  });
});

describe("servedVersions", () => {
  const crd = (group: string, kind: string, versions: string[]): K8sObject => ({
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${kind.toLowerCase()}s.${group}` },
    spec: { group, names: { kind }, versions: versions.map((name) => ({ name, served: true })) },
  });
  it("GIVEN a multi-version CRD missing from the alias table THEN it is named", () => {
    expect(
      run(servedVersions, input([rendered(crd("example.com", "Widget", ["v1", "v2"]))])),
    ).toEqual(["CustomResourceDefinition widgets.example.com spec.versions"]);
  });
  it("GIVEN a listed kind that serves a version the table lacks THEN it is named", () => {
    expect(
      run(
        servedVersions,
        input([rendered(crd("kubeflow.org", "Profile", ["v1", "v1beta1", "v2"]))]),
      ),
    ).toEqual(["CustomResourceDefinition profiles.kubeflow.org spec.versions"]);
  });
  it("GIVEN a listed kind, or a single-version CRD THEN nothing", () => {
    expect(
      run(servedVersions, input([rendered(crd("kubeflow.org", "Profile", ["v1beta1", "v1"]))])),
    ).toEqual([]);
    expect(run(servedVersions, input([rendered(crd("example.com", "Widget", ["v1"]))]))).toEqual(
      [],
    );
  });
});
