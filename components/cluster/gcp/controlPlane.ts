// The GKE control plane: a regional private cluster (private nodes, Workload Identity, Filestore
// CSI for RWX, authorized networks for the API), its admins, and the kubeconfig that reaches it.
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ChildOptions } from "../childOptions";
import { GcpCluster } from "../../config/clusters";
import { execKubeconfig } from "../facts";
import { GkeNetwork } from "./network";

/** A kubeconfig that logs in with gke-gcloud-auth-plugin. Pure. */
export function gkeKubeconfig(args: { name: string; endpoint: string; caData: string }): string {
  return execKubeconfig({
    name: args.name,
    server: `https://${args.endpoint}`,
    caData: args.caData,
    exec: {
      command: "gke-gcloud-auth-plugin",
      provideClusterInfo: true,
      installHint:
        "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin",
    },
  });
}

export function gkeControlPlane(
  name: string,
  clusterName: string,
  c: GcpCluster,
  network: GkeNetwork,
  opts: ChildOptions,
): gcp.container.Cluster {
  const cluster = new gcp.container.Cluster(
    `${name}-gke`,
    {
      project: c.project,
      name: clusterName,
      location: c.region,
      nodeLocations: c.zones,
      minMasterVersion: c.kubernetesVersion,
      releaseChannel: { channel: "UNSPECIFIED" },
      network: network.networkId,
      subnetwork: network.subnetId,
      removeDefaultNodePool: true,
      initialNodeCount: 1,
      ipAllocationPolicy: {
        clusterSecondaryRangeName: "pods",
        servicesSecondaryRangeName: "services",
      },
      privateClusterConfig: {
        enablePrivateNodes: true,
        enablePrivateEndpoint: !c.apiAccess.publicEndpoint,
        masterIpv4CidrBlock: c.network.masterCidr,
      },
      masterAuthorizedNetworksConfig: {
        cidrBlocks: c.apiAccess.allowedCidrs.map((cidrBlock) => ({
          cidrBlock,
          displayName: cidrBlock,
        })),
      },
      workloadIdentityConfig: { workloadPool: `${c.project}.svc.id.goog` },
      addonsConfig: { gcpFilestoreCsiDriverConfig: { enabled: c.rwxStorageClass } },
      deletionProtection: c.deletionProtection,
    },
    { ...opts, protect: c.deletionProtection },
  );
  for (const [i, member] of c.admins.entries())
    new gcp.projects.IAMMember(
      `${name}-admin-${i}`,
      { project: c.project, role: "roles/container.admin", member },
      opts,
    );
  return cluster;
}

/** The cluster's kubeconfig, secret. */
export function gkeClusterKubeconfig(cluster: gcp.container.Cluster): pulumi.Output<string> {
  return pulumi.secret(
    pulumi
      .all([cluster.name, cluster.endpoint, cluster.masterAuth])
      .apply(([n, endpoint, auth]) =>
        gkeKubeconfig({ name: n, endpoint, caData: auth.clusterCaCertificate ?? "" }),
      ),
  );
}
