// Every application, one line each. The config side lists the same names (config/apps.ts
// APP_NAMES) with their settings' schemas and cannot import this; the types tie the two together:
// a name without a module or a module without a name (APPS), or an app whose settings have a
// `database` but whose module declares none, or the reverse (AppModule), does not compile.
// Everything that needs to know about the applications reads this registry: footprint, image
// list, docs, dashboard links, data services, tenant objects and the builder.
import { AppName, AppSettings, AppsConfig, PRESETS, appEnabled } from "../config/apps";
import { AppDatabaseSetting, DataNeeds } from "../foundation/dataServices";
import { K8sObject } from "../lib/k8s";
import { AppModule } from "./app";
import { KATIB } from "./katib";
import { KNATIVE_EVENTING, KNATIVE_SERVING } from "./knative";
import { KSERVE } from "./kserve";
import { MODEL_REGISTRY } from "./modelRegistry";
import { NOTEBOOKS } from "./notebooks";
import { PIPELINES } from "./pipelines";
import { PVC_VIEWER } from "./pvcViewer";
import { SPARK_OPERATOR } from "./sparkOperator";
import { TENSORBOARDS } from "./tensorboards";
import { TRAINER } from "./trainer";
import { TRAINING_OPERATOR } from "./trainingOperator";
import { VOLUMES } from "./volumes";

/** Any set of modules by name: APPS, or APPS and an app of a test's own. */
export type AppRegistry = Readonly<Record<string, AppModule>>;

// In config's order (APP_NAMES): docs/components.md lists them so.
export const APPS: { readonly [N in AppName]: AppModule<N> } = {
  pipelines: PIPELINES,
  notebooks: NOTEBOOKS,
  katib: KATIB,
  trainer: TRAINER,
  kserve: KSERVE,
  knativeServing: KNATIVE_SERVING,
  volumes: VOLUMES,
  tensorboards: TENSORBOARDS,
  pvcViewer: PVC_VIEWER,
  modelRegistry: MODEL_REGISTRY,
  sparkOperator: SPARK_OPERATOR,
  trainingOperator: TRAINING_OPERATOR,
  knativeEventing: KNATIVE_EVENTING,
};

/** What the registry's readers take of the config. */
export type AppsChoice = { profile: keyof typeof PRESETS; components: AppsConfig };

/** An app's settings (`components.<name>`). */
export function settingsOf(components: AppsConfig, name: string): AppSettings {
  return (components as Partial<Record<string, AppSettings>>)[name] ?? {};
}

/** The modules of the apps the config turns on, in registry order. Pure. */
export function enabledModules(cfg: AppsChoice, registry: AppRegistry = APPS): AppModule[] {
  return Object.values(registry).filter((m) => appEnabled(cfg.profile, cfg.components, m.name));
}

/** What the enabled apps need of the data services. Pure. */
export function dataNeeds(cfg: AppsChoice, registry: AppRegistry = APPS): DataNeeds {
  const on = enabledModules(cfg, registry);
  return {
    platformDatabase: on.some((m) => m.platformDatabase),
    objectStore: on.some((m) => m.objectStore),
    appDatabases: on.flatMap((m) =>
      m.database
        ? [
            {
              app: m.name,
              database: m.database,
              setting: (settingsOf(cfg.components, m.name) as { database: AppDatabaseSetting })
                .database,
            },
          ]
        : [],
    ),
  };
}

/** What the enabled apps give every tenant (exported to tenants stacks in the facts). Pure. */
export function appTenantObjects(cfg: AppsChoice, registry: AppRegistry = APPS): K8sObject[] {
  return enabledModules(cfg, registry).flatMap(
    (m) => m.tenant?.(settingsOf(cfg.components, m.name)) ?? [],
  );
}
