// Dex from its official chart. Static users get generated passwords: Pulumi keeps the password as a
// secret output, the cluster only ever sees its bcrypt hash (inside the chart's config Secret).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { AuthConfig } from "../config/schema";
import { pinnedChart } from "../upstream/charts";
import { labels } from "../lib/k8s";
import { AppRequests } from "../lib/workloads";
import { dnsLabelName, staticUserId } from "../lib/naming";
import { charts } from "../versions";

export const DEX_NAMESPACE = "auth";
export const DEX_PORT = 5556;
export const DEX_ISSUER = `http://dex.${DEX_NAMESPACE}.svc.cluster.local:${DEX_PORT}/dex`;
/** The OIDC client id oauth2-proxy uses (upstream's name, kept for familiarity). */
export const OIDC_CLIENT_ID = "kubeflow-oidc-authservice";

export const DEX_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "10m", memory: "32Mi" },
};

export interface StaticPassword {
  email: string;
  username: string;
  hash: pulumi.Input<string>;
}

/** Dex's configuration. Pure: hashes and secrets arrive as inputs. */
export function dexConfig(args: {
  auth: AuthConfig;
  hostname: string;
  staticPasswords: StaticPassword[];
  clientSecret: pulumi.Input<string>;
}): Record<string, unknown> {
  return {
    issuer: DEX_ISSUER,
    storage: { type: "kubernetes", config: { inCluster: true } },
    web: { http: `0.0.0.0:${DEX_PORT}` },
    logger: { level: "info", format: "json" },
    oauth2: { skipApprovalScreen: true },
    enablePasswordDB: args.staticPasswords.length > 0,
    staticPasswords: args.staticPasswords.map((u) => ({
      email: u.email,
      hash: u.hash,
      username: u.username,
      userID: staticUserId(u.email),
    })),
    staticClients: [
      {
        id: OIDC_CLIENT_ID,
        name: "Kubeflow",
        secret: args.clientSecret,
        // oauth2-proxy uses a relative redirect, so any host name reaching the gateway works.
        redirectURIs: ["/oauth2/callback"],
      },
    ],
    connectors: args.auth.connectors.map((c) => ({
      type: c.type,
      id: c.id,
      name: c.name,
      config: { redirectURI: `https://${args.hostname}/dex/callback`, ...c.config },
    })),
  };
}

export function usernameFor(user: { email: string; username?: string }): string {
  return user.username ?? dnsLabelName(user.email.split("@")[0]);
}

export interface DexArgs {
  auth: AuthConfig;
  hostname: string;
}

export class Dex extends pulumi.ComponentResource {
  /** email → generated password (secret). */
  readonly passwords: Record<string, pulumi.Output<string>>;
  /** The OIDC client secret shared with oauth2-proxy (secret). */
  readonly clientSecret: pulumi.Output<string>;
  readonly chart: k8s.helm.v4.Chart;

  constructor(name: string, args: DexArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:foundation:Dex", name, {}, opts);
    const ns = new k8s.core.v1.Namespace(
      `${name}-namespace`,
      { metadata: { name: DEX_NAMESPACE, labels: labels("dex") } },
      { parent: this },
    );
    this.passwords = {};
    const staticPasswords: StaticPassword[] = args.auth.staticUsers.map((u) => {
      const password = new random.RandomPassword(
        `${name}-password-${dnsLabelName(u.email)}`,
        { length: 24, special: false },
        { parent: this },
      );
      this.passwords[u.email] = pulumi.secret(password.result);
      return { email: u.email, username: usernameFor(u), hash: pulumi.secret(password.bcryptHash) };
    });
    const client = new random.RandomPassword(
      `${name}-oidc-client-secret`,
      { length: 32, special: false },
      { parent: this },
    );
    this.clientSecret = pulumi.secret(client.result);

    const config = dexConfig({
      auth: args.auth,
      hostname: args.hostname,
      staticPasswords,
      clientSecret: this.clientSecret,
    });
    this.chart = pinnedChart(
      `${name}-chart`,
      charts.dex,
      DEX_NAMESPACE,
      {
        fullnameOverride: "dex",
        image: { tag: charts.dex.images[0].split(":")[1] },
        // Connector settings may hold client secrets: the whole config is a secret.
        config: pulumi.secret(config),
        resources: { requests: DEX_REQUESTS.requests },
        service: { ports: { http: { port: DEX_PORT } } },
      },
      { parent: this, dependsOn: [ns] },
    );
    this.registerOutputs({ passwords: this.passwords });
  }
}
