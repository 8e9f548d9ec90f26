// The Istio objects that make login work: gateway with TLS, the JWT → kubeflow-userid mapping, and
// the two authorization policies at the gateway.
import { describe, expect, it } from "vitest";
import { IngressSchema } from "../../components/config/schema";
import { DEX_ISSUER } from "../../components/foundation/dex";
import {
  SELF_SIGNED_TLS_SECRET,
  ingressAuthObjects,
  tlsSecretName,
} from "../../components/foundation/ingressAuth";
import { K8sObject } from "../../components/lib/k8s";
import { names, plan, under } from "../mocks";
import { validateObject } from "../schemaValidation";

const objects = (ingress: unknown) => ingressAuthObjects(IngressSchema.parse(ingress));
const find = (objs: K8sObject[], kind: string, name?: string) =>
  objs.find((o) => o.kind === kind && (!name || o.metadata.name === name)) as K8sObject & {
    spec: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

describe("ingress auth objects (pure)", () => {
  it("are valid Istio and cert-manager objects in every TLS mode", () => {
    for (const ingress of [
      {},
      { hostname: "kubeflow.example.com", tls: { mode: "secret", secretName: "my-tls" } },
    ])
      for (const o of objects(ingress)) expect(() => validateObject(o), o.kind).not.toThrow();
  });

  it("self-signed TLS: a cert-manager Certificate for the host, used by the gateway", () => {
    const objs = objects({ hostname: "kubeflow.example.com" });
    const cert = find(objs, "Certificate");
    expect(cert.spec).toMatchObject({
      secretName: SELF_SIGNED_TLS_SECRET,
      dnsNames: ["kubeflow.example.com"],
      issuerRef: { name: "kubeflow-self-signing-issuer", kind: "ClusterIssuer" },
    });
    const https = find(objs, "Gateway").spec.servers[1];
    expect(https.tls).toEqual({ mode: "SIMPLE", credentialName: SELF_SIGNED_TLS_SECRET });
    // Off localhost, plain HTTP redirects to HTTPS (the web apps set secure cookies).
    expect(find(objs, "Gateway").spec.servers[0].tls).toEqual({ httpsRedirect: true });
  });

  it("a user's certificate: no Certificate, the gateway names the user's secret", () => {
    const ingress = { hostname: "kf.example.com", tls: { mode: "secret", secretName: "my-tls" } };
    const objs = objects(ingress);
    expect(find(objs, "Certificate")).toBeUndefined();
    expect(tlsSecretName(IngressSchema.parse(ingress))).toBe("my-tls");
    expect(find(objs, "Gateway").spec.servers[1].tls.credentialName).toBe("my-tls");
  });

  it("on localhost plain HTTP stays open for port-forwarding", () => {
    expect(find(objects({}), "Gateway").spec.servers[0].tls).toBeUndefined();
  });

  it("maps the Dex token's email claim to kubeflow-userid", () => {
    const ra = find(objects({}), "RequestAuthentication");
    expect(ra.spec.jwtRules).toEqual([
      expect.objectContaining({
        issuer: DEX_ISSUER,
        outputClaimToHeaders: expect.arrayContaining([
          { header: "kubeflow-userid", claim: "email" },
        ]),
      }),
    ]);
  });

  it("sends token-less requests to oauth2-proxy and denies requests without a principal, except login paths", () => {
    const objs = objects({});
    const custom = find(objs, "AuthorizationPolicy", "istio-ingressgateway-oauth2-proxy");
    expect(custom.spec).toMatchObject({ action: "CUSTOM", provider: { name: "oauth2-proxy" } });
    expect(custom.spec.rules[0].when).toEqual([
      { key: "request.headers[authorization]", notValues: ["*"] },
    ]);
    const deny = find(objs, "AuthorizationPolicy", "istio-ingressgateway-require-jwt");
    expect(deny.spec.action).toBe("DENY");
    expect(deny.spec.rules[0].from).toEqual([{ source: { notRequestPrincipals: ["*"] } }]);
    const loginPaths = deny.spec.rules[0].to[0].operation.notPaths as string[];
    expect(loginPaths).toEqual(expect.arrayContaining(["/dex/*", "/oauth2/*"]));
    expect(custom.spec.rules[0].to[0].operation.notPaths).toEqual(loginPaths);
  });
});

describe("IngressAuth component", () => {
  it("registers one resource per object, after the CRDs are in", async () => {
    const all = await plan();
    const regs = under(all, "ingress-auth");
    expect(names(regs)).toEqual([
      "ingress-auth-authorizationpolicy-istio-ingressgateway-oauth2-proxy",
      "ingress-auth-authorizationpolicy-istio-ingressgateway-require-jwt",
      "ingress-auth-certificate-kubeflow-gateway-tls",
      "ingress-auth-gateway-kubeflow-gateway",
      "ingress-auth-requestauthentication-dex-jwt",
      "ingress-auth-virtualservice-dex",
      "ingress-auth-virtualservice-oauth2-proxy",
    ]);
    const istioBase = all.find((r) => r.name === "istio-base")!;
    for (const r of regs) expect(r.dependsOn, r.name).toContain(istioBase.urn);
  });
});

describe("Let's Encrypt and a static address", () => {
  it("an ACME issuer answering HTTP-01 through the gateway, and a certificate for the host", () => {
    const objs = objects({
      hostname: "kubeflow.example.com",
      serviceType: "LoadBalancer",
      staticIp: "203.0.113.10",
      tls: { mode: "letsEncrypt", email: "platform@example.com", staging: true },
    });
    for (const o of objs) expect(() => validateObject(o), o.kind).not.toThrow();
    const issuer = find(objs, "ClusterIssuer");
    expect(issuer.spec.acme).toMatchObject({
      server: "https://acme-staging-v02.api.letsencrypt.org/directory",
      email: "platform@example.com",
      solvers: [{ http01: { ingress: { ingressClassName: "istio" } } }],
    });
    expect(find(objs, "IngressClass").spec).toEqual({ controller: "istio.io/ingress-controller" });
    expect(find(objs, "Certificate").spec).toMatchObject({
      dnsNames: ["kubeflow.example.com"],
      issuerRef: { name: "letsencrypt", kind: "ClusterIssuer" },
    });
  });
});
