// Metacontroller sync hook for tenant namespaces (runs in-cluster on Node.js, no dependencies).
// For every namespace labelled pipelines.kubeflow.org/enabled=true it returns what Pipelines needs
// there: the launcher config, the metadata endpoint and Argo's artifact repository. The namespace's
// object-store keys (Secret mlpipeline-minio-artifact) are written by Pulumi's tenants layer, so no
// key is minted at run time and the hook never sees one.
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

const BUCKET_KEY = (ns) => `private-artifacts/${ns}`;

export function settingsFromEnv(env) {
  return {
    host: env.OBJECT_STORE_HOST,
    port: Number(env.OBJECT_STORE_PORT),
    secure: env.OBJECT_STORE_SECURE === "true",
    region: env.OBJECT_STORE_REGION,
    bucket: env.OBJECT_STORE_BUCKET,
    port_: Number(env.CONTROLLER_PORT ?? 8080),
  };
}

/** The desired attachments for one namespace. Pure. */
export function desiredAttachments(namespace, s) {
  const endpoint = `${s.host}:${s.port}`;
  const s3Provider = {
    endpoint,
    region: s.region,
    disableSSL: !s.secure,
    forcePathStyle: true,
    credentials: {
      fromEnv: false,
      secretRef: {
        secretName: "mlpipeline-minio-artifact",
        accessKeyKey: "accesskey",
        secretKeyKey: "secretkey",
      },
    },
  };
  const attachments = [
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "kfp-launcher", namespace },
      data: {
        defaultPipelineRoot: `s3://${s.bucket}/${BUCKET_KEY(namespace)}/v2/artifacts`,
        providers: JSON.stringify({ s3: { default: s3Provider } }),
      },
    },
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "metadata-grpc-configmap", namespace },
      data: {
        METADATA_GRPC_SERVICE_HOST: "metadata-grpc-service.kubeflow",
        METADATA_GRPC_SERVICE_PORT: "8080",
      },
    },
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: {
        name: "artifact-repositories",
        namespace,
        annotations: { "workflows.argoproj.io/default-artifact-repository": "default-namespaced" },
      },
      data: {
        "default-namespaced": JSON.stringify({
          archiveLogs: true,
          s3: {
            endpoint,
            bucket: s.bucket,
            region: s.region,
            insecure: !s.secure,
            keyFormat: `${BUCKET_KEY(namespace)}/{{workflow.name}}/{{workflow.creationTimestamp.Y}}/{{workflow.creationTimestamp.m}}/{{workflow.creationTimestamp.d}}/{{pod.name}}`,
            accessKeySecret: { name: "mlpipeline-minio-artifact", key: "accesskey" },
            secretKeySecret: { name: "mlpipeline-minio-artifact", key: "secretkey" },
          },
        }),
      },
    },
  ];
  return attachments;
}

/** Metacontroller's request → response. Namespaces without the label get nothing. */
export function sync(request, s) {
  const parent = request.object ?? {};
  const namespace = parent.metadata?.name;
  if (parent.metadata?.labels?.["pipelines.kubeflow.org/enabled"] !== "true" || !namespace) {
    return { status: {}, attachments: [] };
  }
  return {
    status: { "kubeflow-pipelines-ready": "True" },
    attachments: desiredAttachments(namespace, s),
  };
}

function serve() {
  const s = settingsFromEnv(process.env);
  createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      try {
        const out = sync(JSON.parse(body), s);
        console.log(
          `synced ${JSON.parse(body).object?.metadata?.name}: ${out.attachments.length} attachments`,
        );
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify(out));
      } catch (err) {
        console.error(`sync failed: ${err.message}`);
        res.writeHead(500);
        res.end();
      }
    });
  }).listen(s.port_);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) serve();
