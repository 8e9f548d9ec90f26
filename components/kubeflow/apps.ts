// Builds the enabled applications from their modules (registry.ts), each with its settings and
// only the facts it declares a need for, ordered after what it needs: the kubeflow namespace,
// Istio and cert-manager for all; the data services for apps with data; the apps it comes `after`
// (Knative for serverless KServe); the tenants for `afterTenants` apps (the Spark operator).
import * as pulumi from "@pulumi/pulumi";
import { AppsConfig } from "../config/apps";
import { GpuPool } from "../config/schema";
import { PlatformData } from "../foundation/dataServices";
import { AppBuilt, AppContext, AppDependencies, AppModule } from "./app";
import { settingsOf } from "./registry";

export interface AppsArgs {
  /** The enabled apps' modules (registry.enabledModules). */
  apps: AppModule[];
  components: AppsConfig;
  /** The cluster's GPU pools (its facts). */
  gpuPools: GpuPool[];
  /** The image mirror. @default none */
  imageRegistry?: string;
  data: Pick<PlatformData, "database" | "appDatabases" | "objectStore">;
}

export interface BuiltApps {
  /** The apps whose controllers act on objects in tenant namespaces (finalizers among them). */
  controllers: pulumi.Resource[];
  /** Build the `afterTenants` apps; tenants undefined: they are in a stack of their own. */
  afterTenants(tenants: pulumi.Resource | undefined, names: string[] | undefined): void;
}

export function buildApps(
  args: AppsArgs,
  deps: AppDependencies,
  opts: pulumi.ComponentResourceOptions,
): BuiltApps {
  const built: Record<string, AppBuilt> = {};
  const byName = new Map(args.apps.map((m) => [m.name, m]));
  const context = (m: AppModule, tenants?: AppContext["tenants"]): AppContext => ({
    settings: settingsOf(args.components, m.name),
    gpuPools: args.gpuPools,
    imageRegistry: args.imageRegistry,
    deps,
    database: m.platformDatabase ? args.data.database : undefined,
    appDatabase: m.database ? args.data.appDatabases[m.name] : undefined,
    objectStore: m.objectStore ? args.data.objectStore : undefined,
    built,
    tenants,
    opts,
  });
  const build = (m: AppModule): void => {
    if (built[m.name]) return;
    for (const a of m.after ?? []) {
      const first = byName.get(a);
      if (first && first.phase !== "afterTenants") build(first);
    }
    built[m.name] = m.build(context(m));
  };
  const now = args.apps.filter((m) => m.phase !== "afterTenants");
  now.forEach(build);
  return {
    controllers: now.map((m) => built[m.name].component),
    afterTenants(tenants, names) {
      for (const m of args.apps.filter((a) => a.phase === "afterTenants"))
        built[m.name] = m.build(context(m, { resource: tenants, names }));
    },
  };
}
