/* eslint-disable @typescript-eslint/no-explicit-any -- tests read deep into chart values and objects */
// Each Kubeflow application: what it registers, in what order, and the pure values and transforms
// that wire it to the platform.
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { AppsSchema } from "../../components/config/apps";
import {
  KATIB_DELETIONS,
  katibDatabaseSecret,
  katibDbManager,
} from "../../components/kubeflow/katib";
import { kserveValues } from "../../components/kubeflow/kserve";
import { modelRegistryDatabase } from "../../components/kubeflow/modelRegistry";
import {
  gpuChoices,
  spawnerConfig,
  spawnerConfigTransform,
} from "../../components/kubeflow/notebooks";
import { sparkOperatorValues } from "../../components/kubeflow/sparkOperator";
import { trainerValues } from "../../components/kubeflow/trainer";
import { localGatewayPolicy, localGatewayValues } from "../../components/foundation/knative";
import { K8sObject } from "../../components/lib/k8s";
import { Registration, SECRET_PLACEHOLDER } from "../../components/plan/recorder";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import { byName, names, plan, under } from "../mocks";
import { validateObject } from "../schemaValidation";

const apps = AppsSchema.parse({});
let full: Registration[];
beforeAll(async () => {
  full = await plan(readStackPlatformConfig("full"), "full");
});

const urn = (n: string) => byName(full, n).urn;

describe("Katib", () => {
  it("runs on its own database: our Secret, upstream's MySQL removed, DB manager rewired", () => {
    expect(names(under(full, "katib"))).toEqual(["katib-database", "katib-manifests"]);
    expect(byName(full, "katib-database").inputs.stringData).toBe(SECRET_PLACEHOLDER);
    expect(KATIB_DELETIONS.map((d) => `${d.kind}/${d.name}`)).toEqual([
      "Deployment/katib-mysql",
      "PersistentVolumeClaim/katib-mysql",
      "Service/katib-mysql",
      "Secret/katib-mysql-secrets",
    ]);
    expect(byName(full, "katib-manifests").dependsOn).toEqual(
      expect.arrayContaining([
        urn("katib-database"),
        urn("mysql-statefulset"),
        urn("cert-manager-chart"),
      ]),
    );
    expect(byName(full, "mysql-app-databases").inputs).toBeDefined();
  });

  it("DB manager reads every connection setting from the Secret (pure)", () => {
    const dm: K8sObject = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "katib-db-manager", namespace: "kubeflow" },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: "katib-db-manager",
                env: [
                  {
                    name: "DB_PASSWORD",
                    valueFrom: {
                      secretKeyRef: { name: "katib-mysql-secrets", key: "MYSQL_ROOT_PASSWORD" },
                    },
                  },
                ],
              },
            ],
          },
        },
      },
    };
    const env = (katibDbManager()(dm).spec as any).template.spec.containers[0].env;
    expect(env.map((e: { name: string }) => e.name)).toEqual([
      "DB_NAME",
      "DB_USER",
      "DB_PASSWORD",
      "KATIB_MYSQL_DB_DATABASE",
      "KATIB_MYSQL_DB_HOST",
      "KATIB_MYSQL_DB_PORT",
    ]);
    expect(env[2].valueFrom.secretKeyRef).toEqual({
      name: "katib-mysql-secrets",
      key: "DB_PASSWORD",
    });
    expect(
      katibDatabaseSecret({ host: "h", port: 3306, database: "katib", user: "katib" }),
    ).toEqual({
      KATIB_MYSQL_DB_HOST: "h",
      KATIB_MYSQL_DB_PORT: "3306",
      KATIB_MYSQL_DB_DATABASE: "katib",
      DB_USER: "katib",
    });
  });
});

describe("Notebooks", () => {
  const upstream = `spawnerFormDefaults:
  image:
    value: ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0
    options:
    - ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0
  imageGroupOne:
    value: ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:v1.10.0
    options:
    - ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:v1.10.0
  gpus:
    readOnly: false
    value: { vendor: "", vendors: [{ limitsKey: nvidia.com/gpu, uiName: NVIDIA }] }
  affinityConfig: { value: "", options: [] }
  tolerationGroup: { value: "", options: [] }
`;
  const pool = {
    name: "a100",
    nodeSelector: { "nvidia.com/gpu.product": "A100" },
    tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
  };

  it("each GPU pool becomes a toleration group and an affinity choice (pure)", () => {
    const form = parse(
      spawnerConfig(upstream, { gpus: gpuChoices([pool], { enabled: true }) }),
    ).spawnerFormDefaults;
    expect(form.tolerationGroup.options).toEqual([
      { groupKey: "a100", displayName: "GPU nodes: a100", tolerations: pool.tolerations },
    ]);
    expect(
      form.affinityConfig.options[0].affinity.nodeAffinity
        .requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions,
    ).toEqual([{ key: "nvidia.com/gpu.product", operator: "In", values: ["A100"] }]);
    expect(form.gpus.readOnly).toBe(false);
  });

  it("without GPUs the GPU choice is locked to none; images can be replaced and mirrored", () => {
    const form = parse(
      spawnerConfig(upstream, {
        gpus: gpuChoices([pool], { enabled: false }),
        images: ["ghcr.io/acme/notebook:1.0"],
        registry: "mirror.example.com",
      }),
    ).spawnerFormDefaults;
    expect(form.gpus.readOnly).toBe(true);
    expect(form.image.options).toEqual(["mirror.example.com/ghcr.io/acme/notebook:1.0"]);
    expect(form.imageGroupOne.value).toBe(
      "mirror.example.com/ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:v1.10.0",
    );
  });

  it("explicit tolerations stand in for pools", () => {
    expect(
      gpuChoices([], { enabled: true, tolerations: [{ key: "gpu", operator: "Exists" }] }),
    ).toEqual([
      { name: "gpu", nodeSelector: undefined, tolerations: [{ key: "gpu", operator: "Exists" }] },
    ]);
  });

  it("the transform finds the spawner ConfigMap by its hashed name", () => {
    const cm: K8sObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "jupyter-web-app-config-7h2k9", namespace: "kubeflow" },
      data: { "spawner_ui_config.yaml": upstream },
    };
    const out = spawnerConfigTransform({ gpus: [] })(cm);
    expect(out).not.toBe(cm);
    expect(
      parse((out.data as Record<string, string>)["spawner_ui_config.yaml"]).spawnerFormDefaults.gpus
        .readOnly,
    ).toBe(true);
  });

  it("registers controller then web app", () => {
    expect(names(under(full, "notebooks"))).toEqual([
      "notebooks-controller",
      "notebooks-jupyter-web-app",
    ]);
    expect(byName(full, "notebooks-jupyter-web-app").dependsOn).toContain(
      urn("notebooks-controller"),
    );
  });
});

describe("KServe and Knative", () => {
  it("serverless KServe routes through the Kubeflow gateway and Knative's local gateway (pure)", () => {
    const v = kserveValues({ ...apps.kserve, mode: "serverless" }) as any;
    expect(v.kserve.controller.deploymentMode).toBe("Serverless");
    expect(v.kserve.controller.gateway.ingressGateway.gateway).toBe("kubeflow/kubeflow-gateway");
    expect(v.kserve.controller.gateway.localGateway.gatewayService).toBe(
      "knative-local-gateway.istio-system.svc.cluster.local",
    );
    expect(
      (kserveValues({ ...apps.kserve, mode: "rawDeployment" }) as any).kserve.controller
        .deploymentMode,
    ).toBe("RawDeployment");
  });

  it("CRDs first, then the controller after Knative, then the models web app", () => {
    expect(names(under(full, "kserve"))).toEqual([
      "kserve-controller",
      "kserve-crds",
      "kserve-models-web-app",
      "kubeflow-kserve-admin",
      "kubeflow-kserve-edit",
      "kubeflow-kserve-view",
    ]);
    expect(byName(full, "kserve-controller").dependsOn).toEqual(
      expect.arrayContaining([
        urn("kserve-crds"),
        urn("knative-serving-manifests"),
        urn("cert-manager-chart"),
      ]),
    );
    expect(byName(full, "kserve-models-web-app").dependsOn).toContain(urn("kserve-controller"));
  });

  it("Knative gets a cluster-local gateway of its own, reachable only in-cluster", () => {
    expect(names(under(full, "knative-serving"))).toEqual([
      "knative-serving-local-gateway",
      "knative-serving-local-gateway-policy",
      "knative-serving-manifests",
      // The storage-version migration of every Knative upgrade (components/migrations/).
      "knative-serving-storage-migration",
    ]);
    expect(byName(full, "knative-serving-local-gateway").inputs).toMatchObject({
      name: "cluster-local-gateway",
    });
    expect((localGatewayValues() as any).service.type).toBe("ClusterIP");
    expect(() => validateObject(localGatewayPolicy())).not.toThrow();
  });
});

describe("Trainer, Spark, Model Registry and the simple apps", () => {
  it("Trainer: JobSet included, webhook port past the sidecar, torch runtime (pure)", () => {
    const v = trainerValues({ replicas: 2 }) as any;
    expect(v.jobset.install).toBe(true);
    expect(v.manager.replicas).toBe(2);
    // Chart 2.1.0 has neither key: the pod settings are a transform, the runtimes a kustomization.
    expect(v.manager.podAnnotations).toBeUndefined();
    expect(v.runtimes).toBeUndefined();
    expect(byName(full, "trainer-runtimes").type).toBe("kubernetes:kustomize/v2:Directory");
    expect(byName(full, "trainer-chart").inputs).toMatchObject({
      chart: "oci://ghcr.io/kubeflow/charts/kubeflow-trainer",
      namespace: "kubeflow-system",
    });
  });

  it("Spark watches the tenant namespaces and goes in after them", () => {
    expect(sparkOperatorValues({}, ["team-b", "team-a"])).toMatchObject({
      spark: { jobNamespaces: ["team-a", "team-b"] },
    });
    expect(sparkOperatorValues({}, [])).toMatchObject({ spark: { jobNamespaces: ["kubeflow"] } });
    const chart = byName(full, "spark-operator-chart");
    expect((chart.inputs.values as any).spark.jobNamespaces).toContain("team-vision");
    // The chart waits for the tenants (their namespaces must exist for its RoleBindings).
    expect(chart.dependsOn).toEqual(expect.arrayContaining([urn("tenants-team-vision-namespace")]));
  });

  it("Model Registry's DSN points at the platform database (pure)", () => {
    const server: K8sObject = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "model-registry-deployment", namespace: "kubeflow" },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: "rest-container",
                args: [
                  "--hostname=0.0.0.0",
                  "--embedmd-database-dsn=$(MYSQL_USER_NAME):$(MYSQL_ROOT_PASSWORD)@tcp(model-registry-db:$(MYSQL_PORT))/$(MYSQL_DATABASE)?charset=utf8mb4",
                ],
              },
            ],
          },
        },
      },
    };
    const out = modelRegistryDatabase("mysql.kubeflow-data.svc.cluster.local", 3306)(server)
      .spec as any;
    expect(out.template.spec.containers[0].args[1]).toBe(
      "--embedmd-database-dsn=$(MYSQL_USER_NAME):$(MYSQL_ROOT_PASSWORD)@tcp(mysql.kubeflow-data.svc.cluster.local:$(MYSQL_PORT))/$(MYSQL_DATABASE)?charset=utf8mb4",
    );
    expect(out.template.metadata.annotations["traffic.sidecar.istio.io/excludeOutboundPorts"]).toBe(
      "3306",
    );
    expect(byName(full, "model-registry-database-parameters").inputs.data).toEqual({
      MYSQL_DATABASE: "model_registry",
      MYSQL_PORT: "3306",
    });
  });

  it.each([
    ["volumes", ["volumes-manifests"]],
    ["tensorboards", ["tensorboards-manifests"]],
    ["pvc-viewer", ["pvc-viewer-manifests"]],
    ["training-operator", ["training-operator-manifests"]],
    ["knative-eventing", ["knative-eventing-manifests"]],
  ])(
    "%s registers its pinned manifests after the namespace, Istio and cert-manager",
    (app, expected) => {
      expect(names(under(full, app))).toEqual(expected);
      expect(byName(full, expected[0]).dependsOn).toEqual(
        expect.arrayContaining([urn("istio-istiod"), urn("cert-manager-chart")]),
      );
    },
  );
});

describe("the full profile's own objects", () => {
  it("are valid against the Kubernetes and Istio schemas, with every credential secret", async () => {
    const { writtenObjects } = await import("../mocks");
    const objects = writtenObjects(full).filter((o) => !o.type.includes("kubeflow.org"));
    const opaque = (o: Record<string, unknown>) =>
      o.stringData === SECRET_PLACEHOLDER ? { ...o, stringData: { redacted: "[secret]" } } : o;
    for (const o of objects) expect(() => validateObject(opaque(o.object)), o.name).not.toThrow();
    for (const o of objects.filter((x) => x.object.kind === "Secret"))
      expect(o.inputs.stringData, o.name).toBe(SECRET_PLACEHOLDER);
  });

  it("app database passwords are generated and protected", () => {
    for (const n of ["mysql-katib-password", "mysql-model-registry-password"])
      expect(byName(full, n)).toMatchObject({ protect: true });
  });
});

describe("toggles", () => {
  it("the minimal profile registers no app beyond Pipelines and notebooks", async () => {
    const regs = await plan();
    const components = regs.filter((r) => r.parent === "" && !r.custom).map((r) => r.name);
    for (const absent of ["katib", "kserve", "trainer", "knative-serving", "spark-operator"])
      expect(components).not.toContain(absent);
    expect(components).toEqual(expect.arrayContaining(["pipelines", "notebooks"]));
  });

  it("an external object store and no Pipelines deploy no MinIO or data namespace", async () => {
    const regs = await plan({
      cluster: { kind: "existing", context: "kind-kubeflow" },
      database: { kind: "none" },
      components: { pipelines: { enabled: false } },
    });
    for (const n of ["minio", "mysql", "kubeflow-data", "pipelines"])
      expect(regs.some((r) => r.name === n)).toBe(false);
  });
});
