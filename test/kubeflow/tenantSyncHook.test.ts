// Our Metacontroller hook for tenant namespaces: pure desired state, and the real server answering a
// sync request the way Metacontroller sends it.
import { spawn } from "child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOOK_SOURCE } from "../../components/kubeflow/pipelines";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hook = require(
  HOOK_SOURCE,
) as typeof import("../../components/kubeflow/pipelinesTenantSync.hook.mjs");

const settings = {
  host: "minio.kubeflow-data.svc.cluster.local",
  port: 9000,
  secure: false,
  region: "us-east-1",
  bucket: "mlpipeline",
};
const request = (name: string, enabled = true) => ({
  controller: {},
  object: {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name,
      labels: (enabled ? { "pipelines.kubeflow.org/enabled": "true" } : {}) as Record<
        string,
        string
      >,
    },
  },
  attachments: {},
});

describe("desired attachments (pure)", () => {
  it("a tenant namespace gets its launcher config, metadata endpoint and artifact repository; never keys", () => {
    const out = hook.sync(request("team-a"), settings);
    expect(out.status).toEqual({ "kubeflow-pipelines-ready": "True" });
    expect(out.attachments.map((a) => `${a.kind}/${a.metadata.name}`)).toEqual([
      "ConfigMap/kfp-launcher",
      "ConfigMap/metadata-grpc-configmap",
      "ConfigMap/artifact-repositories",
    ]);
    for (const a of out.attachments) expect(a.metadata.namespace).toBe("team-a");
    const [launcher, , repos] = out.attachments;
    expect(launcher.data!.defaultPipelineRoot).toBe(
      "s3://mlpipeline/private-artifacts/team-a/v2/artifacts",
    );
    // The launcher and Argo read the keys the tenants layer writes into the namespace.
    expect(launcher.data!.providers).toContain('"secretName":"mlpipeline-minio-artifact"');
    const repo = JSON.parse(repos.data!["default-namespaced"]);
    expect(repo.s3.keyFormat).toMatch(/^private-artifacts\/team-a\//);
    expect(repo.s3.accessKeySecret).toEqual({
      name: "mlpipeline-minio-artifact",
      key: "accesskey",
    });
    expect(repo.s3.insecure).toBe(true);
  });

  it("a namespace without the Pipelines label gets nothing", () => {
    expect(hook.sync(request("default", false), settings)).toEqual({
      status: {},
      attachments: [],
    });
  });
});

describe("the hook server", () => {
  const port = 18000 + Math.floor(Math.random() * 1000);
  let server: ReturnType<typeof spawn>;
  beforeAll(async () => {
    server = spawn(process.execPath, [HOOK_SOURCE], {
      env: {
        OBJECT_STORE_HOST: settings.host,
        OBJECT_STORE_PORT: "9000",
        OBJECT_STORE_SECURE: "false",
        OBJECT_STORE_REGION: "us-east-1",
        OBJECT_STORE_BUCKET: "mlpipeline",
        CONTROLLER_PORT: String(port),
      },
      stdio: "pipe",
    });
    // Wait until it accepts connections.
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "{}" });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error("hook server did not start");
  });
  afterAll(() => server.kill());

  it("answers Metacontroller's sync request with the attachments", async () => {
    let logs = "";
    server.stdout!.on("data", (d) => (logs += d));
    const res = await fetch(`http://127.0.0.1:${port}/sync`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request("team-a")),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { attachments: { kind: string }[] };
    expect(body.attachments.map((a) => a.kind)).toEqual(["ConfigMap", "ConfigMap", "ConfigMap"]);
    await new Promise((r) => setTimeout(r, 100));
    expect(logs).toContain("synced team-a: 3 attachments");
  });

  it("answers a malformed request with 500 and keeps serving", async () => {
    const bad = await fetch(`http://127.0.0.1:${port}/sync`, { method: "POST", body: "not json" });
    expect(bad.status).toBe(500);
    const ok = await fetch(`http://127.0.0.1:${port}/sync`, {
      method: "POST",
      body: JSON.stringify(request("team-a")),
    });
    expect(ok.status).toBe(200);
  });
});
