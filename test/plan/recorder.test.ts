// The recorder answers as the engine would, refusals included: computed outputs for the types
// whose outputs the program reads (each cloud's mocks), the inputs for the rest, secrets redacted.
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  RecordingMonitor,
  SECRET_PLACEHOLDER,
  installRecorder,
  redactSecrets,
} from "../../components/plan/recorder";
import { propertiesStruct } from "../../components/plan/runtime";

const request = (name: string, type = "kubernetes:core/v1:Namespace", object?: unknown) => ({
  getType: () => type,
  getName: () => name,
  getParent: () => "",
  getCustom: () => true,
  getObject: () => object,
  getDependenciesList: () => [],
  getProtect: () => false,
  getRetainondelete: () => false,
  getDeletedwith: () => "",
  getTransformsList: () => [],
  getAliasesList: () => [],
});

type Response = { getObject(): { toJavaScript(): Record<string, unknown> } | undefined };

function answer(monitor: RecordingMonitor, req: ReturnType<typeof request>) {
  return new Promise<{ err: unknown; resp: Response }>((resolve) =>
    monitor.registerResource(req as never, (err, resp) => resolve({ err, resp: resp as Response })),
  );
}

describe("RecordingMonitor", () => {
  it("refuses a second registration with the same URN, as the engine does", async () => {
    const monitor = new RecordingMonitor();
    expect((await answer(monitor, request("a"))).err).toBeNull();
    expect((await answer(monitor, request("b"))).err).toBeNull();
    expect(String((await answer(monitor, request("a"))).err)).toContain("Duplicate resource URN");
    expect(monitor.registrations).toHaveLength(2);
  });

  it("answers a type a cloud computes with its outputs added to the inputs", async () => {
    const monitor = new RecordingMonitor();
    const inputs = await propertiesStruct({ identifier: "kf-db", engine: "mysql" });
    const { err, resp } = await answer(monitor, request("db", "aws:rds/instance:Instance", inputs));
    expect(err).toBeNull();
    expect(resp.getObject()!.toJavaScript()).toEqual({
      identifier: "kf-db",
      engine: "mysql",
      address: "kf-db.plan.rds.amazonaws.com",
    });
  });

  it("answers any other type with its inputs, and records them", async () => {
    const monitor = new RecordingMonitor();
    const inputs = await propertiesStruct({ metadata: { name: "team-a" } });
    const { resp } = await answer(monitor, request("ns", "kubernetes:core/v1:Namespace", inputs));
    expect(resp.getObject()!.toJavaScript()).toEqual({ metadata: { name: "team-a" } });
    expect(monitor.registrations[0].inputs).toEqual({ metadata: { name: "team-a" } });
  });

  it("records a secret input as the placeholder, wherever it is nested", async () => {
    // The runtime serializes secrets as such only once a monitor that supports them is installed.
    const monitor = installRecorder({ project: "kubeflow-platform", stack: "test", config: {} });
    const inputs = await propertiesStruct({
      stringData: { password: pulumi.secret("hunter2"), user: "admin" },
    });
    await answer(monitor, request("s", "kubernetes:core/v1:Secret", inputs));
    expect(monitor.registrations[0].inputs).toEqual({
      stringData: { password: SECRET_PLACEHOLDER, user: "admin" },
    });
  });
});

describe("redactSecrets (pure)", () => {
  it("replaces every secret-wrapped value, in objects and arrays, and keeps the rest", () => {
    const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };
    expect(redactSecrets({ a: [secret, "x"], b: { c: secret }, d: 1 })).toEqual({
      a: [SECRET_PLACEHOLDER, "x"],
      b: { c: SECRET_PLACEHOLDER },
      d: 1,
    });
  });
});
