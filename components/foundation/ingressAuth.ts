// The Istio objects that make login work, written by us: the Kubeflow gateway with TLS, routes to
// Dex and oauth2-proxy, the JWT check that turns the token's email into the kubeflow-userid header,
// and the policies that send anonymous requests to oauth2-proxy and deny anything without a
// principal except the login paths.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { IngressConfig } from "../config/schema";
import { K8sObject, labels } from "../lib/k8s";
import { SELF_SIGNING_ISSUER } from "./certManager";
import { DEX_ISSUER, DEX_NAMESPACE, DEX_PORT } from "./dex";
import { INGRESS_GATEWAY_NAME, ISTIO_NAMESPACE, OAUTH2_PROXY_PROVIDER } from "./istio";
import { OAUTH2_PROXY_NAMESPACE } from "./oauth2Proxy";

export const KUBEFLOW_NAMESPACE = "kubeflow";
export const KUBEFLOW_GATEWAY = "kubeflow-gateway";
/** Gateway TLS secrets must live in the gateway pods' namespace. */
export const SELF_SIGNED_TLS_SECRET = "kubeflow-gateway-tls";
const LOGIN_PATHS = ["/dex/*", "/dex/**", "/oauth2/*"];
const GATEWAY_SELECTOR = { matchLabels: { app: INGRESS_GATEWAY_NAME } };

export const LETS_ENCRYPT_ISSUER = "letsencrypt";

export function tlsSecretName(ingress: IngressConfig): string {
  return ingress.tls.mode === "secret" ? ingress.tls.secretName! : SELF_SIGNED_TLS_SECRET;
}

/** Every object, in apply order. Pure. */
export function ingressAuthObjects(ingress: IngressConfig): K8sObject[] {
  const l = labels("ingress-auth");
  const objects: K8sObject[] = [];
  if (ingress.tls.mode === "letsEncrypt") {
    // ACME HTTP-01: cert-manager answers the challenge through an Ingress of class "istio", which
    // istiod serves on the ingress gateway.
    objects.push(
      {
        apiVersion: "networking.k8s.io/v1",
        kind: "IngressClass",
        metadata: { name: "istio", labels: l },
        spec: { controller: "istio.io/ingress-controller" },
      },
      {
        apiVersion: "cert-manager.io/v1",
        kind: "ClusterIssuer",
        metadata: { name: LETS_ENCRYPT_ISSUER, labels: l },
        spec: {
          acme: {
            server: ingress.tls.staging
              ? "https://acme-staging-v02.api.letsencrypt.org/directory"
              : "https://acme-v02.api.letsencrypt.org/directory",
            email: ingress.tls.email,
            privateKeySecretRef: { name: `${LETS_ENCRYPT_ISSUER}-account` },
            solvers: [{ http01: { ingress: { ingressClassName: "istio" } } }],
          },
        },
      },
      {
        apiVersion: "cert-manager.io/v1",
        kind: "Certificate",
        metadata: { name: SELF_SIGNED_TLS_SECRET, namespace: ISTIO_NAMESPACE, labels: l },
        spec: {
          secretName: SELF_SIGNED_TLS_SECRET,
          dnsNames: [ingress.hostname],
          privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
          issuerRef: { name: LETS_ENCRYPT_ISSUER, kind: "ClusterIssuer", group: "cert-manager.io" },
        },
      },
    );
  }
  if (ingress.tls.mode === "selfSigned") {
    objects.push({
      apiVersion: "cert-manager.io/v1",
      kind: "Certificate",
      metadata: { name: SELF_SIGNED_TLS_SECRET, namespace: ISTIO_NAMESPACE, labels: l },
      spec: {
        secretName: SELF_SIGNED_TLS_SECRET,
        commonName: ingress.hostname,
        dnsNames: [ingress.hostname],
        duration: "2160h",
        renewBefore: "360h",
        privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
        issuerRef: { name: SELF_SIGNING_ISSUER, kind: "ClusterIssuer", group: "cert-manager.io" },
      },
    });
  }
  objects.push(
    {
      apiVersion: "networking.istio.io/v1",
      kind: "Gateway",
      metadata: { name: KUBEFLOW_GATEWAY, namespace: KUBEFLOW_NAMESPACE, labels: l },
      spec: {
        selector: { istio: "ingressgateway" },
        servers: [
          // Plain HTTP stays open for `kubectl port-forward` on localhost; browsers elsewhere are
          // redirected, because Kubeflow's web apps set secure cookies.
          {
            port: { number: 80, name: "http", protocol: "HTTP" },
            hosts: ["*"],
            ...(ingress.hostname === "localhost" ? {} : { tls: { httpsRedirect: true } }),
          },
          {
            port: { number: 443, name: "https", protocol: "HTTPS" },
            hosts: ["*"],
            tls: { mode: "SIMPLE", credentialName: tlsSecretName(ingress) },
          },
        ],
      },
    },
    virtualService("dex", "/dex/", `dex.${DEX_NAMESPACE}.svc.cluster.local`, DEX_PORT, l),
    virtualService(
      "oauth2-proxy",
      "/oauth2/",
      `oauth2-proxy.${OAUTH2_PROXY_NAMESPACE}.svc.cluster.local`,
      80,
      l,
    ),
    {
      apiVersion: "security.istio.io/v1",
      kind: "RequestAuthentication",
      metadata: { name: "dex-jwt", namespace: ISTIO_NAMESPACE, labels: l },
      spec: {
        // Only at the gateway: tokens are checked once, at the edge.
        selector: GATEWAY_SELECTOR,
        jwtRules: [
          {
            issuer: DEX_ISSUER,
            jwksUri: `${DEX_ISSUER}/keys`,
            forwardOriginalToken: true,
            outputClaimToHeaders: [
              { header: "kubeflow-userid", claim: "email" },
              { header: "kubeflow-groups", claim: "groups" },
            ],
            fromHeaders: [{ name: "Authorization", prefix: "Bearer " }],
          },
        ],
      },
    },
    {
      apiVersion: "security.istio.io/v1",
      kind: "AuthorizationPolicy",
      metadata: {
        name: "istio-ingressgateway-oauth2-proxy",
        namespace: ISTIO_NAMESPACE,
        labels: l,
      },
      spec: {
        action: "CUSTOM",
        provider: { name: OAUTH2_PROXY_PROVIDER },
        selector: GATEWAY_SELECTOR,
        // Requests that carry no token go through oauth2-proxy (login or cookie → token).
        rules: [
          {
            when: [{ key: "request.headers[authorization]", notValues: ["*"] }],
            to: [{ operation: { notPaths: LOGIN_PATHS } }],
          },
        ],
      },
    },
    {
      apiVersion: "security.istio.io/v1",
      kind: "AuthorizationPolicy",
      metadata: { name: "istio-ingressgateway-require-jwt", namespace: ISTIO_NAMESPACE, labels: l },
      spec: {
        action: "DENY",
        selector: GATEWAY_SELECTOR,
        rules: [
          {
            from: [{ source: { notRequestPrincipals: ["*"] } }],
            to: [{ operation: { notPaths: LOGIN_PATHS } }],
          },
        ],
      },
    },
  );
  return objects;
}

function virtualService(
  name: string,
  prefix: string,
  host: string,
  port: number,
  l: Record<string, string>,
): K8sObject {
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "VirtualService",
    metadata: { name, namespace: KUBEFLOW_NAMESPACE, labels: l },
    spec: {
      gateways: [`${KUBEFLOW_NAMESPACE}/${KUBEFLOW_GATEWAY}`],
      hosts: ["*"],
      http: [
        {
          match: [{ uri: { prefix } }],
          route: [{ destination: { host, port: { number: port } } }],
        },
      ],
    },
  };
}

export interface IngressAuthArgs {
  ingress: IngressConfig;
  /** The CRDs and webhooks these objects need (Istio, cert-manager) and the kubeflow namespace. */
  dependsOn: pulumi.Resource[];
}

export class IngressAuth extends pulumi.ComponentResource {
  constructor(name: string, args: IngressAuthArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:foundation:IngressAuth", name, {}, opts);
    for (const obj of ingressAuthObjects(args.ingress)) {
      new k8s.apiextensions.CustomResource(
        `${name}-${obj.kind.toLowerCase()}-${obj.metadata.name}`,
        obj,
        { parent: this, dependsOn: args.dependsOn },
      );
    }
    this.registerOutputs({});
  }
}
