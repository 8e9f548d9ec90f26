// Every Kubernetes resource is aliased to the other served versions of its kind, so an upstream
// move between versions is an update, never a create that collides (AlreadyExists).
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { apiVersionAliases, otherVersionTypes } from "../../components/lib/apiVersionAliases";

const args = (type: string, opts: Record<string, unknown> = {}) =>
  ({
    type,
    name: "istio:kubeflow/x",
    custom: true,
    props: { kind: "X" },
    opts,
  }) as unknown as pulumi.ResourceTransformArgs;

describe("otherVersionTypes", () => {
  it("names the other served versions of a multi-version kind", () => {
    expect(otherVersionTypes("kubernetes:networking.istio.io/v1alpha3:VirtualService")).toEqual([
      "kubernetes:networking.istio.io/v1:VirtualService",
      "kubernetes:networking.istio.io/v1beta1:VirtualService",
    ]);
    expect(otherVersionTypes("kubernetes:autoscaling/v2:HorizontalPodAutoscaler")).toEqual([
      "kubernetes:autoscaling/v1:HorizontalPodAutoscaler",
    ]);
  });

  it("none for a single-version kind, a version it does not serve, or a non-object", () => {
    expect(otherVersionTypes("kubernetes:core/v1:Service")).toEqual([]);
    expect(otherVersionTypes("kubernetes:networking.istio.io/v2:VirtualService")).toEqual([]);
    expect(otherVersionTypes("kubernetes:kustomize/v2:Directory")).toEqual([]);
  });
});

describe("the stack transform", () => {
  it("adds the aliases to the resource's own and hands the other options back", () => {
    const provider = { urn: "p" };
    const out = apiVersionAliases(
      args("kubernetes:security.istio.io/v1beta1:AuthorizationPolicy", {
        aliases: [{ name: "old" }],
        provider,
        protect: true,
      }),
    ) as pulumi.ResourceTransformResult;
    expect(out.opts.aliases).toEqual([
      { name: "old" },
      { type: "kubernetes:security.istio.io/v1:AuthorizationPolicy" },
    ]);
    expect(out.opts.provider).toBe(provider);
    expect(out.opts.protect).toBe(true);
  });

  it("does not turn an unset protect or retainOnDelete into an explicit false", () => {
    const out = apiVersionAliases(
      args("kubernetes:kubeflow.org/v1:Profile", { protect: false, retainOnDelete: false }),
    ) as pulumi.ResourceTransformResult;
    expect(out.opts).not.toHaveProperty("protect");
    expect(out.opts).not.toHaveProperty("retainOnDelete");
  });

  it("returns nothing (options untouched) for a kind with one served version", () => {
    expect(apiVersionAliases(args("kubernetes:apps/v1:Deployment"))).toBeUndefined();
  });
});
