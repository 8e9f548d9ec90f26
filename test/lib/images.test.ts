// The image-mirror transform: every container and init container image in any object that holds
// pod specs, charts' and kustomizations' objects included, rewritten to the mirror.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mirrorImage, mirrorImages, normalizeImage, podSpecsIn } from "../../components/lib/images";
import { K8sObject } from "../../components/lib/k8s";
import { allImages } from "../../components/versions";
import { validateObject } from "../schemaValidation";

const MIRROR = "registry.example.com/mirror";
const t = mirrorImages(MIRROR, "mirror-pull");

const pod = (image: string) => ({
  initContainers: [{ name: "init", image: "busybox:1.36" }],
  containers: [
    {
      name: "main",
      image,
      env: [
        { name: "V2_LAUNCHER_IMAGE", value: "ghcr.io/kubeflow/kfp-launcher:2.16.0" },
        { name: "NOT_AN_IMAGE_VAR", value: "ghcr.io/kubeflow/kfp-launcher:2.16.0" },
      ],
    },
  ],
});
const workload = (kind: string, apiVersion = "apps/v1"): K8sObject => ({
  apiVersion,
  kind,
  metadata: { name: "w", namespace: "kubeflow" },
  spec: {
    selector: { matchLabels: { app: "w" } },
    ...(kind === "StatefulSet" ? { serviceName: "w" } : {}),
    template: { metadata: { labels: { app: "w" } }, spec: pod("mysql:8.4.6") },
  },
});
const images = (o: K8sObject) =>
  podSpecsIn(o).flatMap((s) =>
    [...(s.containers ?? []), ...(s.initContainers ?? [])].map((c) => c.image),
  );

describe("normalizeImage / mirrorImage (pure)", () => {
  it("makes Docker Hub's defaults explicit and keeps other registries", () => {
    expect(normalizeImage("mysql:8.4")).toBe("docker.io/library/mysql:8.4");
    expect(normalizeImage("kserve/agent:v0.16.0")).toBe("docker.io/kserve/agent:v0.16.0");
    expect(normalizeImage("ghcr.io/kubeflow/kfp-api-server:2.16.0")).toBe(
      "ghcr.io/kubeflow/kfp-api-server:2.16.0",
    );
    expect(normalizeImage("localhost:5000/x:1")).toBe("localhost:5000/x:1");
  });

  it("keeps the origin in the mirror's path and is idempotent (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...allImages()), (image) => {
        const once = mirrorImage(image, MIRROR);
        expect(once.startsWith(`${MIRROR}/`)).toBe(true);
        expect(once.endsWith(normalizeImage(image))).toBe(true);
        expect(mirrorImage(once, MIRROR)).toBe(once);
      }),
    );
  });
});

describe("mirrorImages transform", () => {
  it.each([
    ["Deployment", "apps/v1"],
    ["StatefulSet", "apps/v1"],
    ["DaemonSet", "apps/v1"],
    ["Job", "batch/v1"],
  ])("rewrites containers and init containers of a %s and adds the pull secret", (kind, api) => {
    const input = workload(kind, api);
    const out = t(input);
    expect(images(out)).toEqual([
      `${MIRROR}/docker.io/library/mysql:8.4.6`,
      `${MIRROR}/docker.io/library/busybox:1.36`,
    ]);
    const spec = podSpecsIn(out)[0];
    expect(spec.imagePullSecrets).toEqual([{ name: "mirror-pull" }]);
    // Images that pods are told to start are rewritten too; other env values are not.
    expect(spec.containers![0].env).toEqual([
      { name: "V2_LAUNCHER_IMAGE", value: `${MIRROR}/ghcr.io/kubeflow/kfp-launcher:2.16.0` },
      { name: "NOT_AN_IMAGE_VAR", value: "ghcr.io/kubeflow/kfp-launcher:2.16.0" },
    ]);
    expect(() => validateObject(out)).not.toThrow();
    // The input is untouched.
    expect(images(input)[0]).toBe("mysql:8.4.6");
  });

  it("reaches a CronJob's job template", () => {
    const cron: K8sObject = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "c" },
      spec: {
        schedule: "0 * * * *",
        jobTemplate: { spec: { template: { spec: pod("alpine:3.20") } } },
      },
    };
    const out = t(cron);
    expect(images(out)[0]).toBe(`${MIRROR}/docker.io/library/alpine:3.20`);
    expect(() => validateObject(out)).not.toThrow();
  });

  it("reaches pod templates inside custom resources: a Notebook and a ServingRuntime", () => {
    const notebook: K8sObject = {
      apiVersion: "kubeflow.org/v1",
      kind: "Notebook",
      metadata: { name: "nb", namespace: "team-a" },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: "nb",
                image: "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0",
              },
            ],
          },
        },
      },
    };
    const runtime: K8sObject = {
      apiVersion: "serving.kserve.io/v1alpha1",
      kind: "ClusterServingRuntime",
      metadata: { name: "kserve-sklearnserver" },
      spec: {
        supportedModelFormats: [{ name: "sklearn" }],
        containers: [{ name: "kserve-container", image: "kserve/sklearnserver:v0.16.0" }],
      },
    };
    expect(images(t(notebook))).toEqual([
      `${MIRROR}/ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0`,
    ]);
    expect(images(t(runtime))).toEqual([`${MIRROR}/docker.io/kserve/sklearnserver:v0.16.0`]);
  });

  it("leaves objects without pod specs alone, and does not add the secret twice", () => {
    const cm: K8sObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "c" },
      data: { image: "x:1" },
    };
    expect(t(cm)).toBe(cm);
    expect(podSpecsIn(t(t(workload("Deployment"))))[0].imagePullSecrets).toEqual([
      { name: "mirror-pull" },
    ]);
    expect(
      podSpecsIn(mirrorImages(MIRROR)(workload("Deployment")))[0].imagePullSecrets,
    ).toBeUndefined();
  });
});
