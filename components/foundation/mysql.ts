// MySQL 8.4 for Pipelines (and later Katib, Model Registry), written by us: small, pinned, secure.
// ML Metadata cannot log in with caching_sha2_password, so the native plugin is enabled and the
// Pipelines user is created with it. The volume is a PVC of its own, protected and retained.
import { createHash } from "crypto";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { labels, restrictedContainerSecurity } from "../lib/k8s";
import { AppRequests } from "../lib/workloads";
import { images } from "../versions";
import { DATA_NAMESPACE, dataNetworkPolicy } from "./dataNamespace";
import { ExternalAddressType, externalServiceObjects } from "./externalService";

export const MYSQL_NAME = "mysql";
export const MYSQL_PORT = 3306;
export const PIPELINES_DATABASES = ["mlpipeline", "metadb", "cachedb"];
export const PIPELINES_DB_USER = "kfp";
const SECRET = "mysql-credentials";

export const MYSQL_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "100m", memory: "512Mi" },
};

/** Connection facts handed to Pipelines (and other database users). */
export interface DatabaseConnection {
  host: string;
  port: number;
  user: string;
  password: pulumi.Output<string>;
}

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
      valueFrom: { secretKeyRef: { name: SECRET, key: "root-password" } },
    },
    { name: "KFP_USER", value: PIPELINES_DB_USER },
    { name: "KFP_PASSWORD", valueFrom: { secretKeyRef: { name: SECRET, key: "kfp-password" } } },
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
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 999,
            runAsGroup: 999,
            fsGroup: 999,
            seccompProfile: { type: "RuntimeDefault" },
          },
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

export function dataVolumeClaim(
  app: string,
  storageGiB: number,
  storageClass?: string,
): k8s.core.v1.PersistentVolumeClaimArgs {
  return {
    metadata: { name: `${app}-data`, namespace: DATA_NAMESPACE, labels: labels(app) },
    spec: {
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: `${storageGiB}Gi` } },
      ...(storageClass ? { storageClassName: storageClass } : {}),
    },
  };
}

/** A database and user of its own for an application (Katib, Model Registry). */
export interface AppDatabase {
  app: string;
  database: string;
  user: string;
}

/** Where an application's database is and how to log in. */
export interface AppDatabaseConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  password: pulumi.Output<string>;
}

const APP_USERS_SECRET = "mysql-app-users";

/**
 * The database users Job's script. Each file in /app-users is named after an app and holds
 * "<database>[,<database>...] <user> <password>". Every statement is idempotent and the password is
 * re-applied, so the Job can run again at any time (new app, rotated password). It logs in as
 * $MYSQL_ADMIN_USER with $MYSQL_PWD. Pure.
 */
export function appDatabasesScript(): string {
  return [
    "#!/bin/bash",
    "set -euo pipefail",
    `until mysqladmin ping -h ${MYSQL_NAME} -u"$MYSQL_ADMIN_USER" --silent; do sleep 3; done`,
    "for file in /app-users/*; do",
    '  read -r databases user password < "$file" || [ -n "${password:-}" ]',
    `  mysql -h ${MYSQL_NAME} -u"$MYSQL_ADMIN_USER" <<SQL`,
    "CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED WITH mysql_native_password BY '$password';",
    "ALTER USER '$user'@'%' IDENTIFIED WITH mysql_native_password BY '$password';",
    "SQL",
    "  for database in ${databases//,/ }; do",
    `    mysql -h ${MYSQL_NAME} -u"$MYSQL_ADMIN_USER" <<SQL`,
    "CREATE DATABASE IF NOT EXISTS \\`$database\\`;",
    "GRANT ALL PRIVILEGES ON \\`$database\\`.* TO '$user'@'%';",
    "SQL",
    "  done",
    '  echo "databases for $(basename "$file") ready"',
    "done",
    "",
  ].join("\n");
}

/**
 * Database users with generated passwords (protected: they live in the database once set) and the
 * idempotent Job that creates them and their databases, logged in as the server's admin.
 * Returns each user's connection. Used for the in-cluster MySQL and for a managed one.
 */
export function mysqlUsers(
  parent: pulumi.ComponentResource,
  name: string,
  args: {
    users: (AppDatabase & { databases?: string[] })[];
    adminUser: string;
    dependsOn: pulumi.Resource[];
  },
): Record<string, AppDatabaseConnection> {
  const connections: Record<string, AppDatabaseConnection> = {};
  if (args.users.length === 0) return connections;
  const host = `${MYSQL_NAME}.${DATA_NAMESPACE}.svc.cluster.local`;
  const lines: Record<string, pulumi.Output<string>> = {};
  for (const a of args.users) {
    const password = new random.RandomPassword(
      `${name}-${a.app}-password`,
      { length: 32, special: false },
      { parent, protect: true },
    );
    const databases = (a.databases ?? [a.database]).join(",");
    lines[a.app] = pulumi.interpolate`${databases} ${a.user} ${password.result}`;
    connections[a.app] = {
      host,
      port: MYSQL_PORT,
      database: a.database,
      user: a.user,
      password: pulumi.secret(password.result),
    };
  }
  const users = new k8s.core.v1.Secret(
    `${name}-app-users`,
    {
      metadata: { name: APP_USERS_SECRET, namespace: DATA_NAMESPACE, labels: labels(MYSQL_NAME) },
      stringData: pulumi.secret(pulumi.all(lines)),
    },
    { parent, dependsOn: args.dependsOn },
  );
  // A new Job (new name) when the set of users or the script changes.
  const script = appDatabasesScript();
  const jobName = `mysql-app-databases-${createHash("sha256")
    .update(script)
    .update(JSON.stringify(args.users))
    .digest("hex")
    .slice(0, 10)}`;
  new k8s.batch.v1.Job(
    `${name}-app-databases`,
    {
      metadata: { name: jobName, namespace: DATA_NAMESPACE, labels: labels("mysql-app-databases") },
      spec: {
        backoffLimit: 6,
        template: {
          metadata: { labels: labels("mysql-app-databases") },
          spec: {
            restartPolicy: "OnFailure",
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 999,
              runAsGroup: 999,
              seccompProfile: { type: "RuntimeDefault" },
            },
            containers: [
              {
                name: "app-databases",
                image: images.mysql,
                command: ["/bin/bash", "-c", script],
                env: [
                  { name: "MYSQL_ADMIN_USER", value: args.adminUser },
                  {
                    name: "MYSQL_PWD",
                    valueFrom: { secretKeyRef: { name: SECRET, key: "root-password" } },
                  },
                ],
                resources: {
                  requests: { cpu: "10m", memory: "32Mi" },
                  limits: { memory: "128Mi" },
                },
                securityContext: restrictedContainerSecurity,
                volumeMounts: [{ name: "app-users", mountPath: "/app-users", readOnly: true }],
              },
            ],
            volumes: [{ name: "app-users", secret: { secretName: APP_USERS_SECRET } }],
          },
        },
      },
    },
    { parent, dependsOn: [...args.dependsOn, users] },
  );
  return connections;
}

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
        metadata: { name: SECRET, namespace: DATA_NAMESPACE, labels: labels(MYSQL_NAME) },
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

export interface MysqlArgs {
  storageGiB: number;
  storageClass?: string;
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
        metadata: { name: SECRET, namespace: DATA_NAMESPACE, labels: labels(MYSQL_NAME) },
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
      {
        metadata: { name: MYSQL_NAME, namespace: DATA_NAMESPACE, labels: labels(MYSQL_NAME) },
        spec: {
          selector: { "app.kubernetes.io/name": MYSQL_NAME },
          ports: [{ name: "tcp-mysql", port: MYSQL_PORT, targetPort: MYSQL_PORT }],
        },
      },
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
    const host = `${MYSQL_NAME}.${DATA_NAMESPACE}.svc.cluster.local`;
    this.connection = {
      host,
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
