// What an application declares to the rest of the program: one AppModule per application, beside
// its component (components/kubeflow/<app>.ts), listed once in registry.ts. Footprint, image list,
// docs, dashboard links, data services, tenant objects and the builder all read these; none of them
// names an application.
import * as pulumi from "@pulumi/pulumi";
import { AppName, AppSettings, AppsConfig, DatabaseApp } from "../config/apps";
import { GpuPool } from "../config/schema";
import {
  AppDatabase,
  AppDatabaseConnection,
  DatabaseConnection,
  ObjectStoreAccess,
} from "../foundation/dataServices";
import { K8sObject } from "../lib/k8s";
import { AppRequests } from "../lib/workloads";
import { HelmChartPin, KustomizePin } from "../versions";

/** An app's settings: `components.<app>` of the config. */
export type SettingsOf<N extends string> = N extends AppName ? AppsConfig[N] : AppSettings;

/** The app's row in docs/components.md. */
export interface AppDoc {
  title: string;
  /** The file that builds it. */
  file: string;
  needs: string;
  /** Settings beyond enabled, replicas and resources, as markdown. @default none */
  options?: string;
}

/** An entry of the Central Dashboard's menu (upstream's centraldashboard-config links). */
export type DashboardLink = {
  type?: string;
  link?: string;
  text?: string;
  icon?: string;
  items?: DashboardLink[];
};

export interface AppDashboardLink {
  /** The path of the app's UI: upstream's links to it are kept only when it is installed. */
  path: RegExp;
  /** The entry added when the app is installed and upstream's menu has none. @default none */
  add?: DashboardLink;
}

/** What the apps wait for. */
export interface AppDependencies {
  /** kubeflow namespace, cert-manager, Istio. */
  base: pulumi.Resource[];
  /** Istio and cert-manager (for what lives outside the kubeflow namespace). */
  mesh: pulumi.Resource[];
  /** The data services (MySQL, MinIO), which apps with data wait for. */
  data: pulumi.Resource[];
}

/** What an app's build gets: its settings and the facts it needs, nothing else of the config. */
export interface AppContext<N extends string = string> {
  settings: SettingsOf<N>;
  /** The cluster's GPU pools (its facts, whether the cluster is in this stack or another). */
  gpuPools: GpuPool[];
  /** The image mirror (images.registry), for images written into app config. @default none */
  imageRegistry?: string;
  deps: AppDependencies;
  /** The platform database's connection (for `platformDatabase` apps). */
  database?: DatabaseConnection;
  /** The app's own database (for apps with `database`). */
  appDatabase?: AppDatabaseConnection;
  /** The object store (for `objectStore` apps). */
  objectStore?: ObjectStoreAccess;
  /** What the apps it comes `after` built. */
  built: Partial<Record<string, AppBuilt>>;
  /** The tenants, for `afterTenants` apps: undefined when they are in a stack of their own. */
  tenants?: { resource?: pulumi.Resource; names?: string[] };
  opts: pulumi.ComponentResourceOptions;
}

export interface AppBuilt {
  /** The app's component. */
  component: pulumi.Resource;
  /** What apps that come `after` it wait for. @default nothing */
  ready?: pulumi.Resource[];
}

/**
 * An application's module. Its `database` follows its settings: required when
 * `components.<name>` has a `database` setting, absent otherwise (the compiler holds each module
 * to its config; an app not in config, such as a test's, may declare one or not).
 */
export type AppModule<N extends string = string> = AppModuleFields<N> & DatabaseNeed<N>;

type DatabaseNeed<N extends string> = N extends DatabaseApp
  ? { database: AppDatabase }
  : N extends AppName
    ? { database?: undefined }
    : { database?: AppDatabase };

export interface AppModuleFields<N extends string> {
  /** Its key under `components` in config. */
  name: N;
  doc: AppDoc;
  /** The pinned charts and kustomizations it installs (image list, docs). */
  artifacts: (HelmChartPin | KustomizePin)[];
  /** Images of its own beyond its artifacts' (image list). @default none */
  images?(settings: SettingsOf<N>): string[];
  /** Requests of its workloads, the main part first: the user's resources apply to it (footprint). */
  requests: AppRequests[];
  /** Its place in the Central Dashboard's menu. @default none */
  dashboardLink?: AppDashboardLink;
  /**
   * A database and user of its own, on the platform's server unless its settings say otherwise
   * (see DatabaseNeed).
   */
  database?: AppDatabase;
  /** It uses the platform database's own user (Pipelines). @default false */
  platformDatabase?: boolean;
  /** It uses the platform's object store. @default false */
  objectStore?: boolean;
  /**
   * What every tenant gets from it (PodDefaults, objects of an API group), as plain data without a
   * namespace: it is computed on the platform side and crosses a StackReference to a tenants
   * stack. @default nothing
   */
  tenant?(settings: SettingsOf<N>): K8sObject[];
  /** Apps built before it, whose `ready` it may wait for (serverless KServe: Knative). @default none */
  after?: AppName[];
  /**
   * "afterTenants": built after the tenants (the Spark operator watches their namespaces), the one
   * flow against the layers' direction. @default with the other apps
   */
  phase?: "afterTenants";
  /** Create its component: the same type token, name and children as ever (they are its URNs). */
  build(ctx: AppContext<N>): AppBuilt;
}
