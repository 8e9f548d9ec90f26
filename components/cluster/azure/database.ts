// Azure Database for MySQL flexible server on a delegated subnet with a private DNS zone linked
// to the VNet, its generated admin login, and TLS off for ML Metadata's client (the server is
// reachable only inside the VNet). The platform reaches it by its FQDN (an ExternalName Service).
import * as dbformysql from "@pulumi/azure-native/dbformysql";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { AzureCluster } from "../../config/clusters";
import { DatabaseConfig } from "../../config/schema";
import { ChildOptions, after } from "../childOptions";
import { ManagedDatabaseFacts } from "../facts";
import { AksNetwork, vnetPrefix } from "./network";

function mysqlSubnet(name: string, c: AzureCluster, net: AksNetwork, opts: ChildOptions) {
  return (
    c.network.existingMysqlSubnetId ??
    new network.Subnet(
      `${name}-mysql-subnet`,
      {
        resourceGroupName: net.group.name,
        virtualNetworkName: net.created!.vnet.name,
        addressPrefix: `${vnetPrefix(c.network.cidr)}.16.0/24`,
        delegations: [{ name: "mysql", serviceName: "Microsoft.DBforMySQL/flexibleServers" }],
      },
      // One subnet write at a time on a VNet.
      after(opts, net.created!.nodes),
    ).id
  );
}

export function azureMysql(
  name: string,
  clusterName: string,
  c: AzureCluster,
  database: DatabaseConfig & { kind: "managed" },
  net: AksNetwork,
  opts: ChildOptions,
): ManagedDatabaseFacts {
  const resourceGroupName = net.group.name;
  const protect = c.deletionProtection;
  const subnetId = mysqlSubnet(name, c, net, opts);
  const zone = new privatedns.PrivateZone(
    `${name}-mysql-dns`,
    {
      resourceGroupName,
      privateZoneName: `${clusterName}.mysql.database.azure.com`,
      location: "global",
    },
    opts,
  );
  const link = new privatedns.VirtualNetworkLink(
    `${name}-mysql-dns-link`,
    {
      resourceGroupName,
      privateZoneName: zone.name,
      location: "global",
      virtualNetwork: { id: net.vnetId },
      registrationEnabled: false,
    },
    opts,
  );
  const password = new random.RandomPassword(
    `${name}-db-admin-password`,
    { length: 32, special: false },
    { ...opts, protect },
  );
  // Generated, so secret from the start (not every provider marks its input secret).
  const adminPassword = pulumi.secret(password.result);
  const server = new dbformysql.Server(
    `${name}-mysql`,
    {
      resourceGroupName,
      serverName: `${clusterName}-mysql`,
      location: c.location,
      version: "8.0.21",
      administratorLogin: "kfadmin",
      administratorLoginPassword: adminPassword,
      sku: { name: database.instanceClass ?? "Standard_B2ms", tier: "Burstable" },
      storage: { storageSizeGB: database.storageGiB, autoGrow: "Enabled" },
      backup: { backupRetentionDays: database.backupRetentionDays, geoRedundantBackup: "Disabled" },
      network: { delegatedSubnetResourceId: subnetId, privateDnsZoneResourceId: zone.id },
    },
    // Azure has no per-resource deletion protection here: Pulumi's protect is the guard.
    { ...after(opts, link), protect },
  );
  new dbformysql.Configuration(
    `${name}-mysql-tls`,
    {
      resourceGroupName,
      serverName: server.name,
      configurationName: "require_secure_transport",
      value: "OFF",
      source: "user-override",
    },
    opts,
  );
  return {
    host: server.fullyQualifiedDomainName.apply((h) => h ?? ""),
    port: 3306,
    adminUser: "kfadmin",
    adminPassword,
  };
}
