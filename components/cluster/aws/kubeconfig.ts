// How the program reaches the cluster: a kubeconfig whose user logs in with `aws eks get-token`,
// and the Kubernetes provider made from it.
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { execKubeconfig } from "../facts";
import { EksScope } from "./scope";

/** A kubeconfig that logs in with `aws eks get-token`. Pure. */
export function eksKubeconfig(args: {
  name: string;
  region: string;
  endpoint: string;
  caData: string;
}): string {
  return execKubeconfig({
    name: args.name,
    server: args.endpoint,
    caData: args.caData,
    exec: {
      command: "aws",
      args: ["eks", "get-token", "--cluster-name", args.name, "--region", args.region],
    },
  });
}

export interface EksAccess {
  /** The kubeconfig, secret. */
  kubeconfig: pulumi.Output<string>;
  provider: k8s.Provider;
}

/** The kubeconfig (secret) and the provider every Kubernetes object of the platform goes through. */
export function eksAccess(scope: EksScope, cluster: aws.eks.Cluster, region: string): EksAccess {
  const kubeconfig = pulumi.secret(
    pulumi
      .all([cluster.name, cluster.endpoint, cluster.certificateAuthority])
      .apply(([n, endpoint, ca]) =>
        eksKubeconfig({ name: n, region, endpoint, caData: ca.data ?? "" }),
      ),
  );
  const provider = new k8s.Provider(
    `${scope.name}-k8s`,
    { kubeconfig, clusterIdentifier: cluster.arn, enableServerSideApply: true },
    { parent: scope.parent },
  );
  return { kubeconfig, provider };
}
