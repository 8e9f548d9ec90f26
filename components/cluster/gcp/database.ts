// Cloud SQL MySQL on a private IP (private services access: an address range of our network
// peered to Google's service network), and its admin login, generated.
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ChildOptions, after } from "../childOptions";
import { GcpCluster } from "../../config/clusters";
import { DatabaseConfig } from "../../config/schema";
import { ManagedDatabaseFacts } from "../facts";

export function cloudSqlMysql(
  name: string,
  c: GcpCluster,
  database: DatabaseConfig & { kind: "managed" },
  networkId: pulumi.Input<string>,
  opts: ChildOptions,
): ManagedDatabaseFacts {
  const project = c.project;
  const protect = c.deletionProtection;
  const range = new gcp.compute.GlobalAddress(
    `${name}-sql-range`,
    {
      project,
      purpose: "VPC_PEERING",
      addressType: "INTERNAL",
      prefixLength: 20,
      network: networkId,
    },
    opts,
  );
  const peering = new gcp.servicenetworking.Connection(
    `${name}-sql-peering`,
    {
      network: networkId,
      service: "servicenetworking.googleapis.com",
      reservedPeeringRanges: [range.name],
    },
    opts,
  );
  const db = new gcp.sql.DatabaseInstance(
    `${name}-mysql`,
    {
      project,
      region: c.region,
      databaseVersion: "MYSQL_8_0",
      // Both guards: the provider's (refuses destroy) and Cloud SQL's own (refuses deletion).
      deletionProtection: protect,
      settings: {
        tier: database.instanceClass ?? "db-custom-2-7680",
        diskSize: database.storageGiB,
        diskAutoresize: true,
        availabilityType: "REGIONAL",
        ipConfiguration: {
          ipv4Enabled: false,
          privateNetwork: networkId,
          sslMode: "ALLOW_UNENCRYPTED_AND_ENCRYPTED",
        },
        backupConfiguration: {
          enabled: true,
          binaryLogEnabled: true,
          backupRetentionSettings: { retainedBackups: database.backupRetentionDays },
        },
        deletionProtectionEnabled: protect,
      },
    },
    { ...after(opts, peering), protect },
  );
  const password = new random.RandomPassword(
    `${name}-db-admin-password`,
    { length: 32, special: false },
    { ...opts, protect },
  );
  // Generated, so secret from the start (not every provider marks its input secret).
  const adminPassword = pulumi.secret(password.result);
  new gcp.sql.User(
    `${name}-db-admin`,
    { project, instance: db.name, name: "kfadmin", host: "%", password: adminPassword },
    opts,
  );
  return {
    host: db.privateIpAddress,
    // An IP, not a DNS name: the platform reaches it through an EndpointSlice.
    hostAddressType: "IPv4",
    port: 3306,
    adminUser: "kfadmin",
    adminPassword,
  };
}
