// Builds the enabled Kubeflow applications, each ordered after what it needs: the kubeflow
// namespace, Istio and cert-manager for all; the database for Katib and Model Registry; Knative for
// serverless KServe; the tenant namespaces for the Spark operator.
import * as pulumi from "@pulumi/pulumi";
import { AppName } from "../config/apps";
import { PlatformConfig, gpuPoolsOf } from "../config/schema";
import { KnativeEventing, KnativeServing } from "../foundation/knative";
import { AppDatabaseConnection } from "../foundation/mysql";
import { Katib } from "./katib";
import { KServe } from "./kserve";
import { ModelRegistry } from "./modelRegistry";
import { Notebooks } from "./notebooks";
import { PvcViewer } from "./pvcViewer";
import { SparkOperator } from "./sparkOperator";
import { Tensorboards } from "./tensorboards";
import { Trainer } from "./trainer";
import { TrainingOperator } from "./trainingOperator";
import { Volumes } from "./volumes";

export interface AppDependencies {
  /** kubeflow namespace, cert-manager, Istio. */
  base: pulumi.Resource[];
  /** Istio and cert-manager (for what lives outside the kubeflow namespace). */
  mesh: pulumi.Resource[];
  /** The data services (MySQL) the database apps wait for. */
  data: pulumi.Resource[];
  databases: Partial<Record<"katib" | "modelRegistry", AppDatabaseConnection>>;
}

export function buildApps(
  cfg: PlatformConfig,
  on: Set<AppName>,
  deps: AppDependencies,
  opts: pulumi.ComponentResourceOptions,
): {
  /** The apps whose controllers act on objects in tenant namespaces (finalizers among them). */
  controllers: pulumi.Resource[];
  afterTenants(tenants: pulumi.Resource | undefined, names: string[] | undefined): void;
} {
  const c = cfg.components;
  const base = { dependsOn: deps.base };
  const controllers: pulumi.Resource[] = [];
  const add = <T extends pulumi.Resource>(app: T): T => (controllers.push(app), app);
  if (on.has("notebooks"))
    add(
      new Notebooks(
        "notebooks",
        {
          settings: c.notebooks,
          gpuPools: gpuPoolsOf(cfg.cluster),
          registry: cfg.images.registry,
          dependsOn: deps.base,
        },
        opts,
      ),
    );
  if (on.has("katib"))
    add(
      new Katib(
        "katib",
        {
          settings: c.katib,
          database: deps.databases.katib!,
          dependsOn: [...deps.base, ...deps.data],
        },
        opts,
      ),
    );
  if (on.has("trainer")) add(new Trainer("trainer", { settings: c.trainer, ...base }, opts));
  if (on.has("trainingOperator"))
    add(new TrainingOperator("training-operator", { settings: c.trainingOperator, ...base }, opts));
  let knative: KnativeServing | undefined;
  if (on.has("knativeServing"))
    knative = add(
      new KnativeServing(
        "knative-serving",
        { settings: c.knativeServing, dependsOn: deps.mesh },
        opts,
      ),
    );
  if (on.has("knativeEventing"))
    add(
      new KnativeEventing(
        "knative-eventing",
        { settings: c.knativeEventing, dependsOn: deps.mesh },
        opts,
      ),
    );
  if (on.has("kserve"))
    add(
      new KServe(
        "kserve",
        {
          settings: c.kserve,
          dependsOn: [
            ...deps.base,
            ...(c.kserve.mode === "serverless" && knative ? knative.ready : []),
          ],
        },
        opts,
      ),
    );
  if (on.has("volumes")) add(new Volumes("volumes", { settings: c.volumes, ...base }, opts));
  if (on.has("tensorboards"))
    add(new Tensorboards("tensorboards", { settings: c.tensorboards, ...base }, opts));
  if (on.has("pvcViewer"))
    add(new PvcViewer("pvc-viewer", { settings: c.pvcViewer, ...base }, opts));
  if (on.has("modelRegistry"))
    add(
      new ModelRegistry(
        "model-registry",
        {
          settings: c.modelRegistry,
          database: deps.databases.modelRegistry!,
          dependsOn: [...deps.base, ...deps.data],
        },
        opts,
      ),
    );
  return {
    controllers,
    afterTenants(tenants, names) {
      if (on.has("sparkOperator"))
        new SparkOperator(
          "spark-operator",
          {
            settings: c.sparkOperator,
            tenantNamespaces: names,
            dependsOn: [...deps.base, ...(tenants ? [tenants] : [])],
          },
          opts,
        );
    },
  };
}
