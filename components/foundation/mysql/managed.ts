// A managed MySQL (RDS, Cloud SQL, Azure) seen from the cluster under the in-cluster server's name,
// so every application is configured the same way whichever server it gets.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { labels } from "../../lib/k8s";
import { DATA_NAMESPACE } from "../data";
import { ExternalAddressType, externalServiceObjects } from "../externalService";
import {
  AppDatabase,
  AppDatabaseConnection,
  DatabaseConnection,
  MYSQL_CREDENTIALS_SECRET,
  MYSQL_NAME,
  MYSQL_PORT,
  PIPELINES_DATABASES,
  PIPELINES_DB_USER,
} from "./connection";
import { mysqlUsers } from "./users";

export interface ManagedMysqlArgs {
  /** The managed server's host (RDS, Cloud SQL, Azure) and its admin login. */
  host: pulumi.Input<string>;
  /** The host is an address of this type (Cloud SQL's private IP); absent: a DNS name. */
  hostAddressType?: ExternalAddressType;
  adminUser: string;
  adminPassword: pulumi.Input<string>;
  namespace: pulumi.Resource;
  appDatabases: AppDatabase[];
}

/**
 * A managed MySQL seen from the cluster as mysql.kubeflow-data (an ExternalName Service for a DNS
 * name, a selector-less Service and EndpointSlice for an IP address), so every
 * app's configuration is the same as with the in-cluster server; the Pipelines user and the apps'
 * users are created on it by the same idempotent Job.
 */
export class ManagedMysql extends pulumi.ComponentResource {
  readonly connection: DatabaseConnection;
  readonly appConnections: Record<string, AppDatabaseConnection>;

  constructor(name: string, args: ManagedMysqlArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:foundation:ManagedMysql", name, {}, opts);
    const deps = { parent: this, dependsOn: [args.namespace] };
    const objects = externalServiceObjects({
      name: MYSQL_NAME,
      namespace: DATA_NAMESPACE,
      labels: labels(MYSQL_NAME),
      host: args.host,
      addressType: args.hostAddressType,
      port: MYSQL_PORT,
      portName: "mysql",
    });
    const service = new k8s.core.v1.Service(`${name}-service`, objects.service, deps);
    const endpoints = objects.endpointSlice
      ? [new k8s.discovery.v1.EndpointSlice(`${name}-endpoints`, objects.endpointSlice, deps)]
      : [];
    const admin = new k8s.core.v1.Secret(
      `${name}-credentials`,
      {
        metadata: {
          name: MYSQL_CREDENTIALS_SECRET,
          namespace: DATA_NAMESPACE,
          labels: labels(MYSQL_NAME),
        },
        stringData: pulumi.secret({ "root-password": args.adminPassword }),
      },
      deps,
    );
    const users = mysqlUsers(this, name, {
      users: [
        {
          app: "pipelines",
          database: PIPELINES_DATABASES[0],
          databases: PIPELINES_DATABASES,
          user: PIPELINES_DB_USER,
        },
        ...args.appDatabases,
      ],
      adminUser: args.adminUser,
      dependsOn: [service, ...endpoints, admin],
    });
    const { pipelines, ...apps } = users;
    this.connection = {
      host: pipelines.host,
      port: MYSQL_PORT,
      user: PIPELINES_DB_USER,
      password: pipelines.password,
    };
    this.appConnections = apps;
    this.registerOutputs({ host: args.host });
  }
}
