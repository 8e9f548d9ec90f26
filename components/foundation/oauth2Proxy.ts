// oauth2-proxy from its official chart, as Dex's OIDC client and Istio's external authorizer.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { pinnedChart } from "../upstream/charts";
import { labels } from "../lib/k8s";
import { AppRequests } from "../lib/workloads";
import { charts } from "../versions";
import { DEX_ISSUER, OIDC_CLIENT_ID } from "./dex";

export const OAUTH2_PROXY_NAMESPACE = "oauth2-proxy";

export const OAUTH2_PROXY_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "10m", memory: "32Mi" },
};

/** oauth2-proxy's config file: Dex behind the gateway, tokens forwarded for Istio to verify. */
export function oauth2ProxyConfigFile(): string {
  const lines = [
    'provider = "oidc"',
    `oidc_issuer_url = "${DEX_ISSUER}"`,
    // Discovery would send browsers to the in-cluster Dex URL; use the gateway's /dex path instead.
    "skip_oidc_discovery = true",
    'login_url = "/dex/auth"',
    `redeem_url = "${DEX_ISSUER}/token"`,
    `oidc_jwks_url = "${DEX_ISSUER}/keys"`,
    'scope = "profile email groups openid"',
    'email_domains = [ "*" ]',
    'upstreams = [ "static://200" ]',
    'skip_auth_routes = [ "^/dex/" ]',
    'api_routes = [ "/api/", "/apis/", "^/ml_metadata" ]',
    "set_authorization_header = true",
    "set_xauthrequest = true",
    'cookie_name = "oauth2_proxy_kubeflow"',
    'cookie_expire = "24h"',
    "cookie_refresh = 0",
    "cookie_secure = true",
    'code_challenge_method = "S256"',
    'redirect_url = "/oauth2/callback"',
    "relative_redirect_url = true",
    'prompt = "none"',
    'provider_display_name = "Dex"',
  ];
  return lines.join("\n") + "\n";
}

export interface OAuth2ProxyArgs {
  clientSecret: pulumi.Input<string>;
}

export class OAuth2Proxy extends pulumi.ComponentResource {
  constructor(name: string, args: OAuth2ProxyArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:foundation:OAuth2Proxy", name, {}, opts);
    const ns = new k8s.core.v1.Namespace(
      `${name}-namespace`,
      { metadata: { name: OAUTH2_PROXY_NAMESPACE, labels: labels("oauth2-proxy") } },
      { parent: this },
    );
    // 32 ASCII characters = a 32-byte AES key, as oauth2-proxy requires.
    const cookieSecret = new random.RandomPassword(
      `${name}-cookie-secret`,
      { length: 32, special: false },
      { parent: this },
    );
    pinnedChart(
      `${name}-chart`,
      charts.oauth2Proxy,
      OAUTH2_PROXY_NAMESPACE,
      {
        fullnameOverride: "oauth2-proxy",
        image: { tag: charts.oauth2Proxy.images[0].split(":")[1] },
        config: {
          clientID: OIDC_CLIENT_ID,
          clientSecret: pulumi.secret(args.clientSecret),
          cookieSecret: pulumi.secret(cookieSecret.result),
          configFile: oauth2ProxyConfigFile(),
        },
        service: { portNumber: 80 },
        resources: { requests: OAUTH2_PROXY_REQUESTS.requests },
      },
      { parent: this, dependsOn: [ns] },
    );
    this.registerOutputs({});
  }
}
