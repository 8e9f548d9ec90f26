// GKE node pools (system, CPU, GPU with GKE-installed drivers, tainted, scaling from zero) and the
// nodes' own service account with the role GKE asks for.
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ChildOptions, after } from "../childOptions";
import { GcpCluster, NodePool } from "../../config/clusters";
import { GPU_TAINT_TOLERATION, POOL_LABEL } from "../../config/schema";

/**
 * The node service account's project roles. Checked in GKE's "Configure GKE node service accounts"
 * (docs.cloud.google.com/kubernetes-engine/security/configure-node-service-accounts): "at a
 * minimum, these node service accounts must have the Kubernetes Engine Default Node Service Account
 * (roles/container.defaultNodeServiceAccount) role" (logging, monitoring, metadata, autoscaling
 * metrics); image pulls from Artifact Registry need roles/artifactregistry.reader besides.
 */
export const GKE_NODE_ROLES = [
  "roles/container.defaultNodeServiceAccount",
  "roles/artifactregistry.reader",
];

/** A node pool's settings. Pure. */
export function gkeNodePoolSettings(pool: NodePool) {
  return {
    autoscaling: { minNodeCount: pool.minSize, maxNodeCount: pool.maxSize },
    initialNodeCount: pool.desiredSize ?? Math.max(pool.minSize, pool.role === "system" ? 1 : 0),
    nodeConfig: {
      machineType: pool.machineType,
      diskSizeGb: pool.diskGiB,
      labels: { [POOL_LABEL]: pool.name, "kubeflow-platform/role": pool.role },
      taints:
        pool.role === "gpu"
          ? [{ key: GPU_TAINT_TOLERATION.key, value: "present", effect: "NO_SCHEDULE" }]
          : [],
      guestAccelerators:
        pool.role === "gpu" && pool.gpu
          ? [
              {
                type: pool.gpu.type,
                count: pool.gpu.count,
                // GKE installs the driver and runs the device plugin itself.
                gpuDriverInstallationConfig: { gpuDriverVersion: "LATEST" },
              },
            ]
          : [],
      workloadMetadataConfig: { mode: "GKE_METADATA" },
      oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
      shieldedInstanceConfig: { enableSecureBoot: true },
    },
  };
}

/** The nodes' Google service account and its roles. */
export function gkeNodeIdentity(
  name: string,
  clusterName: string,
  project: string,
  opts: ChildOptions,
): { account: gcp.serviceaccount.Account; roles: gcp.projects.IAMMember[] } {
  const nodeSa = new gcp.serviceaccount.Account(
    `${name}-node-identity`,
    { project, accountId: `${clusterName}-nodes`.slice(0, 30), displayName: "GKE nodes" },
    opts,
  );
  const roles = GKE_NODE_ROLES.map(
    (role) =>
      new gcp.projects.IAMMember(
        `${name}-nodes-${role.split("/")[1]}`,
        { project, role, member: pulumi.interpolate`serviceAccount:${nodeSa.email}` },
        opts,
      ),
  );
  return { account: nodeSa, roles };
}

export function gkeNodePools(
  name: string,
  c: GcpCluster,
  cluster: gcp.container.Cluster,
  nodes: ReturnType<typeof gkeNodeIdentity>,
  opts: ChildOptions,
): gcp.container.NodePool[] {
  return c.nodePools.map((pool) => {
    const s = gkeNodePoolSettings(pool);
    return new gcp.container.NodePool(
      `${name}-${pool.name}`,
      {
        project: c.project,
        name: pool.name,
        location: c.region,
        cluster: cluster.name,
        nodeLocations: c.zones,
        ...s,
        nodeConfig: { ...s.nodeConfig, serviceAccount: nodes.account.email },
        management: { autoRepair: true, autoUpgrade: false },
      },
      // The cluster autoscaler owns the size once the pool exists. Nodes log and pull with their
      // roles from the start.
      { ...after(opts, ...nodes.roles), ignoreChanges: ["initialNodeCount", "nodeCount"] },
    );
  });
}
