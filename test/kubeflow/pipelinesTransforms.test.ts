// The transforms that wire upstream Pipelines to the platform's database and object store, tested
// on objects shaped like upstream's.
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ObjectStoreEndpoint } from "../../components/foundation/dataServices";
import {
  TENANT_SYNC_CONFIGMAP,
  argoArtifactRepository,
  artifactRepository,
  installConfig,
  pipelinesTransforms,
  tenantSyncHook,
} from "../../components/kubeflow/pipelinesTransforms";
import { K8sObject } from "../../components/lib/k8s";
import { applyTransforms } from "../../components/lib/transforms";
import { kubeflowManifests } from "../../components/versions";
import { SOURCES_DIR } from "../render/sources";
import { validateObject } from "../schemaValidation";

const minio: ObjectStoreEndpoint = {
  host: "minio.kubeflow-data.svc.cluster.local",
  port: 9000,
  secure: false,
  region: "us-east-1",
  bucket: "mlpipeline",
};
const s3WithIdentity: ObjectStoreEndpoint = {
  host: "s3.eu-west-1.amazonaws.com",
  port: 443,
  secure: true,
  region: "eu-west-1",
  bucket: "acme-artifacts",
  workloadIdentity: { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/kfp" },
};

function deployment(name: string, env: { name: string; value?: string }[]): K8sObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "kubeflow" },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: "main", image: "upstream/image:1", env }] },
      },
    },
  };
}
type PodTemplate = {
  template: { spec: { containers: { env: { name: string; value?: string }[] }[] } };
};
const envOf = (o: K8sObject) =>
  Object.fromEntries(
    (o.spec as PodTemplate).template.spec.containers[0].env.map((e) => [e.name, e.value]),
  );

const apiServer = deployment("ml-pipeline", [
  { name: "OBJECTSTORECONFIG_HOST", value: "seaweedfs.kubeflow" },
  { name: "OBJECTSTORECONFIG_ACCESSKEY", value: "from-secret" },
  { name: "OBJECTSTORECONFIG_SECRETACCESSKEY", value: "from-secret" },
  { name: "KEEP_ME", value: "x" },
]);
const ui = deployment("ml-pipeline-ui", [
  { name: "MINIO_ACCESS_KEY", value: "k" },
  { name: "MINIO_SECRET_KEY", value: "s" },
]);
const installConfigMap: K8sObject = {
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "pipeline-install-config", namespace: "kubeflow" },
  data: { dbHost: "mysql", bucketName: "mlpipeline", appName: "pipeline" },
};

describe("pipelines transforms (pure)", () => {
  it("point the install config at the platform database and bucket, keeping other keys", () => {
    const out = installConfig(
      { host: "db.example.com", port: 3307 },
      s3WithIdentity,
    )(installConfigMap);
    expect(out.data).toMatchObject({
      dbHost: "db.example.com",
      dbPort: "3307",
      mysqlHost: "db.example.com",
      bucketName: "acme-artifacts",
      appName: "pipeline",
    });
    // The input object is left untouched (transforms copy what they change).
    expect(installConfigMap.data).toMatchObject({ dbHost: "mysql" });
  });

  it("the API server gets the object store endpoint and keeps its keys with MinIO", () => {
    const env = envOf(
      applyTransforms(
        apiServer,
        pipelinesTransforms({ db: { host: "h", port: 1 }, store: minio, syncImage: "node:1" }),
      ),
    );
    expect(env).toMatchObject({
      OBJECTSTORECONFIG_HOST: minio.host,
      OBJECTSTORECONFIG_PORT: "9000",
      OBJECTSTORECONFIG_SECURE: "false",
      OBJECTSTORECONFIG_ACCESSKEY: "from-secret",
      KEEP_ME: "x",
    });
  });

  it("with workload identity the key variables are removed (they would win over the pod identity)", () => {
    const transforms = pipelinesTransforms({
      db: { host: "h", port: 1 },
      store: s3WithIdentity,
      syncImage: "node:1",
    });
    const env = envOf(applyTransforms(apiServer, transforms));
    expect(env).not.toHaveProperty("OBJECTSTORECONFIG_ACCESSKEY");
    expect(env).not.toHaveProperty("OBJECTSTORECONFIG_SECRETACCESSKEY");
    expect(env.OBJECTSTORECONFIG_SECURE).toBe("true");
    const uiEnv = envOf(applyTransforms(ui, transforms));
    expect(uiEnv).not.toHaveProperty("MINIO_ACCESS_KEY");
    expect(uiEnv).toMatchObject({ MINIO_HOST: s3WithIdentity.host, MINIO_SSL: "true" });
  });

  it("Argo's default artifact repository writes under the namespace's private prefix", () => {
    const cm = argoArtifactRepository(minio)({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "workflow-controller-configmap", namespace: "kubeflow" },
      data: { executor: "x" },
    });
    const repo = parse((cm.data as Record<string, string>).artifactRepository);
    expect(repo).toEqual(artifactRepository(minio, "{{workflow.namespace}}"));
    expect(repo.s3).toMatchObject({
      endpoint: "minio.kubeflow-data.svc.cluster.local:9000",
      insecure: true,
      bucket: "mlpipeline",
    });
    expect(repo.s3.keyFormat).toMatch(/^private-artifacts\/\{\{workflow\.namespace\}\}\//);
    expect(cm.data).toHaveProperty("executor", "x");
  });

  it("replaces upstream's SeaweedFS sync hook with ours, keeping the container's name and security", () => {
    const upstream = deployment("kubeflow-pipelines-profile-controller", []);
    (upstream.spec as any).template.spec.containers[0].securityContext = { runAsNonRoot: true }; // eslint-disable-line @typescript-eslint/no-explicit-any
    const out = tenantSyncHook("docker.io/library/node:22", minio)(upstream);
    validateObject(out);
    const pod = (out.spec as any).template.spec; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(pod.containers).toHaveLength(1);
    expect(pod.containers[0]).toMatchObject({
      name: "main",
      image: "docker.io/library/node:22",
      command: ["node", "/hooks/sync.mjs"],
      securityContext: { runAsNonRoot: true },
    });
    // The hook holds no keys: only its own code is mounted.
    expect(pod.volumes).toEqual([{ name: "hooks", configMap: { name: TENANT_SYNC_CONFIGMAP } }]);
  });

  it("leave unrelated objects alone", () => {
    const other = deployment("metadata-writer", [{ name: "A", value: "1" }]);
    expect(
      applyTransforms(
        other,
        pipelinesTransforms({ db: { host: "h", port: 1 }, store: s3WithIdentity, syncImage: "n" }),
      ),
    ).toBe(other);
  });
});

const db = { host: "h", port: 1 };

describe("workload identity on the Pipelines ServiceAccounts", () => {
  // Upstream's own ServiceAccount files at the pinned release, when the sources are here.
  const upstreamSa = (file: string): K8sObject | undefined => {
    if (!SOURCES_DIR) return undefined;
    const p = path.join(
      SOURCES_DIR,
      "kubeflow-manifests",
      kubeflowManifests.ref,
      "applications/pipeline/upstream/base/pipeline",
      file,
    );
    return parse(fs.readFileSync(p, "utf8")) as K8sObject;
  };
  const sa = (name: string): K8sObject =>
    ({
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name, namespace: "kubeflow" },
    }) as K8sObject;

  it("the role annotation is part of the ServiceAccount objects themselves, not a later patch", () => {
    const accounts = [
      upstreamSa("ml-pipeline-apiserver-sa.yaml") ?? sa("ml-pipeline"),
      upstreamSa("ml-pipeline-ui-sa.yaml") ?? sa("ml-pipeline-ui"),
    ];
    expect(accounts.map((a) => a.metadata.name)).toEqual(["ml-pipeline", "ml-pipeline-ui"]);
    for (const a of accounts) {
      const out = applyTransforms(
        a,
        pipelinesTransforms({ db, store: s3WithIdentity, syncImage: "n" }),
      );
      expect(out.metadata.annotations).toMatchObject({
        "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/kfp",
      });
      // Upstream's object is not changed in place.
      expect(a.metadata.annotations?.["eks.amazonaws.com/role-arn"]).toBeUndefined();
    }
    const other = applyTransforms(
      sa("ml-pipeline-persistenceagent"),
      pipelinesTransforms({ db, store: s3WithIdentity, syncImage: "n" }),
    );
    expect(other.metadata.annotations).toBeUndefined();
    const keys = applyTransforms(
      sa("ml-pipeline"),
      pipelinesTransforms({ db, store: minio, syncImage: "n" }),
    );
    expect(keys.metadata.annotations).toBeUndefined();
  });
});
