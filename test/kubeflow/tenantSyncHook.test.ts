// Our Metacontroller hook for tenant namespaces: pure desired state, and the real server answering a
// sync request the way Metacontroller sends it.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
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
  it("a tenant with keys gets its Secret, launcher config, metadata endpoint and artifact repository", () => {
    const out = hook.sync(request("team-a"), settings, () => ({
      accessKey: "AK",
      secretKey: "SK",
    }));
    expect(out.status).toEqual({ "kubeflow-pipelines-ready": "True" });
    expect(out.attachments.map((a) => `${a.kind}/${a.metadata.name}`)).toEqual([
      "Secret/mlpipeline-minio-artifact",
      "ConfigMap/kfp-launcher",
      "ConfigMap/metadata-grpc-configmap",
      "ConfigMap/artifact-repositories",
    ]);
    for (const a of out.attachments) expect(a.metadata.namespace).toBe("team-a");
    const [secret, launcher, , repos] = out.attachments;
    expect(secret.stringData).toEqual({ accesskey: "AK", secretkey: "SK" });
    expect(launcher.data!.defaultPipelineRoot).toBe(
      "s3://mlpipeline/private-artifacts/team-a/v2/artifacts",
    );
    const repo = JSON.parse(repos.data!["default-namespaced"]);
    expect(repo.s3.keyFormat).toMatch(/^private-artifacts\/team-a\//);
    expect(repo.s3.insecure).toBe(true);
  });

  it("a namespace without keys yet gets no Secret and reports not ready", () => {
    const out = hook.sync(request("team-b"), settings, () => undefined);
    expect(out.status).toEqual({ "kubeflow-pipelines-ready": "False" });
    expect(out.attachments.some((a) => a.kind === "Secret")).toBe(false);
  });

  it("a namespace without the Pipelines label gets nothing", () => {
    expect(hook.sync(request("default", false), settings, () => undefined)).toEqual({
      status: {},
      attachments: [],
    });
  });

  it("reads keys from the mounted Secret's file for the namespace", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "creds-"));
    fs.writeFileSync(path.join(dir, "team-a"), "AK SK");
    expect(hook.readCredentials(dir, "team-a")).toEqual({ accessKey: "AK", secretKey: "SK" });
    expect(hook.readCredentials(dir, "team-z")).toBeUndefined();
  });
});

describe("the hook server", () => {
  const port = 18000 + Math.floor(Math.random() * 1000);
  let server: ReturnType<typeof spawn>;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hook-"));
    fs.writeFileSync(path.join(dir, "team-a"), "AK SK");
    server = spawn(process.execPath, [HOOK_SOURCE], {
      env: {
        OBJECT_STORE_HOST: settings.host,
        OBJECT_STORE_PORT: "9000",
        OBJECT_STORE_SECURE: "false",
        OBJECT_STORE_REGION: "us-east-1",
        OBJECT_STORE_BUCKET: "mlpipeline",
        CREDENTIALS_DIR: dir,
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

  it("answers Metacontroller's sync request with the attachments and never logs a key", async () => {
    let logs = "";
    server.stdout!.on("data", (d) => (logs += d));
    const res = await fetch(`http://127.0.0.1:${port}/sync`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request("team-a")),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { attachments: { kind: string; stringData?: unknown }[] };
    expect(body.attachments).toHaveLength(4);
    expect(body.attachments[0]).toMatchObject({
      kind: "Secret",
      stringData: { accesskey: "AK", secretkey: "SK" },
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(logs).toContain("synced team-a");
    expect(logs).not.toContain("SK");
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
