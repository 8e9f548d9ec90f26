// How the program reaches the cluster: a kubeconfig whose user logs in with `aws eks get-token` as
// the same AWS identity the program runs as (its profile, and the role it assumes), and the
// Kubernetes provider made from it. Without them the token would be the ambient identity's, which
// may not be an admin of the cluster at all.
import { KubernetesProviderSettings, kubernetesProviderOptions } from "../../lib/k8sProvider";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { execKubeconfig } from "../facts";
import { EksScope } from "./scope";

/** The AWS identity the program's provider uses: a named profile and a role it assumes. */
export interface AwsIdentity {
  profile?: string;
  roleArn?: string;
}

/**
 * The stack's AWS identity, as the aws provider reads it: `aws:profile` (else AWS_PROFILE), and
 * the first role of `aws:assumeRoles` (v7; `aws:assumeRole` before it). Checked in
 * @pulumi/aws config/vars.d.ts (profile, assumeRoles[].roleArn).
 */
export function programAwsIdentity(env: NodeJS.ProcessEnv = process.env): AwsIdentity {
  const config = new pulumi.Config("aws");
  const roles =
    config.getObject<{ roleArn?: string }[]>("assumeRoles") ??
    [config.getObject<{ roleArn?: string }>("assumeRole")].filter((r) => r !== undefined);
  return {
    profile: config.get("profile") ?? env.AWS_PROFILE,
    roleArn: roles[0]?.roleArn,
  };
}

/** A kubeconfig that logs in with `aws eks get-token` as `identity`. Pure. */
export function eksKubeconfig(args: {
  name: string;
  region: string;
  endpoint: string;
  caData: string;
  identity?: AwsIdentity;
}): string {
  const { profile, roleArn } = args.identity ?? {};
  return execKubeconfig({
    name: args.name,
    server: args.endpoint,
    caData: args.caData,
    exec: {
      command: "aws",
      args: [
        ...["eks", "get-token", "--cluster-name", args.name, "--region", args.region],
        ...(roleArn ? ["--role-arn", roleArn] : []),
      ],
      ...(profile ? { env: [{ name: "AWS_PROFILE", value: profile }] } : {}),
    },
  });
}

export interface EksAccess {
  /** The kubeconfig, secret. */
  kubeconfig: pulumi.Output<string>;
  provider: k8s.Provider;
}

/** The kubeconfig (secret) and the provider every Kubernetes object of the platform goes through. */
export function eksAccess(
  scope: EksScope,
  cluster: aws.eks.Cluster,
  region: string,
  settings: KubernetesProviderSettings = {},
): EksAccess {
  const identity = programAwsIdentity();
  const kubeconfig = pulumi.secret(
    pulumi
      .all([cluster.name, cluster.endpoint, cluster.certificateAuthority])
      .apply(([n, endpoint, ca]) =>
        eksKubeconfig({ name: n, region, endpoint, caData: ca.data ?? "", identity }),
      ),
  );
  const provider = new k8s.Provider(
    `${scope.name}-k8s`,
    { kubeconfig, clusterIdentifier: cluster.arn, ...kubernetesProviderOptions(settings) },
    { parent: scope.parent },
  );
  return { kubeconfig, provider };
}
