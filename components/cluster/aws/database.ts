// RDS MySQL for the platform's databases: private subnets, reachable from the cluster's network
// only, encrypted, backed up, with a generated admin password.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { DatabaseConfig } from "../../config/schema";
import { ManagedDatabaseFacts } from "../facts";
import { EksNetwork } from "./network";
import { EksScope } from "./scope";

type ManagedDatabase = Extract<DatabaseConfig, { kind: "managed" }>;

export const RDS_ADMIN_USER = "kfadmin";

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
      family: "mysql8.0",
      // ML Metadata's client logs in with mysql_native_password and without TLS.
      parameters: [
        { name: "require_secure_transport", value: "0" },
        {
          name: "default_authentication_plugin",
          value: "mysql_native_password",
          applyMethod: "pending-reboot",
        },
      ],
      tags,
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
  const instance = new aws.rds.Instance(
    `${name}-mysql`,
    {
      identifier: `${clusterName}-mysql`,
      engine: "mysql",
      engineVersion: "8.0",
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
      deletionProtection: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${clusterName}-mysql-final`,
      copyTagsToSnapshot: true,
      tags,
    },
    { ...parent, protect: true },
  );
  return { host: instance.address, port: 3306, adminUser: RDS_ADMIN_USER, adminPassword };
}
