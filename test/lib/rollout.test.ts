// Consumers of a ConfigMap or Secret roll when what we put into it changes: a checksum of that
// content on their pod template. GIVEN pod specs that read a source in each way Kubernetes allows.
import { describe, expect, it } from "vitest";
import { K8sObject } from "../../components/lib/k8s";
import {
  checksumAnnotation,
  contentHash,
  readsSource,
  rollOnChange,
} from "../../components/lib/rollout";
import { pipelinesTransforms } from "../../components/kubeflow/pipelinesTransforms";
import { applyTransforms } from "../../components/lib/transforms";

const CONFIG = { kind: "ConfigMap", name: "pipeline-install-config" } as const;

const workload = (kind: string, podSpec: Record<string, unknown>): K8sObject => ({
  apiVersion: "apps/v1",
  kind,
  metadata: { name: "ml-pipeline", namespace: "kubeflow" },
  spec: { template: { metadata: { labels: { app: "x" } }, spec: podSpec } },
});

const annotations = (o: K8sObject) =>
  (o.spec as { template: { metadata?: { annotations?: Record<string, string> } } }).template
    .metadata?.annotations;

describe("readsSource", () => {
  it.each([
    [
      "env valueFrom",
      { containers: [{ env: [{ valueFrom: { configMapKeyRef: { name: CONFIG.name } } }] }] },
    ],
    ["envFrom", { containers: [{ envFrom: [{ configMapRef: { name: CONFIG.name } }] }] }],
    [
      "an init container",
      { initContainers: [{ envFrom: [{ configMapRef: { name: CONFIG.name } }] }] },
    ],
    ["a volume", { volumes: [{ name: "c", configMap: { name: CONFIG.name } }] }],
    [
      "a projected volume",
      { volumes: [{ name: "c", projected: { sources: [{ configMap: { name: CONFIG.name } }] } }] },
    ],
  ])("sees a read through %s", (_how, spec) => {
    expect(readsSource(spec, CONFIG)).toBe(true);
  });

  it("does not mistake another source, or a Secret of the same name, for it", () => {
    expect(
      readsSource({ containers: [{ envFrom: [{ configMapRef: { name: "other" } }] }] }, CONFIG),
    ).toBe(false);
    expect(readsSource({ volumes: [{ secret: { secretName: CONFIG.name } }] }, CONFIG)).toBe(false);
    expect(
      readsSource({ volumes: [{ secret: { secretName: "s" } }] }, { kind: "Secret", name: "s" }),
    ).toBe(true);
  });
});

describe("rollOnChange", () => {
  const reader = () =>
    workload("Deployment", {
      containers: [{ envFrom: [{ configMapRef: { name: CONFIG.name } }] }],
    });

  it("puts the checksum on a reader's pod template, leaving its other metadata", () => {
    const out = rollOnChange(CONFIG, "abc")(reader());
    expect(annotations(out)).toEqual({ [checksumAnnotation(CONFIG)]: "abc" });
    expect(
      (out.spec as { template: { metadata: { labels: unknown } } }).template.metadata.labels,
    ).toEqual({ app: "x" });
  });

  it("leaves workloads that do not read it, and non-workloads, untouched", () => {
    const other = workload("Deployment", { containers: [{ name: "a" }] });
    expect(rollOnChange(CONFIG, "abc")(other)).toBe(other);
    const configMap: K8sObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: CONFIG.name },
    };
    expect(rollOnChange(CONFIG, "abc")(configMap)).toBe(configMap);
  });

  it("the checksum changes with the content and not with key order", () => {
    expect(contentHash({ a: "1", b: "2" })).toBe(contentHash({ b: "2", a: "1" }));
    expect(contentHash({ a: "1", b: "2" })).not.toBe(contentHash({ a: "1", b: "3" }));
  });
});

describe("Pipelines: a database or bucket change rolls the services that read pipeline-install-config", () => {
  const store = {
    host: "minio.kubeflow-data",
    port: 9000,
    secure: false,
    region: "us-east-1",
    bucket: "a",
  };
  const db = { host: "mysql.kubeflow-data", port: 3306 };
  const apiServer = () =>
    workload("Deployment", {
      containers: [
        {
          env: [
            {
              name: "DBCONFIG_HOST",
              valueFrom: { configMapKeyRef: { name: CONFIG.name, key: "dbHost" } },
            },
          ],
        },
      ],
    });
  const checksum = (d: typeof db, s: typeof store) =>
    annotations(
      applyTransforms(apiServer(), pipelinesTransforms({ db: d, store: s, syncImage: "node" })),
    )?.[checksumAnnotation(CONFIG)];

  it("WHEN the database host or the bucket changes THEN the checksum changes", () => {
    const before = checksum(db, store);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    expect(checksum({ ...db, host: "rds.example" }, store)).not.toBe(before);
    expect(checksum(db, { ...store, bucket: "b" })).not.toBe(before);
    expect(checksum(db, store)).toBe(before);
  });
});
