// The aggregated ClusterRoles that give Kubeflow's roles an app's kinds. kubeflow/manifests ships
// them beside each app (kubeflow-<app>-{admin,edit,view}, labelled
// rbac.authorization.kubeflow.org/aggregate-to-kubeflow-<role>, common/kubeflow-roles aggregating
// them); the KServe, Trainer and Spark charts do not. Without them tenant users and
// default-editor cannot create the app's objects.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { labels } from "../lib/k8s";

export type PolicyRule = { apiGroups: string[]; resources: string[]; verbs: string[] };
export interface AppRoleRules {
  edit: PolicyRule[];
  view: PolicyRule[];
}

export const EDIT_VERBS = [
  "get",
  "list",
  "watch",
  "create",
  "delete",
  "deletecollection",
  "patch",
  "update",
];
export const VIEW_VERBS = ["get", "list", "watch"];
const AGGREGATE = "rbac.authorization.kubeflow.org/aggregate-to";

/** The three ClusterRoles, as upstream shapes them: admin aggregates edit, edit carries its rules. Pure. */
export function kubeflowRoleObjects(app: string, rules: AppRoleRules): Record<string, unknown>[] {
  const meta = (role: string, extra: Record<string, string>) => ({
    name: `kubeflow-${app}-${role}`,
    labels: { ...labels(app), ...extra },
  });
  return [
    {
      metadata: meta("admin", { [`${AGGREGATE}-kubeflow-admin`]: "true" }),
      aggregationRule: {
        clusterRoleSelectors: [{ matchLabels: { [`${AGGREGATE}-kubeflow-${app}-admin`]: "true" } }],
      },
      // No rules: the aggregation controller owns them.
    },
    {
      metadata: meta("edit", {
        [`${AGGREGATE}-kubeflow-edit`]: "true",
        [`${AGGREGATE}-kubeflow-${app}-admin`]: "true",
      }),
      rules: rules.edit,
    },
    { metadata: meta("view", { [`${AGGREGATE}-kubeflow-view`]: "true" }), rules: rules.view },
  ];
}

/** Register them as children of an app component. */
export function kubeflowRoles(
  parent: pulumi.ComponentResource,
  app: string,
  rules: AppRoleRules,
  opts: pulumi.CustomResourceOptions = {},
): void {
  for (const role of kubeflowRoleObjects(app, rules))
    new k8s.rbac.v1.ClusterRole(
      String((role.metadata as { name: string }).name),
      role as k8s.rbac.v1.ClusterRoleArgs,
      { ...opts, parent },
    );
}
