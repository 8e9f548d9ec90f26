// MySQL 8.4 for Pipelines (and Katib, Model Registry) in the cluster, written by us: small, pinned,
// secure. ML Metadata cannot log in with caching_sha2_password, so the native plugin is enabled and
// the Pipelines user is created with it. The volume is a PVC of its own, protected and retained.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { labels, restrictedContainerSecurity } from "../../lib/k8s";
import { AppRequests } from "../../lib/workloads";
import { images } from "../../versions";
import {
  DATA_NAMESPACE,
  dataNetworkPolicy,
  dataService,
  dataVolumeClaim,
  restrictedPodSecurity,
} from "../data";
import {
  AppDatabase,
  AppDatabaseConnection,
  DatabaseConnection,
  MYSQL_CREDENTIALS_SECRET,
  MYSQL_HOST,
  MYSQL_NAME,
  MYSQL_PORT,
  PIPELINES_DATABASES,
  PIPELINES_DB_USER,
} from "./connection";
import { mysqlUsers } from "./users";

export const MYSQL_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "100m", memory: "512Mi" },
};

/** First-boot script: databases and a mysql_native_password user for Pipelines. Pure. */
export function mysqlInitScript(databases: string[]): string {
  const grants = databases
    .map((db) => `GRANT ALL PRIVILEGES ON \\\`${db}\\\`.* TO '$KFP_USER'@'%';`)
    .join("\n");
  const creates = databases.map((db) => `CREATE DATABASE IF NOT EXISTS \\\`${db}\\\`;`).join("\n");
  return [
    "#!/bin/bash",
    "# Runs once, on an empty data directory, from /docker-entrypoint-initdb.d.",
    "set -euo pipefail",
    'mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL',
    creates,
    "CREATE USER IF NOT EXISTS '$KFP_USER'@'%' IDENTIFIED WITH mysql_native_password BY '$KFP_PASSWORD';",
    grants,
    "FLUSH PRIVILEGES;",
    "SQL",
    "",
  ].join("\n");
}

export function mysqlStatefulSetSpec(claimName: string): k8s.apps.v1.StatefulSetArgs {
  const selector = { "app.kubernetes.io/name": MYSQL_NAME };
  const env = [
    {
      name: "MYSQL_ROOT_PASSWORD",
      valueFrom: { secretKeyRef: { name: MYSQL_CREDENTIALS_SECRET, key: "root-password" } },
    },
    { name: "KFP_USER", value: PIPELINES_DB_USER },
    {
      name: "KFP_PASSWORD",
      valueFrom: { secretKeyRef: { name: MYSQL_CREDENTIALS_SECRET, key: "kfp-password" } },
    },
  ];
  return {
    metadata: { name: MYSQL_NAME, namespace: DATA_NAMESPACE, labels: labels(MYSQL_NAME, selector) },
    spec: {
      serviceName: MYSQL_NAME,
      replicas: 1,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: labels(MYSQL_NAME, selector) },
        spec: {
          securityContext: restrictedPodSecurity(999, true),
          containers: [
            {
              name: MYSQL_NAME,
              image: images.mysql,
              args: ["--mysql-native-password=ON", "--disable-log-bin"],
              env,
              ports: [{ name: "mysql", containerPort: MYSQL_PORT }],
              resources: { requests: MYSQL_REQUESTS.requests, limits: { memory: "1Gi" } },
              readinessProbe: { tcpSocket: { port: MYSQL_PORT }, periodSeconds: 10 },
              livenessProbe: {
                tcpSocket: { port: MYSQL_PORT },
                initialDelaySeconds: 60,
                periodSeconds: 20,
              },
              securityContext: restrictedContainerSecurity,
              volumeMounts: [
                { name: "data", mountPath: "/var/lib/mysql" },
                { name: "init", mountPath: "/docker-entrypoint-initdb.d", readOnly: true },
                { name: "run", mountPath: "/var/run/mysqld" },
                { name: "tmp", mountPath: "/tmp" },
              ],
            },
          ],
          volumes: [
            { name: "data", persistentVolumeClaim: { claimName } },
            { name: "init", configMap: { name: `${MYSQL_NAME}-init` } },
            { name: "run", emptyDir: {} },
            { name: "tmp", emptyDir: {} },
          ],
        },
      },
    },
  };
}

export interface MysqlArgs {
  /** The data volume's size. */
  storageGiB: number;
  /** The data volume's StorageClass. @default the cluster's default class */
  storageClass?: string;
  /** The kubeflow-data namespace (dataNamespace()). */
  namespace: pulumi.Resource;
  /** Databases of other applications, created by an idempotent Job. @default none */
  appDatabases?: AppDatabase[];
  /**
   * The passwords a retained data directory was initialised with (a reinstall onto retained data):
   * used instead of generated ones. @default generated, protected
   */
  credentials?: MysqlCredentials;
}

export interface MysqlCredentials {
  rootPassword: pulumi.Input<string>;
  kfpPassword: pulumi.Input<string>;
}

/**
 * The server's passwords: the carried ones, else generated (protected). They are baked into the
 * data directory on first boot, so they are never regenerated.
 */
function mysqlPasswords(
  parent: pulumi.ComponentResource,
  name: string,
  carried: MysqlCredentials | undefined,
): { root: pulumi.Output<string>; kfp: pulumi.Output<string> } {
  if (carried)
    return {
      root: pulumi.secret(pulumi.output(carried.rootPassword)),
      kfp: pulumi.secret(pulumi.output(carried.kfpPassword)),
    };
  const keep = { parent, protect: true };
  const generate = (user: string) =>
    new random.RandomPassword(`${name}-${user}-password`, { length: 32, special: false }, keep)
      .result;
  return { root: generate("root"), kfp: generate("kfp") };
}

export class Mysql extends pulumi.ComponentResource {
  readonly connection: DatabaseConnection;
  /** app → its database connection (secret password). */
  readonly appConnections: Record<string, AppDatabaseConnection>;

  constructor(name: string, args: MysqlArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:foundation:Mysql", name, {}, opts);
    const { root, kfp } = mysqlPasswords(this, name, args.credentials);
    const deps = { parent: this, dependsOn: [args.namespace] };
    const secret = new k8s.core.v1.Secret(
      `${name}-credentials`,
      {
        metadata: {
          name: MYSQL_CREDENTIALS_SECRET,
          namespace: DATA_NAMESPACE,
          labels: labels(MYSQL_NAME),
        },
        stringData: pulumi.secret({ "root-password": root, "kfp-password": kfp }),
      },
      // Retained with the volume: after a destroy it is where the data's passwords are found.
      { ...deps, retainOnDelete: true },
    );
    const init = new k8s.core.v1.ConfigMap(
      `${name}-init`,
      {
        metadata: {
          name: `${MYSQL_NAME}-init`,
          namespace: DATA_NAMESPACE,
          labels: labels(MYSQL_NAME),
        },
        data: { "10-kubeflow.sh": mysqlInitScript(PIPELINES_DATABASES) },
      },
      deps,
    );
    const claim = new k8s.core.v1.PersistentVolumeClaim(
      `${name}-data`,
      dataVolumeClaim(MYSQL_NAME, args.storageGiB, args.storageClass),
      { ...deps, protect: true, retainOnDelete: true },
    );
    const service = new k8s.core.v1.Service(
      `${name}-service`,
      dataService(MYSQL_NAME, MYSQL_PORT, "tcp-mysql"),
      deps,
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-network-policy`,
      dataNetworkPolicy(MYSQL_NAME, MYSQL_PORT),
      deps,
    );
    const statefulSet = new k8s.apps.v1.StatefulSet(
      `${name}-statefulset`,
      mysqlStatefulSetSpec(`${MYSQL_NAME}-data`),
      {
        parent: this,
        dependsOn: [secret, init, claim, service],
        protect: true,
      },
    );
    this.connection = {
      host: MYSQL_HOST,
      port: MYSQL_PORT,
      user: PIPELINES_DB_USER,
      password: pulumi.secret(kfp),
    };

    this.appConnections = mysqlUsers(this, name, {
      users: args.appDatabases ?? [],
      adminUser: "root",
      dependsOn: [statefulSet],
    });
    this.registerOutputs({ host: this.connection.host, statefulSet: statefulSet.metadata.name });
  }
}
