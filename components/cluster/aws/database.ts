// RDS MySQL for the platform's databases: private subnets, reachable from the cluster's network
// only, encrypted, backed up, with a generated admin password; the major version and parameter
// group family from the versions catalog (rdsMysql).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { DatabaseConfig } from "../../config/schema";
import { rdsMysql as pin } from "../../versions";
import { ManagedDatabaseFacts } from "../facts";
import { EksNetwork } from "./network";
import { EksScope } from "./scope";

type ManagedDatabase = Extract<DatabaseConfig, { kind: "managed" }>;

export const RDS_ADMIN_USER = "kfadmin";

/**
 * Parameters for ML Metadata's client, which logs in with mysql_native_password and without TLS
 * (inside the VPC). MySQL 8.4 removed default_authentication_plugin (the 8.0 parameter; a mysql8.4
 * group refuses it) for authentication_policy. Checked in the MySQL 8.4 manual (mysql-nutshell:
 * the plugin is off by default in community 8.4) and AWS's Aurora MySQL 8.4 guide (the plugin is
 * enabled, authentication_policy takes `*:mysql_native_password`); our database Job creates the
 * platform's users WITH mysql_native_password explicitly. Pure.
 */
export function mysqlParameters(family: string): aws.types.input.rds.ParameterGroupParameter[] {
  const native =
    family === "mysql8.0"
      ? { name: "default_authentication_plugin", value: "mysql_native_password" }
      : { name: "authentication_policy", value: "*:mysql_native_password" };
  return [
    { name: "require_secure_transport", value: "0" },
    { ...native, applyMethod: "pending-reboot" },
  ];
}

/**
 * The final snapshot RDS takes when the instance is deleted: named with a suffix generated once
 * per instance, so a stack that is torn down, recreated and torn down again does not collide with
 * the snapshot its first life left. Pure.
 */
export function finalSnapshotName(clusterName: string, suffix: string): string {
  return `${clusterName}-mysql-final-${suffix}`;
}

/** The instance, its subnet group, security group and parameters; what the platform connects to. */
export function rdsMysql(
  scope: EksScope,
  network: EksNetwork,
  db: ManagedDatabase,
): ManagedDatabaseFacts {
  const { name, tags, clusterName } = scope;
  const parent = { parent: scope.parent };
  const subnets = new aws.rds.SubnetGroup(
    `${name}-db-subnets`,
    { subnetIds: network.privateSubnetIds, tags },
    parent,
  );
  const sg = new aws.ec2.SecurityGroup(
    `${name}-db-access`,
    {
      vpcId: network.vpcId,
      description: "MySQL from the cluster's network only",
      ingress: [{ protocol: "tcp", fromPort: 3306, toPort: 3306, cidrBlocks: [network.vpcCidr] }],
      tags,
    },
    parent,
  );
  const params = new aws.rds.ParameterGroup(
    `${name}-db-parameters`,
    {
      family: pin.parameterGroupFamily,
      parameters: mysqlParameters(pin.parameterGroupFamily),
      tags,
    },
    parent,
  );
  const password = new random.RandomPassword(
    `${name}-db-admin-password`,
    { length: 32, special: false },
    { ...parent, protect: scope.protect },
  );
  const snapshotSuffix = new random.RandomId(
    `${name}-mysql-final-snapshot-suffix`,
    { byteLength: 4 },
    parent,
  );
  // Generated, so secret from the start (not every provider marks its input secret).
  const adminPassword = pulumi.secret(password.result);
  const instance = new aws.rds.Instance(
    `${name}-mysql`,
    {
      identifier: `${clusterName}-mysql`,
      engine: "mysql",
      engineVersion: pin.engineVersion,
      // A new major in the catalog is an upgrade RDS performs (with the new parameter group, in
      // the maintenance window); without this, RDS refuses it. See docs/aws.md.
      allowMajorVersionUpgrade: true,
      instanceClass: db.instanceClass ?? "db.t4g.medium",
      allocatedStorage: db.storageGiB,
      storageType: "gp3",
      storageEncrypted: true,
      username: RDS_ADMIN_USER,
      password: adminPassword,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [sg.id],
      parameterGroupName: params.name,
      publiclyAccessible: false,
      backupRetentionPeriod: db.backupRetentionDays,
      deletionProtection: scope.protect,
      // Always a final snapshot, also when protection is off for a teardown: the data outlives it.
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: snapshotSuffix.hex.apply((h) => finalSnapshotName(clusterName, h)),
      copyTagsToSnapshot: true,
      tags,
    },
    { ...parent, protect: scope.protect },
  );
  return { host: instance.address, port: 3306, adminUser: RDS_ADMIN_USER, adminPassword };
}
