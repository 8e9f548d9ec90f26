// images: every image a pod runs or a controller launches is pinned and in the versions catalog.
import { CheckCases, configMap, deployment, input, RESTRICTED_CONTAINER } from "./fixtures";

const CATALOGUED = RESTRICTED_CONTAINER.image;

export const imagesCases: CheckCases = {
  failing: [
    {
      given: "an untagged image in a ConfigMap a controller launches",
      input: input([
        configMap("pipeline-install-config", "kubeflow", {
          cacheImage: "ghcr.io/containerd/busybox",
        }),
      ]),
      then: [
        [
          "ConfigMap kubeflow/pipeline-install-config data.cacheImage",
          "image ghcr.io/containerd/busybox is not pinned",
        ],
      ],
    },
    {
      given: "a pod image missing from the versions catalog",
      input: input([
        deployment("web", "kubeflow", {
          containers: [{ name: "web", image: "docker.io/example/unknown:1.0" }],
        }),
      ]),
      then: [
        [
          "Deployment kubeflow/web spec.template.spec.containers[name=web].image",
          "image docker.io/example/unknown:1.0 is not in the versions catalog",
        ],
      ],
    },
    {
      given: "a *_IMAGE env value tagged latest",
      input: input([
        deployment("web", "kubeflow", {
          containers: [
            {
              name: "web",
              image: CATALOGUED,
              env: [{ name: "LAUNCHER_IMAGE", value: "ghcr.io/x/launcher:latest" }],
            },
          ],
        }),
      ]),
      then: [
        [
          "Deployment kubeflow/web spec.template.spec.containers[name=web].env[LAUNCHER_IMAGE]",
          "image ghcr.io/x/launcher:latest is not pinned",
        ],
      ],
    },
    {
      given: "a pod template inside a custom resource with an unpinned image",
      input: input([
        {
          apiVersion: "serving.kserve.io/v1alpha1",
          kind: "ClusterServingRuntime",
          metadata: { name: "custom" },
          spec: { containers: [{ name: "server", image: "ghcr.io/x/server" }] },
        },
      ]),
      then: [["ClusterServingRuntime custom pod template image", "is not pinned"]],
    },
  ],
  passing: [
    {
      given: "a pinned, catalogued image and a pinned ConfigMap image",
      input: input([
        deployment("web", "kubeflow"),
        configMap("pipeline-install-config", "kubeflow", {
          cacheImage: "ghcr.io/containerd/busybox:1.36",
        }),
      ]),
    },
    {
      given: "the gateway chart's istio-proxy image auto (the injector sets it)",
      input: input([
        deployment("gw", "istio-system", { containers: [{ name: "istio-proxy", image: "auto" }] }),
      ]),
    },
  ],
};
