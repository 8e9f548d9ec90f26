// Kubeflow Pipelines in multi-user mode from kubeflow/manifests at the pinned release, wired to
// the platform's database and object store; upstream's bundled MySQL and SeaweedFS are not
// deployed. Tenant isolation: each tenant namespace gets its own object-store keys (see
// foundation/objectStoreCredentials.ts) through our sync hook.
import * as fs from "fs";
import * as path from "path";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AppSettings } from "../config/apps";
import { AppRequests, workloadSettings } from "../lib/workloads";
import { labels } from "../lib/k8s";
import { upstreamKustomization } from "../upstream/kustomize";
import { DatabaseEndpoint, ObjectStoreEndpoint } from "../foundation/dataServices";
import { AccessKey } from "../foundation/objectStoreCredentials";
import { images, manifests } from "../versions";
import { KUBEFLOW_NAMESPACE } from "./core";
import { TENANT_SYNC_CONFIGMAP, pipelinesTransforms } from "./pipelinesTransforms";
import { AppModule } from "./app";

export const HOOK_SOURCE = path.join(__dirname, "pipelinesTenantSync.hook.mjs");

/** Upstream objects we replace or do not want. */
export const PIPELINES_DELETIONS = [
  // Our mysql-secret carries the generated credentials.
  { apiVersion: "v1", kind: "Secret", name: "mysql-secret", namespace: KUBEFLOW_NAMESPACE },
  // cert-manager issues the cache webhook's certificate; the deployer job is not needed.
  {
    apiVersion: "apps/v1",
    kind: "Deployment",
    name: "cache-deployer-deployment",
    namespace: KUBEFLOW_NAMESPACE,
  },
  {
    apiVersion: "v1",
    kind: "ServiceAccount",
    name: "kubeflow-pipelines-cache-deployer-sa",
    namespace: KUBEFLOW_NAMESPACE,
  },
  {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    name: "kubeflow-pipelines-cache-deployer-clusterrole",
  },
  {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    name: "kubeflow-pipelines-cache-deployer-clusterrolebinding",
  },
  {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "Role",
    name: "kubeflow-pipelines-cache-deployer-role",
    namespace: KUBEFLOW_NAMESPACE,
  },
  {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    name: "kubeflow-pipelines-cache-deployer-rolebinding",
    namespace: KUBEFLOW_NAMESPACE,
  },
];

/** The cache server reads the cert-manager certificate (upstream's env/cert-manager patches). */
export const PIPELINES_PATCHES = ["--tls_cert_filename=tls.crt", "--tls_key_filename=tls.key"].map(
  (arg) => ({
    target: { kind: "Deployment", name: "cache-server" },
    patch: `- op: add\n  path: /spec/template/spec/containers/0/args/-\n  value: "${arg}"\n`,
  }),
);

/**
 * API server, UI, persistence agent, scheduled workflows, viewer controller, cache server,
 * metadata writer, gRPC and Envoy, Argo's controller, metacontroller, the tenant sync hook.
 */
export const PIPELINES_REQUESTS: AppRequests = {
  workloads: 13,
  requests: { cpu: "20m", memory: "96Mi" },
  meshed: 10,
};

export { PIPELINES_SERVICE_ACCOUNT_NAMES } from "./pipelinesTransforms";

export interface PipelinesArgs {
  settings: AppSettings;
  database: DatabaseEndpoint & { user: string; password: pulumi.Input<string> };
  objectStore: ObjectStoreEndpoint;
  platformCredentials: pulumi.Output<AccessKey | undefined>;
  /** Namespace, cert-manager, Istio and data services that must exist first. */
  dependsOn: pulumi.Resource[];
}

export class Pipelines extends pulumi.ComponentResource {
  constructor(name: string, args: PipelinesArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:Pipelines", name, {}, opts);
    const deps = { parent: this, dependsOn: args.dependsOn };
    const mysqlSecret = new k8s.core.v1.Secret(
      `${name}-mysql-secret`,
      {
        metadata: {
          name: "mysql-secret",
          namespace: KUBEFLOW_NAMESPACE,
          labels: labels("pipelines"),
        },
        stringData: {
          username: args.database.user,
          password: pulumi.secret(args.database.password),
        },
      },
      deps,
    );
    const objectStoreSecret = new k8s.core.v1.Secret(
      `${name}-object-store-secret`,
      {
        metadata: {
          name: "mlpipeline-minio-artifact",
          namespace: KUBEFLOW_NAMESPACE,
          labels: labels("pipelines"),
        },
        // With workload identity the keys are empty and the transforms drop their env vars.
        stringData: pulumi.secret(
          args.platformCredentials.apply((k) => ({
            accesskey: k?.accessKey ?? "",
            secretkey: k?.secretKey ?? "",
          })),
        ),
      },
      deps,
    );
    const hook = new k8s.core.v1.ConfigMap(
      `${name}-tenant-sync-hook`,
      {
        metadata: {
          name: TENANT_SYNC_CONFIGMAP,
          namespace: KUBEFLOW_NAMESPACE,
          labels: labels("pipelines"),
        },
        data: { "sync.mjs": fs.readFileSync(HOOK_SOURCE, "utf8") },
      },
      deps,
    );
    upstreamKustomization(
      `${name}-manifests`,
      {
        overlay: {
          paths: manifests.pipelines.paths,
          namespace: KUBEFLOW_NAMESPACE,
          labels: { "application-crd-id": "kubeflow-pipelines" },
          deletions: PIPELINES_DELETIONS,
          patches: PIPELINES_PATCHES,
        },
        transforms: [
          ...pipelinesTransforms({
            db: args.database,
            store: args.objectStore,
            syncImage: images.node,
          }),
          workloadSettings(PIPELINES_REQUESTS, args.settings),
        ],
      },
      {
        parent: this,
        dependsOn: [...args.dependsOn, mysqlSecret, objectStoreSecret, hook],
      },
    );
    // Workload identity: the Pipelines ServiceAccounts carry the cloud's annotations (a role ARN or
    // a Google service account) from their creation (pipelinesTransforms).
    this.registerOutputs({});
  }
}

export const PIPELINES: AppModule<"pipelines"> = {
  name: "pipelines",
  doc: {
    title: "Kubeflow Pipelines (multi-user)",
    file: "components/kubeflow/pipelines.ts",
    needs: "database (MySQL), object store (MinIO or S3), cert-manager, Istio",
  },
  artifacts: [manifests.pipelines],
  // The tenant sync hook runs on Node.
  images: () => [images.node],
  requests: [PIPELINES_REQUESTS],
  dashboardLink: { path: /^\/pipeline\// },
  platformDatabase: true,
  objectStore: true,
  build: (ctx) => ({
    component: new Pipelines(
      "pipelines",
      {
        settings: ctx.settings,
        database: ctx.database!,
        objectStore: ctx.objectStore!.endpoint,
        platformCredentials: ctx.objectStore!.platformCredentials,
        dependsOn: [...ctx.deps.base, ...ctx.deps.data],
      },
      ctx.opts,
    ),
  }),
};
