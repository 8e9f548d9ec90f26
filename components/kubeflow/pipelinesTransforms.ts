// Pure transforms that wire upstream Kubeflow Pipelines to the platform's database and object
// store, and replace the per-namespace sync hook (upstream's needs SeaweedFS's IAM API).
import { images } from "../versions";
import { ObjectTransform, forObject, mergeData, removeEnv, setEnv } from "../lib/transforms";
import { K8sObject } from "../lib/k8s";
import { contentHash, rollOnChange } from "../lib/rollout";
import { stringify } from "yaml";
import { DatabaseEndpoint, ObjectStoreEndpoint } from "../foundation/dataServices";

export const TENANT_SYNC_CONFIGMAP = "kubeflow-platform-tenant-sync";

/** What we put into upstream's pipeline-install-config: our database, bucket and cache image. */
export function installConfigData(
  db: DatabaseEndpoint,
  store: ObjectStoreEndpoint,
): Record<string, string> {
  return {
    dbHost: db.host,
    dbPort: String(db.port),
    mysqlHost: db.host,
    mysqlPort: String(db.port),
    bucketName: store.bucket,
    // External databases drop idle connections; recycle them before that happens.
    ConMaxLifeTime: "120s",
    // Upstream names ghcr.io/containerd/busybox without a tag (latest): the image the cache
    // server gives cached steps is pinned here and mirrored with the rest.
    cacheImage: images.pipelinesCache,
  };
}

export function installConfig(db: DatabaseEndpoint, store: ObjectStoreEndpoint): ObjectTransform {
  return forObject("ConfigMap", "pipeline-install-config", mergeData(installConfigData(db, store)));
}

/**
 * Point one Pipelines Deployment at the object store. With workload identity its key variables
 * must be absent: when present they win over the pod's identity.
 */
function objectStoreDeployment(
  deployment: string,
  endpointEnv: Record<string, string>,
  keyEnv: string[],
  store: ObjectStoreEndpoint,
): ObjectTransform {
  const env = setEnv(endpointEnv);
  const keys = store.workloadIdentity ? removeEnv(keyEnv) : (o: K8sObject) => o;
  return forObject("Deployment", deployment, (o) => keys(env(o)));
}

export function apiServerObjectStore(store: ObjectStoreEndpoint): ObjectTransform {
  return objectStoreDeployment(
    "ml-pipeline",
    {
      OBJECTSTORECONFIG_HOST: store.host,
      OBJECTSTORECONFIG_PORT: String(store.port),
      OBJECTSTORECONFIG_SECURE: String(store.secure),
      OBJECTSTORECONFIG_REGION: store.region,
    },
    ["OBJECTSTORECONFIG_ACCESSKEY", "OBJECTSTORECONFIG_SECRETACCESSKEY"],
    store,
  );
}

export function uiObjectStore(store: ObjectStoreEndpoint): ObjectTransform {
  return objectStoreDeployment(
    "ml-pipeline-ui",
    {
      MINIO_HOST: store.host,
      MINIO_PORT: String(store.port),
      MINIO_SSL: String(store.secure),
      AWS_REGION: store.region,
    },
    ["MINIO_ACCESS_KEY", "MINIO_SECRET_KEY"],
    store,
  );
}

function argoConfigData(store: ObjectStoreEndpoint): Record<string, string> {
  return { artifactRepository: stringify(artifactRepository(store, "{{workflow.namespace}}")) };
}

/** Argo's default artifact repository (used where a namespace has none of its own). */
export function argoArtifactRepository(store: ObjectStoreEndpoint): ObjectTransform {
  return forObject("ConfigMap", "workflow-controller-configmap", mergeData(argoConfigData(store)));
}

/** An Argo S3 artifact repository whose keys sit under the namespace's private prefix. Pure. */
export function artifactRepository(
  store: ObjectStoreEndpoint,
  namespace: string,
): Record<string, unknown> {
  return {
    archiveLogs: true,
    s3: {
      endpoint: `${store.host}:${store.port}`,
      bucket: store.bucket,
      region: store.region,
      insecure: !store.secure,
      keyFormat: `private-artifacts/${namespace}/{{workflow.name}}/{{workflow.creationTimestamp.Y}}/{{workflow.creationTimestamp.m}}/{{workflow.creationTimestamp.d}}/{{pod.name}}`,
      accessKeySecret: { name: "mlpipeline-minio-artifact", key: "accesskey" },
      secretKeySecret: { name: "mlpipeline-minio-artifact", key: "secretkey" },
    },
  };
}

/**
 * Upstream's pipelines-profile-controller Deployment runs a hook that mints per-namespace keys
 * through SeaweedFS's IAM API. Keep its Service and DecoratorController, but run our hook: it
 * writes the same per-namespace objects with keys Pulumi generated (or the tenant supplied).
 */
export function tenantSyncHook(image: string, store: ObjectStoreEndpoint): ObjectTransform {
  return forObject("Deployment", "kubeflow-pipelines-profile-controller", (obj) => {
    const spec = (obj.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    const containers = spec.containers as Record<string, unknown>[];
    const first = containers[0];
    containers.splice(0, containers.length, {
      name: first.name,
      image,
      command: ["node", "/hooks/sync.mjs"],
      env: [
        { name: "OBJECT_STORE_HOST", value: store.host },
        { name: "OBJECT_STORE_PORT", value: String(store.port) },
        { name: "OBJECT_STORE_SECURE", value: String(store.secure) },
        { name: "OBJECT_STORE_REGION", value: store.region },
        { name: "OBJECT_STORE_BUCKET", value: store.bucket },
        { name: "CONTROLLER_PORT", value: "8080" },
      ],
      ports: [{ containerPort: 8080 }],
      resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } },
      securityContext: first.securityContext,
      volumeMounts: [{ name: "hooks", mountPath: "/hooks", readOnly: true }],
    });
    spec.volumes = [{ name: "hooks", configMap: { name: TENANT_SYNC_CONFIGMAP } }];
    return obj;
  });
}

/** The service accounts of Pipelines that use the object store. */
export const PIPELINES_SERVICE_ACCOUNT_NAMES = ["ml-pipeline", "ml-pipeline-ui"];

/**
 * The workload-identity annotations on the Pipelines ServiceAccounts themselves, so they carry them
 * from their creation on: EKS's pod identity webhook (and GKE's metadata server binding) reads the
 * ServiceAccount when a pod is created, and a pod started before the annotation never gets
 * credentials. A patch applied after the bundle is ready comes too late for the first pods.
 */
export function workloadIdentityAnnotations(store: ObjectStoreEndpoint): ObjectTransform {
  const annotations = store.workloadIdentity;
  return (obj) => {
    if (!annotations || obj.kind !== "ServiceAccount") return obj;
    if (!PIPELINES_SERVICE_ACCOUNT_NAMES.includes(obj.metadata.name)) return obj;
    const copy = structuredClone({ ...obj, metadata: { ...obj.metadata, annotations: {} } });
    // Values may be Outputs: copied by reference, not cloned.
    copy.metadata.annotations = {
      ...obj.metadata.annotations,
      ...(annotations as Record<string, string>),
    };
    return copy;
  };
}

export function pipelinesTransforms(args: {
  db: DatabaseEndpoint;
  store: ObjectStoreEndpoint;
  syncImage: string;
}): ObjectTransform[] {
  return [
    installConfig(args.db, args.store),
    apiServerObjectStore(args.store),
    uiObjectStore(args.store),
    argoArtifactRepository(args.store),
    tenantSyncHook(args.syncImage, args.store),
    workloadIdentityAnnotations(args.store),
    // A changed database or bucket restarts the services that read them as env at start.
    rollOnChange(
      { kind: "ConfigMap", name: "pipeline-install-config" },
      contentHash(installConfigData(args.db, args.store)),
    ),
    rollOnChange(
      { kind: "ConfigMap", name: "workflow-controller-configmap" },
      contentHash(argoConfigData(args.store)),
    ),
  ];
}
