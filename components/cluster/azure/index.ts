// AKS: the network and its egress (azure/network.ts), the control plane and its non-interactive
// kubeconfig (controlPlane.ts, kubeconfig.ts), the role assignments it needs (access.ts), agent
// pools and the NVIDIA device plugin (nodePools.ts), an Azure Files class for RWX (storage.ts) and,
// when asked, MySQL flexible server (database.ts). Pipelines cannot use Blob storage, so the object
// store stays MinIO. The class only composes them; every child keeps the component as its parent,
// so the URNs are those of the single-file layout.
import { kubernetesProviderOptions } from "../../lib/k8sProvider";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AzureCluster } from "../../config/clusters";
import { gpuPoolsOf } from "../../config/schema";
import { ChildOptions } from "../childOptions";
import { CloudClusterArgs, ClusterFacts, ClusterLayer, stackClusterName } from "../facts";
import { aksRoleAssignments } from "./access";
import { aksControlPlane, aksKubeconfig } from "./controlPlane";
import { azureMysql } from "./database";
import { aksNetwork } from "./network";
import { aksAgentPools, aksDevicePlugin } from "./nodePools";
import { AZURE_RWX_STORAGE_CLASS, AZURE_STORAGE_CLASS, azureFilesClass } from "./storage";

export { AZURE_ROLES, deployerPrincipalType, roleDefinitionId } from "./access";
export { AKS_AAD_SERVER_ID, kubeloginArgs, nonInteractiveKubeconfig } from "./kubeconfig";
export { aksOutboundType } from "./network";
export { aksAgentPoolName, aksPoolSettings } from "./nodePools";
export { AZURE_STORAGE_CLASS } from "./storage";

/**
 * Azure's load balancer probes the first port over TCP unless told otherwise; the ingress gateway
 * answers health on /healthz/ready, so name the probe path (the health-probe caveat).
 */
export const AZURE_INGRESS_ANNOTATIONS = {
  "service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path": "/healthz/ready",
};

/** Azure's object store is always the in-cluster MinIO: objectStore is not used here. */
export type AksClusterArgs = CloudClusterArgs<AzureCluster>;

export class AksCluster extends pulumi.ComponentResource implements ClusterLayer {
  readonly provider: k8s.Provider;
  readonly context: pulumi.Output<string>;
  readonly facts: ClusterFacts;
  readonly ready: pulumi.Resource[];
  readonly kubeconfig: pulumi.Output<string>;
  readonly clusterIdentifier: pulumi.Output<string>;

  constructor(name: string, args: AksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    const c = args.cluster;
    super("kubeflow-platform:cluster:AksCluster", name, {}, opts);
    const clusterName = stackClusterName();
    const children: ChildOptions = { parent: this, dependsOn: [] };

    const net = aksNetwork(name, clusterName, c, children);
    const cluster = aksControlPlane(name, clusterName, c, net, children);
    const access = aksRoleAssignments(name, c, cluster, net.nodeSubnetId, children);
    const pools = aksAgentPools(name, c, cluster, net, children);

    this.kubeconfig = aksKubeconfig(cluster, net.group.name, c.kubeloginMode);
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
    // Nothing is applied before the deployer is cluster admin and the pools exist.
    const ready: pulumi.Resource[] = [cluster, ...access, ...pools];
    if (c.nodePools.some((p) => p.role === "gpu"))
      ready.push(aksDevicePlugin(name, this, this.provider, [...access, ...pools], gpuPoolsOf(c)));
    if (c.rwxStorageClass) azureFilesClass(name, this, this.provider, ready);
    this.ready = ready;

    this.facts = {
      storageClass: AZURE_STORAGE_CLASS,
      rwxStorageClass: c.rwxStorageClass ? AZURE_RWX_STORAGE_CLASS : undefined,
      gpuPools: gpuPoolsOf(c),
      ingressAnnotations: AZURE_INGRESS_ANNOTATIONS,
      managedDatabase:
        args.database.kind === "managed"
          ? azureMysql(name, clusterName, c, args.database, net, children)
          : undefined,
      tenantIdentity: {
        oidcIssuerUrl: cluster.oidcIssuerProfile.apply((p) => p?.issuerURL ?? ""),
        resourceGroup: net.group.name,
      },
    };
    this.registerOutputs({ clusterName: cluster.name });
  }
}
