// The Spark operator from its official chart, in kubeflow, watching the tenant namespaces only
// (its default would be every namespace), with the service accounts Spark drivers need there.
import * as pulumi from "@pulumi/pulumi";
import { AppSettings } from "../config/apps";
import { pinnedChart } from "../upstream/charts";
import { AppRoleRules, kubeflowRoles, VIEW_VERBS } from "./roles";
import { AppRequests, mergeResources } from "../lib/workloads";
import { charts } from "../versions";
import { KUBEFLOW_NAMESPACE } from "./core";
import { AppModule } from "./app";

/** Controller and webhook. */
export const SPARK_OPERATOR_REQUESTS: AppRequests = {
  workloads: 2,
  requests: { cpu: "20m", memory: "64Mi" },
};

/** Chart values. Pure. */
export function sparkOperatorValues(
  settings: AppSettings,
  tenantNamespaces: string[] | undefined,
): Record<string, unknown> {
  const resources = mergeResources(undefined, SPARK_OPERATOR_REQUESTS.requests, settings.resources);
  return {
    // The tenants' namespaces; with tenants in a stack of their own (tenantNamespaces undefined),
    // "" (every namespace), since a platform change must not wait for tenants.
    spark: {
      jobNamespaces:
        tenantNamespaces === undefined
          ? [""]
          : tenantNamespaces.length
            ? [...tenantNamespaces].sort()
            : [KUBEFLOW_NAMESPACE],
    },
    // Upstream runs both without a sidecar (pod label, applications/spark/spark-operator/base at
    // 26.03): the webhook is called by the API server, which does not speak mTLS.
    controller: { replicas: settings.replicas ?? 1, resources, labels: NO_SIDECAR },
    webhook: { replicas: settings.replicas ?? 1, resources, labels: NO_SIDECAR },
  };
}

const NO_SIDECAR = { "sidecar.istio.io/inject": "false" };

/** What upstream's kubeflow-spark-{edit,view} grant (applications/spark at 26.03). */
export const SPARK_ROLE_RULES: AppRoleRules = {
  edit: [
    {
      apiGroups: ["sparkoperator.k8s.io"],
      resources: ["sparkapplications", "scheduledsparkapplications"],
      verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
    },
    {
      apiGroups: ["sparkoperator.k8s.io"],
      resources: ["sparkapplications/status", "scheduledsparkapplications/status"],
      verbs: ["get"],
    },
  ],
  view: [
    {
      apiGroups: ["sparkoperator.k8s.io"],
      resources: ["sparkapplications", "scheduledsparkapplications"],
      verbs: VIEW_VERBS,
    },
    {
      apiGroups: ["sparkoperator.k8s.io"],
      resources: ["sparkapplications/status", "scheduledsparkapplications/status"],
      verbs: ["get"],
    },
  ],
};

export interface SparkOperatorArgs {
  settings: AppSettings;
  /** undefined: the tenants are in another stack. */
  tenantNamespaces: string[] | undefined;
  dependsOn: pulumi.Resource[];
}

export class SparkOperator extends pulumi.ComponentResource {
  constructor(name: string, args: SparkOperatorArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:SparkOperator", name, {}, opts);
    const chart = pinnedChart(
      `${name}-chart`,
      charts.sparkOperator,
      KUBEFLOW_NAMESPACE,
      sparkOperatorValues(args.settings, args.tenantNamespaces),
      { parent: this, dependsOn: args.dependsOn },
    );
    kubeflowRoles(this, "spark", SPARK_ROLE_RULES, { dependsOn: [chart] });
    this.registerOutputs({});
  }
}

export const SPARK_OPERATOR: AppModule<"sparkOperator"> = {
  name: "sparkOperator",
  doc: {
    title: "Spark operator",
    file: "components/kubeflow/sparkOperator.ts",
    needs: "the tenant namespaces it watches",
  },
  artifacts: [charts.sparkOperator],
  requests: [SPARK_OPERATOR_REQUESTS],
  phase: "afterTenants",
  build: (ctx) => ({
    component: new SparkOperator(
      "spark-operator",
      {
        settings: ctx.settings,
        tenantNamespaces: ctx.tenants?.names,
        dependsOn: [...ctx.deps.base, ...(ctx.tenants?.resource ? [ctx.tenants.resource] : [])],
      },
      ctx.opts,
    ),
  }),
};
