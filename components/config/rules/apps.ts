// Cross-section rules: what each enabled application needs from the rest of the config (the
// profile and components decide which apps run; the database, the cluster's GPU pools, Knative).
import { DATABASE_APPS, appsOnPlatformDatabase, enabledApps } from "../apps";
import { issue } from "../issue";
import { gpuPoolsOf } from "../sections/clusterKinds";
import type { CrossSectionRule } from "./rule";

export const kserveServerlessNeedsKnative = {
  id: "kserve-serverless-needs-knative",
  description: "KServe in serverless mode runs its models as Knative Services.",
  check(cfg, ctx) {
    const on = enabledApps(cfg.profile, cfg.components);
    if (
      on.has("kserve") &&
      cfg.components.kserve.mode === "serverless" &&
      !on.has("knativeServing")
    )
      issue(
        ctx,
        ["components", "knativeServing", "enabled"],
        "KServe in serverless mode needs Knative Serving",
        cfg.components.knativeServing.enabled ?? false,
        "enable components.knativeServing, or set components.kserve.mode to rawDeployment",
      );
  },
} as const satisfies CrossSectionRule;

export const appsNeedADatabase = {
  id: "apps-need-a-database",
  description:
    'Pipelines, and Katib and Model Registry on the platform database, keep their state in MySQL: database.kind "none" leaves them none.',
  check(cfg, ctx) {
    if (cfg.database.kind !== "none") return;
    const on = enabledApps(cfg.profile, cfg.components);
    const needsDb = [
      ...(on.has("pipelines") ? ["pipelines"] : []),
      ...appsOnPlatformDatabase(cfg.profile, cfg.components),
    ];
    for (const a of needsDb)
      issue(
        ctx,
        ["database", "kind"],
        `components.${a} needs a database, but database.kind is "none"`,
        "none",
        `set database.kind to inCluster or external, or disable components.${a} (components.${a}.enabled: false)`,
      );
  },
} as const satisfies CrossSectionRule;

export const gpuNotebooksNeedAGpuPool = {
  id: "gpu-notebooks-need-a-gpu-pool",
  description:
    "The notebook spawner offers GPUs on the cluster's GPU pools; with none declared it needs tolerations to reach GPU nodes.",
  check(cfg, ctx) {
    const on = enabledApps(cfg.profile, cfg.components);
    const gpus = cfg.components.notebooks.gpus;
    // With clusterStack the pools are the cluster stack's (its facts), not in this config.
    if (
      on.has("notebooks") &&
      gpus.enabled &&
      !cfg.clusterStack &&
      gpuPoolsOf(cfg.cluster).length === 0 &&
      !gpus.tolerations?.length
    )
      issue(
        ctx,
        ["components", "notebooks", "gpus", "enabled"],
        "GPU notebooks need a GPU pool (cluster.gpuPools) or explicit tolerations",
        true,
        "declare the GPU nodes under cluster.gpuPools, or set components.notebooks.gpus.tolerations",
      );
  },
} as const satisfies CrossSectionRule;

export const appDatabaseNeedsTheApp = {
  id: "app-database-needs-the-app",
  description:
    "An app's own external database is only read when the app runs: set for a disabled app, it is a mistake.",
  check(cfg, ctx) {
    const on = enabledApps(cfg.profile, cfg.components);
    for (const a of DATABASE_APPS)
      if (!on.has(a) && cfg.components[a].database.kind === "external")
        issue(
          ctx,
          ["components", a, "database"],
          `only used when components.${a} is enabled`,
          "external",
          `remove it, or enable components.${a}`,
        );
  },
} as const satisfies CrossSectionRule;
