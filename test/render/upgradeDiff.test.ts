// The upgrade diff's rules on small renders (the real two-render test is test/render/upgrade.test.ts).
import { describe, expect, it } from "vitest";
import { formatUpgradeDiff, upgradeDiff } from "../../components/render/upgradeDiff";
import { RenderedObject } from "../../components/render/objects";

const PARENT = "urn:pulumi:s::p::kubeflow-platform:x:App$kubernetes:kustomize/v2:Directory";
const obj = (
  apiVersion: string,
  kind: string,
  name: string,
  spec: object = {},
): RenderedObject => ({
  object: { apiVersion, kind, metadata: { name, namespace: "kubeflow" }, spec },
  urn: `${PARENT}$kubernetes:${apiVersion.includes("/") ? apiVersion : `core/${apiVersion}`}:${kind}::app:kubeflow/${name}`,
  component: "app",
  origin: "kustomize",
  source: PARENT,
  dependsOn: [],
});

describe("upgradeDiff", () => {
  const vs = obj("networking.istio.io/v1beta1", "VirtualService", "ui");
  const claim = obj("v1", "PersistentVolumeClaim", "data", { storageClassName: "a" });

  it("a version move an alias covers is an update; a changed immutable field of a claim is a stateful replacement", () => {
    const changes = upgradeDiff(
      [vs, claim],
      [
        obj("networking.istio.io/v1", "VirtualService", "ui"),
        obj("v1", "PersistentVolumeClaim", "data", { storageClassName: "b" }),
      ],
    );
    expect(changes.map((c) => [c.action, c.object, c.stateful])).toEqual([
      ["update", "VirtualService kubeflow/ui", false],
      ["replace", "PersistentVolumeClaim kubeflow/data", true],
    ]);
    expect(formatUpgradeDiff(changes)).toContain(
      "✗ replace PersistentVolumeClaim kubeflow/data (.spec.storageClassName): loses data",
    );
  });

  it("a move to a version no alias covers collides; a removed object is a deletion", () => {
    const moved = { ...obj("example.com/v2", "Widget", "w") };
    const changes = upgradeDiff([obj("example.com/v1", "Widget", "w"), claim], [moved]);
    expect(changes.map((c) => `${c.action} ${c.object}`)).toEqual([
      "collision Widget kubeflow/w",
      "delete PersistentVolumeClaim kubeflow/data",
    ]);
    expect(formatUpgradeDiff(changes)).toMatch(/✗ collision Widget kubeflow\/w: a new URN/);
  });

  it("nothing changed prints nothing", () => {
    expect(formatUpgradeDiff(upgradeDiff([vs], [vs]))).toBe("  nothing");
  });
});
