// GKE: the network (gcp/network.ts), a regional private cluster (controlPlane.ts), node pools and
// their service account (nodePools.ts), the control plane's way to the webhooks
// (webhookFirewall.ts), and, when asked, Cloud SQL MySQL (database.ts) and a GCS bucket for
// Pipelines (bucket.ts), after the APIs they need (apis.ts). The class only composes them; every
// child keeps the component as its parent, so the URNs are those of the single-file layout.
import { kubernetesProviderOptions } from "../../lib/k8sProvider";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { GcpCluster } from "../../config/clusters";
import { gpuPoolsOf } from "../../config/schema";
import { ChildOptions } from "../childOptions";
import { CloudClusterArgs, ClusterFacts, ClusterLayer, stackClusterName } from "../facts";
import { enableApis, gkeRequiredApis } from "./apis";
import { gkeClusterKubeconfig, gkeControlPlane } from "./controlPlane";
import { cloudSqlMysql } from "./database";
import { gkeNetwork } from "./network";
import { gkeNodeIdentity, gkeNodePools } from "./nodePools";
import { pipelinesBucket } from "./bucket";
import { webhookFirewall } from "./webhookFirewall";

export { gkeRequiredApis } from "./apis";
export { gkeKubeconfig } from "./controlPlane";
export { GKE_NODE_ROLES, gkeNodePoolSettings } from "./nodePools";
export { workloadIdentityMember } from "./bucket";
export { WEBHOOK_PORTS, GKE_CONTROL_PLANE_PORTS, webhookFirewallArgs } from "./webhookFirewall";

/** A backend-service-based external passthrough load balancer for the ingress gateway. */
export const GCP_INGRESS_ANNOTATIONS = { "cloud.google.com/l4-rbs": "enabled" };

export type GkeClusterArgs = CloudClusterArgs<GcpCluster>;

export class GkeCluster extends pulumi.ComponentResource implements ClusterLayer {
  readonly provider: k8s.Provider;
  readonly context: pulumi.Output<string>;
  readonly facts: ClusterFacts;
  readonly ready: pulumi.Resource[];
  readonly kubeconfig: pulumi.Output<string>;
  readonly clusterIdentifier: pulumi.Output<string>;

  constructor(name: string, args: GkeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    const c = args.cluster;
    super("kubeflow-platform:cluster:GkeCluster", name, {}, opts);
    const clusterName = stackClusterName();
    const apis = enableApis(name, c.project, Object.keys(gkeRequiredApis(c, args)), {
      parent: this,
      dependsOn: [],
    });
    const children: ChildOptions = { parent: this, dependsOn: apis };

    const network = gkeNetwork(name, clusterName, c, children);
    const cluster = gkeControlPlane(name, clusterName, c, network, children);
    const nodes = gkeNodeIdentity(name, clusterName, c.project, children);
    const firewall = webhookFirewall(
      name,
      {
        project: c.project,
        network: network.networkId,
        masterCidr: c.network.masterCidr,
        nodeServiceAccount: nodes.account.email,
      },
      children,
    );
    const pools = gkeNodePools(name, c, cluster, nodes, children);

    this.kubeconfig = gkeClusterKubeconfig(cluster);
    this.context = cluster.name;
    this.clusterIdentifier = cluster.id;
    this.provider = new k8s.Provider(
      `${name}-k8s`,
      {
        kubeconfig: this.kubeconfig,
        clusterIdentifier: cluster.id,
        ...kubernetesProviderOptions(args.provider),
      },
      { parent: this },
    );
    // Nothing is installed before the control plane can reach the webhooks it will call.
    this.ready = [...pools, firewall];

    this.facts = {
      gpuPools: gpuPoolsOf(c),
      // /opt/cni/bin is read-only on GKE's nodes: Istio's CNI agent installs elsewhere.
      meshPlatform: "gke",
      rwxStorageClass: c.rwxStorageClass ? "standard-rwx" : undefined,
      ingressAnnotations: GCP_INGRESS_ANNOTATIONS,
      managedDatabase:
        args.database.kind === "managed"
          ? cloudSqlMysql(name, c, args.database, network.networkId, children)
          : undefined,
      managedObjectStore:
        args.objectStore.kind === "managed"
          ? pipelinesBucket(name, clusterName, c, args.objectStore, cluster, children)
          : undefined,
      tenantIdentity: { workloadPool: `${c.project}.svc.id.goog`, project: c.project },
    };
    this.registerOutputs({ clusterName: cluster.name });
  }
}
