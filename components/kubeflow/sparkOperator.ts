// The Spark operator from its official chart, in kubeflow, watching the tenant namespaces only
// (its default would be every namespace), with the service accounts Spark drivers need there.
import * as pulumi from "@pulumi/pulumi";
import { AppSettings } from "../config/apps";
import { pinnedChart } from "../lib/charts";
import { AppRequests, mergeResources } from "../lib/workloads";
import { charts } from "../versions";
import { KUBEFLOW_NAMESPACE } from "./core";

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
    controller: { replicas: settings.replicas ?? 1, resources },
    webhook: { replicas: settings.replicas ?? 1, resources },
  };
}

export interface SparkOperatorArgs {
  settings: AppSettings;
  /** undefined: the tenants are in another stack. */
  tenantNamespaces: string[] | undefined;
  dependsOn: pulumi.Resource[];
}

export class SparkOperator extends pulumi.ComponentResource {
  constructor(name: string, args: SparkOperatorArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:SparkOperator", name, {}, opts);
    pinnedChart(
      `${name}-chart`,
      charts.sparkOperator,
      KUBEFLOW_NAMESPACE,
      sparkOperatorValues(args.settings, args.tenantNamespaces),
      { parent: this, dependsOn: args.dependsOn },
    );
    this.registerOutputs({});
  }
}
