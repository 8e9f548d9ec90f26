// IAM roles for service accounts (IRSA): the cluster's OIDC provider, and roles that trust exactly
// the named Kubernetes service accounts of this cluster's issuer.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EksScope } from "./scope";

/** Trust policy of a role for exact Kubernetes service accounts (IRSA). Pure. */
export function irsaTrustPolicy(
  oidcProviderArn: string,
  issuerHostPath: string,
  serviceAccounts: string[],
): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: oidcProviderArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${issuerHostPath}:aud`]: "sts.amazonaws.com",
            [`${issuerHostPath}:sub`]: serviceAccounts.map((sa) => `system:serviceaccount:${sa}`),
          },
        },
      },
    ],
  };
}

export interface EksIdentity {
  oidcProviderArn: pulumi.Output<string>;
  /** The issuer without its scheme, as IAM conditions name it. */
  issuerHostPath: pulumi.Output<string>;
  /** A role (named `<component>-<role>`) for exact `namespace:name` service accounts. */
  irsaRole(role: string, serviceAccounts: string[], managedPolicyArns?: string[]): aws.iam.Role;
}

/** The IAM OIDC provider for the cluster's issuer, and a maker of IRSA roles. */
export function eksIdentity(scope: EksScope, cluster: aws.eks.Cluster): EksIdentity {
  const { name, tags } = scope;
  const issuer = cluster.identities.apply((ids) => ids[0].oidcs[0].issuer);
  const oidc = new aws.iam.OpenIdConnectProvider(
    `${name}-oidc`,
    { url: issuer, clientIdLists: ["sts.amazonaws.com"], tags },
    { parent: scope.parent },
  );
  const issuerHostPath = issuer.apply((u) => u.replace(/^https:\/\//, ""));
  const irsaRole = (role: string, serviceAccounts: string[], managed: string[] = []) =>
    new aws.iam.Role(
      `${name}-${role}`,
      {
        assumeRolePolicy: pulumi
          .all([oidc.arn, issuerHostPath])
          .apply(([arn, host]) => JSON.stringify(irsaTrustPolicy(arn, host, serviceAccounts))),
        managedPolicyArns: managed,
        tags,
      },
      { parent: scope.parent },
    );
  return { oidcProviderArn: oidc.arn, issuerHostPath, irsaRole };
}
