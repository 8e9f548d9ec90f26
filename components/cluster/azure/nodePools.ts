// AKS agent pools besides the system pool (GPU pools tainted, labelled, scaling from zero) and the
// NVIDIA device plugin (AKS's GPU image carries the driver, not the plugin). The cluster
// autoscaler reads a pool's nodeLabels and nodeTaints from the AKS API when the pool has no node
// (Azure/AKS#2586, AKS maintainers: "If a node doesn't exist, the information is obtained from the
// AKS API properties"), so scale-from-zero needs nothing beyond the pool's own settings.
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AzureCluster, NodePool } from "../../config/clusters";
import { GPU_TAINT_TOLERATION, GpuPool, POOL_LABEL } from "../../config/schema";
import { pinnedChart } from "../../upstream/charts";
import { charts } from "../../versions";
import { ChildOptions } from "../childOptions";
import { devicePluginValues } from "../gpu";
import { AksNetwork } from "./network";

/** AKS pool names: lowercase alphanumerics, 12 at most. Pure. */
export function aksAgentPoolName(pool: NodePool): string {
  return pool.name.replace(/-/g, "").slice(0, 12);
}

/** An agent pool's settings. Pure. */
export function aksPoolSettings(pool: NodePool, zones: string[]) {
  return {
    vmSize: pool.machineType,
    osDiskSizeGB: pool.diskGiB,
    availabilityZones: zones,
    enableAutoScaling: true,
    minCount: pool.minSize,
    maxCount: pool.maxSize,
    count: pool.desiredSize ?? Math.max(pool.minSize, pool.role === "system" ? 1 : 0),
    mode: pool.role === "system" ? "System" : "User",
    nodeLabels: { [POOL_LABEL]: pool.name, "kubeflow-platform/role": pool.role },
    nodeTaints: pool.role === "gpu" ? [`${GPU_TAINT_TOLERATION.key}=present:NoSchedule`] : [],
    osType: "Linux",
    type: "VirtualMachineScaleSets",
  };
}

export function aksAgentPools(
  name: string,
  c: AzureCluster,
  cluster: containerservice.ManagedCluster,
  net: AksNetwork,
  opts: ChildOptions,
): containerservice.AgentPool[] {
  return c.nodePools
    .filter((p) => p.role !== "system")
    .map(
      (pool) =>
        new containerservice.AgentPool(
          `${name}-${pool.name}`,
          {
            resourceGroupName: net.group.name,
            resourceName: cluster.name,
            agentPoolName: aksAgentPoolName(pool),
            vnetSubnetID: net.nodeSubnetId,
            ...aksPoolSettings(pool, c.zones),
          },
          { ...opts, ignoreChanges: ["count"] },
        ),
    );
}

/** The device plugin, on GPU pools only (values in ../gpu.ts). */
export function aksDevicePlugin(
  name: string,
  parent: pulumi.Resource,
  provider: k8s.Provider,
  pools: pulumi.Resource[],
  gpuPools: GpuPool[],
): pulumi.Resource {
  return pinnedChart(
    `${name}-nvidia-device-plugin`,
    charts.nvidiaDevicePlugin,
    "kube-system",
    devicePluginValues(gpuPools),
    { parent, provider, dependsOn: pools },
  );
}
