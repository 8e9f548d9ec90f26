// The transform toolkit: object-level transforms are pure and copy what they change; the Pulumi
// wrapper touches Kubernetes objects only.
import { describe, expect, it } from "vitest";
import { K8sObject } from "../../components/lib/k8s";
import {
  applyTransforms,
  forObject,
  mergeData,
  removeEnv,
  setEnv,
  toResourceTransform,
} from "../../components/lib/transforms";

const deployment = (): K8sObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "kubeflow" },
  spec: {
    template: {
      spec: {
        containers: [
          {
            name: "a",
            env: [
              { name: "KEEP", value: "1" },
              { name: "DROP", value: "2" },
            ],
          },
          { name: "b" },
        ],
      },
    },
  },
});
type Env = { name: string; value?: string }[];
const envs = (o: K8sObject) =>
  (o.spec as { template: { spec: { containers: { env?: Env }[] } } }).template.spec.containers.map(
    (c) => c.env,
  );

describe("object transforms", () => {
  it("forObject changes only the named object, on a copy", () => {
    const input = deployment();
    const t = forObject("Deployment", "web", setEnv({ NEW: "x" }));
    const out = t(input);
    expect(out).not.toBe(input);
    expect(envs(input)[1]).toBeUndefined();
    expect(envs(out)[1]).toEqual([{ name: "NEW", value: "x" }]);
    const other = { ...deployment(), metadata: { name: "api" } };
    expect(t(other)).toBe(other);
    expect(
      forObject("Deployment", undefined, (o) => ({ ...o, touched: true }))(other),
    ).toHaveProperty("touched", true);
  });

  it("setEnv replaces a variable in place of adding a duplicate; removeEnv drops by name", () => {
    const out = applyTransforms(deployment(), [
      forObject("Deployment", "web", setEnv({ KEEP: "changed" })),
      forObject("Deployment", "web", removeEnv(["DROP"])),
    ]);
    expect(envs(out)[0]).toEqual([{ name: "KEEP", value: "changed" }]);
  });

  it("mergeData keeps existing keys and overrides named ones", () => {
    const cm: K8sObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "c" },
      data: { a: "1", b: "2" },
    };
    expect(forObject("ConfigMap", "c", mergeData({ b: "3", c: "4" }))(cm).data).toEqual({
      a: "1",
      b: "3",
      c: "4",
    });
  });
});

describe("toResourceTransform", () => {
  const wrapped = toResourceTransform([forObject("Deployment", "web", setEnv({ X: "1" }))]);
  const args = (type: string, props: Record<string, unknown>) =>
    ({
      type,
      name: "n",
      props,
      opts: { protect: false, aliases: [] },
      custom: true,
    }) as unknown as Parameters<typeof wrapped>[0];

  it("applies the transforms to Kubernetes objects and returns no options (they would round-trip lossily)", () => {
    const result = wrapped(args("kubernetes:apps/v1:Deployment", deployment())) as {
      props: K8sObject;
      opts: unknown;
    };
    expect(envs(result.props)[1]).toEqual([{ name: "X", value: "1" }]);
    expect(result.opts).toBeUndefined();
  });

  it("leaves other resources (components, providers) alone", () => {
    expect(wrapped(args("kubernetes:helm.sh/v4:Chart", { chart: "x" }))).toBeUndefined();
    expect(
      wrapped(args("random:index/randomPassword:RandomPassword", { length: 3 })),
    ).toBeUndefined();
  });
});
