// Teardown: CRDs of charts and kustomizations are retained, so a destroy (or a removed component)
// never deletes the users' objects of those kinds in retained namespaces, and never leaves a CRD
// terminating on a finalizer whose controller was deleted beside it.
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  isCrdRegistration,
  retainCustomResourceDefinitions,
  upstreamResourceTransforms,
} from "../../components/lib/teardown";
import { LOCAL_CONFIG, plan } from "../mocks";

const args = (type: string, kind: string, opts: pulumi.ResourceOptions = {}) =>
  ({
    type,
    name: `x-${kind}`,
    custom: true,
    props: { apiVersion: "v1", kind, metadata: { name: "x" } },
    opts,
  }) as unknown as pulumi.ResourceTransformArgs;

describe("retainCustomResourceDefinitions (pure)", () => {
  it("a CRD is retained on delete; its other options are kept", () => {
    const dependsOn = [
      new pulumi.DependencyResource("urn:pulumi:s::p::kubernetes:core/v1:Namespace::ns"),
    ];
    const crd = args(
      "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition",
      "CustomResourceDefinition",
      { dependsOn, ignoreChanges: ["status"] },
    );
    expect(isCrdRegistration(crd)).toBe(true);
    const result = retainCustomResourceDefinitions(crd) as pulumi.ResourceTransformResult;
    expect(result.opts).toMatchObject({
      retainOnDelete: true,
      dependsOn,
      ignoreChanges: ["status"],
    });
    expect(result.props).toBe(crd.props);
  });

  it("controllers, custom resources and the chart component itself pass untouched", () => {
    for (const [type, kind] of [
      ["kubernetes:apps/v1:Deployment", "Deployment"],
      ["kubernetes:kubeflow.org/v1:Profile", "Profile"],
      ["kubernetes:helm.sh/v4:Chart", "CustomResourceDefinition"],
    ])
      expect(retainCustomResourceDefinitions(args(type, kind)), type).toBeUndefined();
  });

  it("every chart and kustomization carries it, after the object transforms", async () => {
    expect(upstreamResourceTransforms([])[1]).toBe(retainCustomResourceDefinitions);
    const regs = await plan(LOCAL_CONFIG);
    const upstream = regs.filter((r) =>
      ["kubernetes:helm.sh/v4:Chart", "kubernetes:kustomize/v2:Directory"].includes(r.type),
    );
    expect(upstream.length).toBeGreaterThan(10);
    for (const r of upstream) expect(r.transforms, r.name).toBe(2);
  });
});
