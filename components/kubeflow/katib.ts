// Katib from kubeflow/manifests (katib-with-kubeflow: Kubeflow roles, UI routing, cert-manager
// webhooks) on a database of its own instead of its bundled MySQL. The tenant namespaces carry the
// label that turns on metrics-collector injection (components/tenants/namespace.ts).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AppSettings } from "../config/apps";
import { AppDatabaseConnection } from "../foundation/dataServices";
import { labels } from "../lib/k8s";
import { ObjectRef, upstreamKustomization } from "../upstream/kustomize";
import { ObjectTransform, forObject } from "../lib/transforms";
import { AppRequests, workloadSettings } from "../lib/workloads";
import { manifests } from "../versions";
import { KUBEFLOW_NAMESPACE } from "./core";
import { AppModule } from "./app";

/** Controller, DB manager and UI. */
export const KATIB_REQUESTS: AppRequests = {
  workloads: 3,
  requests: { cpu: "20m", memory: "64Mi" },
  meshed: 1,
};

const DB_SECRET = "katib-mysql-secrets";

/** Upstream objects we replace: its MySQL, its default-password Secret, the shared namespace. */
export const KATIB_DELETIONS: ObjectRef[] = [
  { apiVersion: "apps/v1", kind: "Deployment", name: "katib-mysql", namespace: KUBEFLOW_NAMESPACE },
  {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    name: "katib-mysql",
    namespace: KUBEFLOW_NAMESPACE,
  },
  { apiVersion: "v1", kind: "Service", name: "katib-mysql", namespace: KUBEFLOW_NAMESPACE },
  { apiVersion: "v1", kind: "Secret", name: DB_SECRET, namespace: KUBEFLOW_NAMESPACE },
  // katib-with-kubeflow at 26.03 carries no Namespace (KubeflowCore owns kubeflow): deleting one
  // would fail the build.
];

/** The DB manager reads host, port, database and user from our Secret (upstream's external-db shape). */
export function katibDbManager(): ObjectTransform {
  const fromSecret = (name: string, key = name) => ({
    name,
    valueFrom: { secretKeyRef: { name: DB_SECRET, key } },
  });
  return forObject("Deployment", "katib-db-manager", (obj) => {
    const containers = (obj.spec as { template: { spec: { containers: { env?: unknown[] }[] } } })
      .template.spec.containers;
    containers[0].env = [
      { name: "DB_NAME", value: "mysql" },
      fromSecret("DB_USER"),
      fromSecret("DB_PASSWORD"),
      fromSecret("KATIB_MYSQL_DB_DATABASE"),
      fromSecret("KATIB_MYSQL_DB_HOST"),
      fromSecret("KATIB_MYSQL_DB_PORT"),
    ];
    return obj;
  });
}

/** The Secret's keys, as upstream's katib-external-db install defines them. Pure. */
export function katibDatabaseSecret(db: {
  host: string;
  port: number;
  database: string;
  user: string;
}): Record<string, string> {
  return {
    KATIB_MYSQL_DB_HOST: db.host,
    KATIB_MYSQL_DB_PORT: String(db.port),
    KATIB_MYSQL_DB_DATABASE: db.database,
    DB_USER: db.user,
  };
}

export interface KatibArgs {
  settings: AppSettings;
  database: AppDatabaseConnection;
  /** Namespace, cert-manager, Istio, the database. */
  dependsOn: pulumi.Resource[];
}

export class Katib extends pulumi.ComponentResource {
  constructor(name: string, args: KatibArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:Katib", name, {}, opts);
    const secret = new k8s.core.v1.Secret(
      `${name}-database`,
      {
        metadata: { name: DB_SECRET, namespace: KUBEFLOW_NAMESPACE, labels: labels("katib") },
        stringData: pulumi.secret({
          ...katibDatabaseSecret(args.database),
          DB_PASSWORD: args.database.password,
        }),
      },
      { parent: this, dependsOn: args.dependsOn },
    );
    upstreamKustomization(
      `${name}-manifests`,
      {
        overlay: { paths: manifests.katib.paths, deletions: KATIB_DELETIONS },
        transforms: [katibDbManager(), workloadSettings(KATIB_REQUESTS, args.settings)],
      },
      { parent: this, dependsOn: [...args.dependsOn, secret] },
    );
    this.registerOutputs({});
  }
}

export const KATIB: AppModule<"katib"> = {
  name: "katib",
  doc: {
    title: "Katib (controller, UI, DB manager)",
    file: "components/kubeflow/katib.ts",
    needs: "a database (its own, on the platform MySQL by default), cert-manager, Istio",
    options: "`database` (platform or external)",
  },
  artifacts: [manifests.katib],
  requests: [KATIB_REQUESTS],
  dashboardLink: { path: /^\/katib\// },
  database: { app: "katib", database: "katib", user: "katib" },
  build: (ctx) => ({
    component: new Katib(
      "katib",
      {
        settings: ctx.settings,
        database: ctx.appDatabase!,
        dependsOn: [...ctx.deps.base, ...ctx.deps.data],
      },
      ctx.opts,
    ),
  }),
};
