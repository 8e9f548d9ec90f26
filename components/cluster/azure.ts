// AKS with per-module azure-native imports: a resource group and VNet (node subnet, and a
// delegated subnet for MySQL), a cluster with Entra ID admins, Azure RBAC, OIDC issuer and Workload
// Identity, egress through a managed NAT gateway, the system pool in the cluster and the other
// pools as agent pools (GPU pools tainted, scaling from zero), the NVIDIA device plugin, an Azure
// Files class for RWX and, when asked, Azure Database for MySQL flexible server on a private
// network. Pipelines cannot use Blob storage, so the object store stays MinIO, on a managed disk.
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as dbformysql from "@pulumi/azure-native/dbformysql";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as resources from "@pulumi/azure-native/resources";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { AzureCluster, NodePool } from "../config/clusters";
import { GPU_TAINT_TOLERATION, POOL_LABEL, gpuPoolsOf } from "../config/schema";
import { pinnedChart } from "../lib/charts";
import { charts } from "../versions";
import { CloudClusterArgs, ClusterFacts, ClusterLayer, stackClusterName } from "./facts";
import { devicePluginValues } from "./gpu";

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

/**
 * Azure's load balancer probes the first port over TCP unless told otherwise; the ingress gateway
 * answers health on /healthz/ready, so name the probe path (the health-probe caveat).
 */
/** AKS's SSD class, for the platform's volumes (MySQL, MinIO). */
export const AZURE_STORAGE_CLASS = "managed-csi-premium";

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
    const parent = { parent: this };
    const clusterName = stackClusterName();
    const location = c.location;

    const group = new resources.ResourceGroup(
      `${name}-group`,
      { resourceGroupName: clusterName, location },
      { ...parent, protect: true },
    );
    // The network: the user's subnets, or a new VNet with a node subnet (and one for MySQL).
    const [a, b] = c.network.cidr.split("/")[0].split(".").map(Number);
    let vnetId: pulumi.Input<string>;
    let nodeSubnetId: pulumi.Input<string>;
    let newVnet: network.VirtualNetwork | undefined;
    let nodes: network.Subnet | undefined;
    if (c.network.existingNodeSubnetId) {
      nodeSubnetId = c.network.existingNodeSubnetId;
      vnetId = c.network.existingNodeSubnetId.replace(/\/subnets\/[^/]+$/i, "");
    } else {
      newVnet = new network.VirtualNetwork(
        `${name}-vnet`,
        {
          resourceGroupName: group.name,
          location,
          addressSpace: { addressPrefixes: [c.network.cidr] },
        },
        { ...parent, protect: true, ignoreChanges: ["subnets"] },
      );
      nodes = new network.Subnet(
        `${name}-nodes`,
        {
          resourceGroupName: group.name,
          virtualNetworkName: newVnet.name,
          addressPrefix: `${a}.${b}.0.0/20`,
        },
        parent,
      );
      vnetId = newVnet.id;
      nodeSubnetId = nodes.id;
    }
    const system = c.nodePools.find((p) => p.role === "system")!;
    const cluster = new containerservice.ManagedCluster(
      `${name}-aks`,
      {
        resourceGroupName: group.name,
        resourceName: clusterName,
        location,
        dnsPrefix: clusterName,
        kubernetesVersion: c.kubernetesVersion,
        identity: { type: "SystemAssigned" },
        enableRBAC: true,
        disableLocalAccounts: true,
        aadProfile: { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: c.admins },
        oidcIssuerProfile: { enabled: true },
        securityProfile: { workloadIdentity: { enabled: true } },
        apiServerAccessProfile: c.apiAccess.publicEndpoint
          ? { authorizedIPRanges: c.apiAccess.allowedCidrs.filter((r) => r !== "0.0.0.0/0") }
          : { enablePrivateCluster: true },
        networkProfile: {
          networkPlugin: "azure",
          networkPluginMode: "overlay",
          outboundType: "managedNATGateway",
          loadBalancerSku: "standard",
        },
        agentPoolProfiles: [
          {
            name: system.name.replace(/-/g, "").slice(0, 12),
            vnetSubnetID: nodeSubnetId,
            ...aksPoolSettings(system, c.zones),
          },
        ],
        storageProfile: { fileCSIDriver: { enabled: true }, diskCSIDriver: { enabled: true } },
      },
      // The autoscaler owns the system pool's count once it exists.
      { ...parent, protect: true, ignoreChanges: ["agentPoolProfiles[0].count"] },
    );
    const pools = c.nodePools
      .filter((p) => p !== system)
      .map(
        (pool) =>
          new containerservice.AgentPool(
            `${name}-${pool.name}`,
            {
              resourceGroupName: group.name,
              resourceName: cluster.name,
              agentPoolName: pool.name.replace(/-/g, "").slice(0, 12),
              vnetSubnetID: nodeSubnetId,
              ...aksPoolSettings(pool, c.zones),
            },
            { ...parent, ignoreChanges: ["count"] },
          ),
      );

    const creds = containerservice.listManagedClusterUserCredentialsOutput({
      resourceGroupName: group.name,
      resourceName: cluster.name,
      format: "exec",
    });
    this.kubeconfig = pulumi.secret(
      creds.kubeconfigs.apply((k) => Buffer.from(k[0].value, "base64").toString("utf8")),
    );
    this.context = cluster.name;
    this.clusterIdentifier = cluster.id;
    this.provider = new k8s.Provider(
      `${name}-k8s`,
      { kubeconfig: this.kubeconfig, clusterIdentifier: cluster.id, enableServerSideApply: true },
      parent,
    );
    const ready: pulumi.Resource[] = [cluster, ...pools];
    if (c.nodePools.some((p) => p.role === "gpu"))
      // AKS's GPU image carries the driver, not the device plugin.
      ready.push(
        pinnedChart(
          `${name}-nvidia-device-plugin`,
          charts.nvidiaDevicePlugin,
          "kube-system",
          devicePluginValues(),
          {
            parent: this,
            provider: this.provider,
            dependsOn: pools,
          },
        ),
      );
    if (c.rwxStorageClass)
      new k8s.storage.v1.StorageClass(
        `${name}-azurefile`,
        {
          metadata: { name: "azurefile-rwx" },
          provisioner: "file.csi.azure.com",
          parameters: { skuName: "Premium_LRS", protocol: "nfs" },
          reclaimPolicy: "Retain",
          allowVolumeExpansion: true,
        },
        { parent: this, provider: this.provider, dependsOn: ready },
      );
    this.ready = ready;

    let managedDatabase: ClusterFacts["managedDatabase"];
    if (args.database.kind === "managed") {
      const dbSubnetId: pulumi.Input<string> =
        c.network.existingMysqlSubnetId ??
        new network.Subnet(
          `${name}-mysql-subnet`,
          {
            resourceGroupName: group.name,
            virtualNetworkName: newVnet!.name,
            addressPrefix: `${a}.${b}.16.0/24`,
            delegations: [{ name: "mysql", serviceName: "Microsoft.DBforMySQL/flexibleServers" }],
          },
          { ...parent, dependsOn: nodes ? [nodes] : [] },
        ).id;
      const zone = new privatedns.PrivateZone(
        `${name}-mysql-dns`,
        {
          resourceGroupName: group.name,
          privateZoneName: `${clusterName}.mysql.database.azure.com`,
          location: "global",
        },
        parent,
      );
      const link = new privatedns.VirtualNetworkLink(
        `${name}-mysql-dns-link`,
        {
          resourceGroupName: group.name,
          privateZoneName: zone.name,
          location: "global",
          virtualNetwork: { id: vnetId },
          registrationEnabled: false,
        },
        parent,
      );
      const password = new random.RandomPassword(
        `${name}-db-admin-password`,
        { length: 32, special: false },
        { ...parent, protect: true },
      );
      // Generated, so secret from the start (not every provider marks its input secret).
      const adminPassword = pulumi.secret(password.result);
      const server = new dbformysql.Server(
        `${name}-mysql`,
        {
          resourceGroupName: group.name,
          serverName: `${clusterName}-mysql`,
          location,
          version: "8.0.21",
          administratorLogin: "kfadmin",
          administratorLoginPassword: adminPassword,
          sku: { name: args.database.instanceClass ?? "Standard_B2ms", tier: "Burstable" },
          storage: { storageSizeGB: args.database.storageGiB, autoGrow: "Enabled" },
          backup: {
            backupRetentionDays: args.database.backupRetentionDays,
            geoRedundantBackup: "Disabled",
          },
          network: { delegatedSubnetResourceId: dbSubnetId, privateDnsZoneResourceId: zone.id },
        },
        { ...parent, protect: true, dependsOn: [link] },
      );
      // ML Metadata's client connects without TLS; the server is reachable only inside the VNet.
      new dbformysql.Configuration(
        `${name}-mysql-tls`,
        {
          resourceGroupName: group.name,
          serverName: server.name,
          configurationName: "require_secure_transport",
          value: "OFF",
          source: "user-override",
        },
        parent,
      );
      managedDatabase = {
        host: server.fullyQualifiedDomainName.apply((h) => h ?? ""),
        port: 3306,
        adminUser: "kfadmin",
        adminPassword,
      };
    }

    this.facts = {
      storageClass: AZURE_STORAGE_CLASS,
      rwxStorageClass: c.rwxStorageClass ? "azurefile-rwx" : undefined,
      gpuPools: gpuPoolsOf(c),
      ingressAnnotations: AZURE_INGRESS_ANNOTATIONS,
      managedDatabase,
      tenantIdentity: {
        oidcIssuerUrl: cluster.oidcIssuerProfile.apply((p) => p?.issuerURL ?? ""),
        resourceGroup: group.name,
      },
    };
    this.registerOutputs({ clusterName: cluster.name });
  }
}
