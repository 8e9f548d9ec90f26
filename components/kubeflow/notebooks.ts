// Notebooks: the notebook controller and the Jupyter web app from kubeflow/manifests. The spawner's
// image list and GPU choices come from config: each GPU pool of the cluster becomes a toleration
// group and an affinity choice, so a GPU notebook lands on (and only on) GPU nodes.
import * as pulumi from "@pulumi/pulumi";
import { parse, stringify } from "yaml";
import { AppSettings } from "../config/apps";
import { GPU_TAINT_TOLERATION } from "../config/schema";
import { mirrorImage } from "../lib/images";
import { upstreamKustomization } from "../upstream/kustomize";
import { ObjectTransform } from "../lib/transforms";
import { AppRequests, workloadSettings } from "../lib/workloads";
import { manifests } from "../versions";
import { AppModule } from "./app";

/** Notebook controller and Jupyter web app. */
export const NOTEBOOKS_REQUESTS: AppRequests = {
  workloads: 2,
  requests: { cpu: "20m", memory: "64Mi" },
  meshed: 2,
};

export interface GpuChoice {
  name: string;
  nodeSelector?: Record<string, string>;
  tolerations: { key: string; operator: string; value?: string; effect?: string }[];
}

type NotebookSettings = AppSettings & {
  images?: string[];
  gpus: {
    enabled: boolean;
    tolerations?: GpuChoice["tolerations"];
    nodeSelector?: Record<string, string>;
  };
};

/** The GPU choices the spawner offers: one per pool, or one from explicit settings. Pure. */
export function gpuChoices(pools: GpuChoice[], settings: NotebookSettings["gpus"]): GpuChoice[] {
  if (!settings.enabled) return [];
  if (pools.length) return pools;
  return [
    {
      name: "gpu",
      nodeSelector: settings.nodeSelector,
      tolerations: settings.tolerations ?? [GPU_TAINT_TOLERATION],
    },
  ];
}

/** Rewrite the spawner config (spawner_ui_config.yaml) for our images and GPU choices. Pure. */
export function spawnerConfig(
  text: string,
  args: { images?: string[]; gpus: GpuChoice[]; registry?: string },
): string {
  const cfg = parse(text) as { spawnerFormDefaults: Record<string, Record<string, unknown>> };
  const form = cfg.spawnerFormDefaults;
  const mirror = (i: string) => (args.registry ? mirrorImage(i, args.registry) : i);
  if (args.images?.length) {
    form.image.value = args.images[0];
    form.image.options = args.images;
  }
  for (const group of ["image", "imageGroupOne", "imageGroupTwo"]) {
    const g = form[group] as { value?: string; options?: string[] } | undefined;
    if (!g) continue;
    if (g.value) g.value = mirror(g.value);
    if (g.options) g.options = g.options.map(mirror);
  }
  if (args.gpus.length === 0) {
    // No GPU nodes: the choice is hidden behind "none".
    form.gpus = { ...form.gpus, readOnly: true, value: { num: "none", vendor: "", vendors: [] } };
  } else {
    form.gpus = {
      ...form.gpus,
      readOnly: false,
      value: {
        num: "none",
        vendor: "",
        vendors: [{ limitsKey: "nvidia.com/gpu", uiName: "NVIDIA" }],
      },
    };
    form.tolerationGroup = {
      readOnly: false,
      value: "",
      options: args.gpus.map((g) => ({
        groupKey: g.name,
        displayName: `GPU nodes: ${g.name}`,
        tolerations: g.tolerations,
      })),
    };
    form.affinityConfig = {
      readOnly: false,
      value: "",
      options: args.gpus
        .filter((g) => g.nodeSelector && Object.keys(g.nodeSelector).length)
        .map((g) => ({
          configKey: g.name,
          displayName: `GPU nodes: ${g.name}`,
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  {
                    matchExpressions: Object.entries(g.nodeSelector!).map(([key, value]) => ({
                      key,
                      operator: "In",
                      values: [value],
                    })),
                  },
                ],
              },
            },
          },
        })),
    };
  }
  return stringify(cfg);
}

/** The spawner ConfigMap carries a kustomize hash suffix: match it by prefix. */
export function spawnerConfigTransform(args: {
  images?: string[];
  gpus: GpuChoice[];
  registry?: string;
}): ObjectTransform {
  return (obj) => {
    const data = obj.data as Record<string, string> | undefined;
    if (
      obj.kind !== "ConfigMap" ||
      !obj.metadata.name.startsWith("jupyter-web-app-config") ||
      !data?.["spawner_ui_config.yaml"]
    )
      return obj;
    const copy = structuredClone(obj);
    (copy.data as Record<string, string>)["spawner_ui_config.yaml"] = spawnerConfig(
      data["spawner_ui_config.yaml"],
      args,
    );
    return copy;
  };
}

export interface NotebooksArgs {
  settings: NotebookSettings;
  gpuPools: GpuChoice[];
  registry?: string;
  dependsOn: pulumi.Resource[];
}

export class Notebooks extends pulumi.ComponentResource {
  constructor(name: string, args: NotebooksArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:Notebooks", name, {}, opts);
    const workloads = workloadSettings(NOTEBOOKS_REQUESTS, args.settings);
    const controller = upstreamKustomization(
      `${name}-controller`,
      { overlay: { paths: manifests.notebookController.paths }, transforms: [workloads] },
      { parent: this, dependsOn: args.dependsOn },
    );
    upstreamKustomization(
      `${name}-jupyter-web-app`,
      {
        overlay: { paths: manifests.jupyterWebApp.paths },
        transforms: [
          workloads,
          spawnerConfigTransform({
            images: args.settings.images,
            gpus: gpuChoices(args.gpuPools, args.settings.gpus),
            registry: args.registry,
          }),
        ],
      },
      // The web app creates Notebooks: their CRD comes with the controller.
      { parent: this, dependsOn: [...args.dependsOn, controller] },
    );
    this.registerOutputs({});
  }
}

export const NOTEBOOKS: AppModule<"notebooks"> = {
  name: "notebooks",
  doc: {
    title: "Notebook controller, Jupyter web app",
    file: "components/kubeflow/notebooks.ts",
    needs: "Istio; GPU choices need cluster.gpuPools or gpus.tolerations",
    options: "`images`, `gpus.enabled`, `gpus.tolerations`, `gpus.nodeSelector`",
  },
  artifacts: [manifests.notebookController, manifests.jupyterWebApp],
  images: (settings) => settings.images ?? [],
  requests: [NOTEBOOKS_REQUESTS],
  dashboardLink: { path: /^\/jupyter\// },
  build: (ctx) => ({
    component: new Notebooks(
      "notebooks",
      {
        settings: ctx.settings,
        gpuPools: ctx.gpuPools,
        registry: ctx.imageRegistry,
        dependsOn: ctx.deps.base,
      },
      ctx.opts,
    ),
  }),
};
