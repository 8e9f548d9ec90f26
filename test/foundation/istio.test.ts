// Istio: base (CRDs), istiod with the oauth2-proxy external authorizer, optional CNI, and the
// ingress gateway exposed as configured.
import { describe, expect, it } from "vitest";
import { IngressSchema } from "../../components/config/schema";
import {
  INGRESS_GATEWAY_NAME,
  OAUTH2_PROXY_PROVIDER,
  gatewayValues,
  istiodValues,
} from "../../components/foundation/istio";
import { charts } from "../../components/versions";
import { LOCAL_CONFIG, byName, names, plan, under } from "../mocks";

type Values = Record<string, unknown> & { service: Record<string, unknown> };
const gateway = (ingress: unknown) => gatewayValues(IngressSchema.parse(ingress)) as Values;

describe("istiod values (pure)", () => {
  it("declare oauth2-proxy as the external authorizer, forwarding the headers login needs", () => {
    const mesh = (istiodValues(false) as { meshConfig: { extensionProviders: unknown[] } })
      .meshConfig;
    expect(mesh.extensionProviders).toEqual([
      expect.objectContaining({
        name: OAUTH2_PROXY_PROVIDER,
        envoyExtAuthzHttp: expect.objectContaining({
          service: "oauth2-proxy.oauth2-proxy.svc.cluster.local",
          port: 80,
          includeRequestHeadersInCheck: expect.arrayContaining(["authorization", "cookie"]),
          headersToUpstreamOnAllow: expect.arrayContaining(["authorization"]),
          headersToDownstreamOnDeny: expect.arrayContaining(["set-cookie"]),
        }),
      }),
    ]);
  });

  it("turn on istiod's CNI mode only with the CNI agent", () => {
    const pilot = (v: Record<string, unknown>) => (v.pilot as { cni: { enabled: boolean } }).cni;
    expect(pilot(istiodValues(true)).enabled).toBe(true);
    expect(pilot(istiodValues(false)).enabled).toBe(false);
  });
});

describe("gateway values (pure)", () => {
  it("ClusterIP by default (kubectl port-forward), HTTP and HTTPS ports", () => {
    const v = gateway({});
    expect(v.service.type).toBe("ClusterIP");
    expect(v.service.ports).toEqual([
      expect.objectContaining({ name: "http2", port: 80 }),
      expect.objectContaining({ name: "https", port: 443 }),
    ]);
    expect(v.service.annotations).toEqual({});
  });

  it("NodePort with fixed node ports", () => {
    const v = gateway({ serviceType: "NodePort", httpsNodePort: 30443, httpNodePort: 30080 });
    expect(v.service.ports).toEqual([
      expect.objectContaining({ port: 80, nodePort: 30080 }),
      expect.objectContaining({ port: 443, nodePort: 30443 }),
    ]);
  });

  it("a LoadBalancer skips the await (no address must not hang pulumi up) and keeps user annotations", () => {
    const v = gateway({
      serviceType: "LoadBalancer",
      loadBalancerSourceRanges: ["10.0.0.0/8"],
      serviceAnnotations: { "metallb.universe.tf/address-pool": "lab" },
    });
    expect(v.service.annotations).toEqual({
      "metallb.universe.tf/address-pool": "lab",
      "pulumi.com/skipAwait": "true",
    });
    expect(v.service.loadBalancerSourceRanges).toEqual(["10.0.0.0/8"]);
    expect(
      gateway({ serviceType: "LoadBalancer", staticIp: "203.0.113.10" }).service,
    ).toMatchObject({
      loadBalancerIP: "203.0.113.10",
    });
  });
});

describe("Istio component", () => {
  it("registers base, CNI, istiod and the gateway in order; no CNI only when asked", async () => {
    const regs = under(await plan({ ...LOCAL_CONFIG, istio: { cni: false } }), "istio");
    expect(names(regs)).toEqual([
      "istio-base",
      "istio-ingressgateway",
      "istio-istiod",
      "istio-namespace",
    ]);
    expect(byName(regs, "istio-istiod").dependsOn).toContain(byName(regs, "istio-base").urn);
    expect(byName(regs, "istio-ingressgateway").dependsOn).toContain(
      byName(regs, "istio-istiod").urn,
    );
    expect(byName(regs, "istio-ingressgateway").inputs).toMatchObject({
      name: INGRESS_GATEWAY_NAME,
      version: charts.istioGateway.version,
    });

    // CNI is the default (upstream 26.03 runs it): no istio-init for Pod Security to refuse.
    const withCni = under(await plan(), "istio");
    const cni = byName(withCni, "istio-cni");
    expect(cni.inputs).toMatchObject({
      namespace: "kube-system",
      version: charts.istioCni.version,
    });
    // The cni chart 1.28.0 has no "default" profile (helm: unknown profile default).
    expect((cni.inputs.values as Record<string, unknown>).profile).toBeUndefined();
    expect(byName(withCni, "istio-istiod").dependsOn).toContain(cni.urn);
  });
});
