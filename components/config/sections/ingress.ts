// ingress: how users reach the platform (host name, how the gateway is exposed, TLS), then the rule
// that refuses options of another service type or TLS mode.
import { z } from "zod";
import { cidr, email, hostname, nodePort, stringMap } from "../fields";
import { RuleCtx, issue } from "../issue";

const IngressFields = z.strictObject({
  hostname: hostname()
    .default("localhost")
    .meta({
      description: "Host name users type in the browser; the TLS certificate is issued for it.",
      examples: ["kubeflow.example.com"],
    }),
  serviceType: z
    .enum(["ClusterIP", "NodePort", "LoadBalancer"], {
      error: 'must be "ClusterIP", "NodePort" or "LoadBalancer"',
    })
    .default("ClusterIP")
    .meta({
      description:
        "How the ingress gateway is exposed. ClusterIP means kubectl port-forward; on-prem clusters often have no load balancer.",
      examples: ["LoadBalancer"],
    }),
  httpsNodePort: nodePort()
    .optional()
    .meta({
      description:
        "Fixed node port for HTTPS (serviceType NodePort only). @default assigned by Kubernetes",
      examples: [30443],
    }),
  httpNodePort: nodePort()
    .optional()
    .meta({
      description:
        "Fixed node port for HTTP (serviceType NodePort only). @default assigned by Kubernetes",
      examples: [30080],
    }),
  loadBalancerSourceRanges: z
    .array(cidr())
    .optional()
    .meta({
      description:
        "CIDRs allowed to reach the load balancer (serviceType LoadBalancer only). @default open to all",
      examples: [["10.0.0.0/8"]],
    }),
  staticIp: z
    .ipv4({ error: "must be an IPv4 address" })
    .optional()
    .meta({
      description:
        "A reserved address for the LoadBalancer (GCP static IP, Azure public IP in the node resource group, MetalLB pool address). @default one the cloud assigns",
      examples: ["203.0.113.10"],
    }),
  serviceAnnotations: stringMap()
    .default({})
    .meta({
      description:
        "Extra annotations for the gateway Service, e.g. for a cloud or MetalLB load balancer.",
      examples: [{ "metallb.universe.tf/address-pool": "lab" }],
    }),
  tls: z
    .strictObject({
      mode: z
        .enum(["selfSigned", "secret", "letsEncrypt"], {
          error: 'must be "selfSigned", "secret" or "letsEncrypt"',
        })
        .default("selfSigned")
        .meta({
          description:
            "selfSigned: cert-manager issues a certificate; secret: use your own TLS secret in istio-system; letsEncrypt: cert-manager gets one from Let's Encrypt (HTTP-01 through the gateway).",
          examples: ["letsEncrypt"],
        }),
      email: email()
        .optional()
        .meta({
          description: "Contact for Let's Encrypt (letsEncrypt only).",
          examples: ["platform@example.com"],
        }),
      staging: z
        .boolean()
        .default(false)
        .meta({
          description: "Use Let's Encrypt's staging server (untrusted certificates, high limits).",
          examples: [true],
        }),
      secretName: hostname()
        .optional()
        .meta({
          description: "Name of a kubernetes.io/tls Secret in istio-system (mode secret only).",
          examples: ["kubeflow-tls"],
        }),
    })
    .prefault({}),
});
export const IngressSchema = IngressFields.superRefine(checkIngress).prefault({});

/** Options of one service type or TLS mode are refused under another, where they would do nothing. */
function checkIngress(ingress: z.output<typeof IngressFields>, ctx: RuleCtx) {
  // Ingress exposure options only make sense for their service type.
  if (ingress.serviceType !== "NodePort") {
    for (const key of ["httpsNodePort", "httpNodePort"] as const) {
      if (ingress[key] !== undefined) {
        issue(
          ctx,
          [key],
          `only applies when ingress.serviceType is "NodePort" (it is "${ingress.serviceType}")`,
          ingress[key],
          `remove it, or set ingress.serviceType to NodePort`,
        );
      }
    }
  } else if (
    ingress.httpsNodePort !== undefined &&
    ingress.httpsNodePort === ingress.httpNodePort
  ) {
    issue(
      ctx,
      ["httpNodePort"],
      "must differ from ingress.httpsNodePort",
      ingress.httpNodePort,
      "pick another port in 30000-32767",
      [{ value: ingress.httpsNodePort === 30080 ? 30081 : 30080 }],
    );
  }
  if (ingress.serviceType !== "LoadBalancer" && ingress.loadBalancerSourceRanges !== undefined) {
    issue(
      ctx,
      ["loadBalancerSourceRanges"],
      `only applies when ingress.serviceType is "LoadBalancer" (it is "${ingress.serviceType}")`,
      ingress.loadBalancerSourceRanges,
      "remove it, or set ingress.serviceType to LoadBalancer",
    );
  }
  if (ingress.tls.mode === "secret" && !ingress.tls.secretName) {
    issue(
      ctx,
      ["tls", "secretName"],
      'required when ingress.tls.mode is "secret"',
      undefined,
      "name your kubernetes.io/tls Secret in istio-system",
      [{ value: "kubeflow-tls" }],
    );
  }
  if (ingress.tls.mode === "letsEncrypt") {
    if (!ingress.tls.email)
      issue(
        ctx,
        ["tls", "email"],
        'required when ingress.tls.mode is "letsEncrypt"',
        undefined,
        "give Let's Encrypt a contact",
        [{ value: "platform@example.com" }],
      );
    if (ingress.hostname === "localhost")
      issue(
        ctx,
        ["hostname"],
        "Let's Encrypt needs a public DNS name pointing at the gateway",
        ingress.hostname,
        "set it to your platform's DNS name",
        [{ value: "kubeflow.example.com" }],
      );
  }
  if (ingress.staticIp && ingress.serviceType !== "LoadBalancer")
    issue(
      ctx,
      ["staticIp"],
      `only applies when ingress.serviceType is "LoadBalancer" (it is "${ingress.serviceType}")`,
      ingress.staticIp,
      "remove it, or set ingress.serviceType to LoadBalancer",
    );
  if (ingress.tls.mode !== "secret" && ingress.tls.secretName) {
    issue(
      ctx,
      ["tls", "secretName"],
      'only applies when ingress.tls.mode is "secret"',
      ingress.tls.secretName,
      "remove it, or set ingress.tls.mode to secret",
    );
  }
}
