// Model Registry (server and UI) from kubeflow/manifests, on a database of its own: the db
// overlay's MySQL and its default-password Secret are removed and the server's DSN points at ours.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AppSettings } from "../config/apps";
import { AppDatabaseConnection } from "../foundation/dataServices";
import { labels } from "../lib/k8s";
import { ObjectRef } from "../upstream/kustomize";
import { ObjectTransform, forObject } from "../lib/transforms";
import { AppRequests } from "../lib/workloads";
import { manifests } from "../versions";
import { KUBEFLOW_NAMESPACE } from "./core";
import { manifestsApp } from "./manifestsApp";
import { AppModule } from "./app";

/** Server and UI. */
export const MODEL_REGISTRY_REQUESTS: AppRequests = {
  workloads: 2,
  requests: { cpu: "20m", memory: "64Mi" },
  meshed: 2,
};

const DB_SECRET = "model-registry-db-secrets";
const DB_PARAMETERS = "model-registry-db-parameters";
const SERVER = "model-registry-deployment";

export const MODEL_REGISTRY_DELETIONS: ObjectRef[] = [
  {
    apiVersion: "apps/v1",
    kind: "Deployment",
    name: "model-registry-db",
  },
  { apiVersion: "v1", kind: "Service", name: "model-registry-db" },
  {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    name: "metadata-mysql",
  },
  { apiVersion: "v1", kind: "Secret", name: DB_SECRET },
  { apiVersion: "v1", kind: "ConfigMap", name: DB_PARAMETERS },
];

/**
 * The server's DSN names upstream's model-registry-db Service: point it at our database host, and
 * let its port past the sidecar as upstream does for its own. Pure.
 */
export function modelRegistryDatabase(host: string, port: number): ObjectTransform {
  return forObject("Deployment", SERVER, (obj) => {
    const tmpl = (
      obj.spec as {
        template: {
          metadata?: { annotations?: Record<string, string> };
          spec: { containers: { args?: string[] }[] };
        };
      }
    ).template;
    tmpl.metadata = {
      ...tmpl.metadata,
      annotations: {
        ...tmpl.metadata?.annotations,
        "traffic.sidecar.istio.io/excludeOutboundPorts": String(port),
      },
    };
    for (const c of tmpl.spec.containers)
      c.args = c.args?.map((a) =>
        a.startsWith("--embedmd-database-dsn=") ? a.replace(/@tcp\([^:]+:/, `@tcp(${host}:`) : a,
      );
    return obj;
  });
}

export interface ModelRegistryArgs {
  settings: AppSettings;
  database: AppDatabaseConnection;
  dependsOn: pulumi.Resource[];
}

export class ModelRegistry extends pulumi.ComponentResource {
  constructor(name: string, args: ModelRegistryArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:ModelRegistry", name, {}, opts);
    const deps = { parent: this, dependsOn: args.dependsOn };
    const secret = new k8s.core.v1.Secret(
      `${name}-database`,
      {
        metadata: {
          name: DB_SECRET,
          namespace: KUBEFLOW_NAMESPACE,
          labels: labels("model-registry"),
        },
        // The server's args read these names (upstream's db overlay).
        stringData: pulumi.secret({
          MYSQL_USER_NAME: args.database.user,
          MYSQL_ROOT_PASSWORD: args.database.password,
        }),
      },
      deps,
    );
    const params = new k8s.core.v1.ConfigMap(
      `${name}-database-parameters`,
      {
        metadata: {
          name: DB_PARAMETERS,
          namespace: KUBEFLOW_NAMESPACE,
          labels: labels("model-registry"),
        },
        data: { MYSQL_DATABASE: args.database.database, MYSQL_PORT: String(args.database.port) },
      },
      deps,
    );
    manifestsApp(
      this,
      `${name}-manifests`,
      manifests.modelRegistry,
      MODEL_REGISTRY_REQUESTS,
      { settings: args.settings, dependsOn: [...args.dependsOn, secret, params] },
      {
        deletions: MODEL_REGISTRY_DELETIONS,
        // Upstream's db overlay and istio option carry no namespace (its docs apply them with
        // -n kubeflow); without one the provider would put them in its default namespace.
        namespace: KUBEFLOW_NAMESPACE,
        transforms: [modelRegistryDatabase(args.database.host, args.database.port)],
      },
    );
    this.registerOutputs({});
  }
}

export const MODEL_REGISTRY: AppModule<"modelRegistry"> = {
  name: "modelRegistry",
  doc: {
    title: "Model Registry server and UI",
    file: "components/kubeflow/modelRegistry.ts",
    needs: "a database (its own, on the platform MySQL by default), Istio",
    options: "`database` (platform or external)",
  },
  artifacts: [manifests.modelRegistry],
  requests: [MODEL_REGISTRY_REQUESTS],
  // Upstream's dashboard config has no link to it; its UI is routed at /model-registry/ by
  // upstream's model-registry-ui VirtualService.
  dashboardLink: {
    path: /^\/model-registry\//,
    add: { type: "item", link: "/model-registry/", text: "Model Registry", icon: "assignment" },
  },
  database: { app: "model-registry", database: "model_registry", user: "model_registry" },
  build: (ctx) => ({
    component: new ModelRegistry(
      "model-registry",
      {
        settings: ctx.settings,
        database: ctx.appDatabase!,
        dependsOn: [...ctx.deps.base, ...ctx.deps.data],
      },
      ctx.opts,
    ),
  }),
};
