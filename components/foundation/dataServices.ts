// The platform's data services, chosen from config and the cluster's facts: the database (MySQL in
// the cluster, a managed server the cluster layer made, or one we do not run) with each app's own
// database on it, and the object store (MinIO in the cluster, S3, or a managed bucket). Only what
// the enabled apps need runs. Also the one vocabulary of what is handed down about data services:
// the cluster layer's managed services, and the connections and endpoints the apps are given.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AppsConfig, DatabaseApp } from "../config/apps";
import { DatabaseConfig, ObjectStoreConfig } from "../config/schema";
import { dataNamespace } from "./data";
import { ExternalAddressType } from "./externalService";
import { Minio } from "./minio";
import {
  AppDatabase,
  AppDatabaseConnection,
  DatabaseConnection,
  ManagedMysql,
  Mysql,
} from "./mysql";
import { AccessKey, ObjectStoreCredentials } from "./objectStoreCredentials";

// The database connections are defined beside the server that makes them (foundation/mysql.ts);
// they are named here with the rest of the vocabulary.
export type { AppDatabase, AppDatabaseConnection, DatabaseConnection };

/** A managed MySQL server the cluster layer created (RDS, Cloud SQL, Azure), with its admin login. */
export interface ManagedDatabaseFacts {
  host: pulumi.Output<string>;
  /** The host is an address of this type (Cloud SQL's private IP); absent: a DNS name. */
  hostAddressType?: ExternalAddressType;
  port: number;
  adminUser: string;
  adminPassword: pulumi.Output<string>;
}

/** A managed bucket the cluster layer created (S3, GCS through its S3 API). */
export interface ManagedObjectStoreFacts {
  host: string;
  port: number;
  secure: boolean;
  region: string;
  bucket: string;
  /** Annotations for the Pipelines service accounts (IRSA role, GCP service account). */
  workloadIdentity?: Record<string, pulumi.Input<string>>;
  /** S3 keys when the store needs them (GCS HMAC keys for Pipelines' S3 client). */
  keys?: pulumi.Output<AccessKey>;
}

export interface DatabaseEndpoint {
  host: string;
  port: number;
}

/** Where the object store is, as an S3 client reaches it. */
export interface ObjectStoreEndpoint {
  host: string;
  port: number;
  secure: boolean;
  region: string;
  bucket: string;
  /**
   * Pipelines services reach the store through workload identity (no keys): the annotations their
   * service accounts get (values may be outputs, e.g. a role ARN: the engine resolves them in the
   * transform's result before it registers the ServiceAccount).
   */
  workloadIdentity?: Record<string, pulumi.Input<string>>;
}

/** The object store as the apps that use it get it: where it is and the platform's keys. */
export interface ObjectStoreAccess {
  endpoint: ObjectStoreEndpoint;
  /** The platform services' keys; undefined with workload identity. */
  platformCredentials: pulumi.Output<AccessKey | undefined>;
}

/** Where an app's own database goes (`components.<app>.database`). */
export type AppDatabaseSetting = AppsConfig[DatabaseApp]["database"];

/** One enabled app with a database of its own. */
export interface AppDatabaseNeed {
  /** The app's key in config (components.<app>). */
  app: string;
  database: AppDatabase;
  setting: AppDatabaseSetting;
}

/** What the enabled apps need of the data services. */
export interface DataNeeds {
  /** An app uses the platform database's own user (Pipelines). */
  platformDatabase: boolean;
  /** An app uses the object store (Pipelines). */
  objectStore: boolean;
  /** The enabled apps with a database of their own. */
  appDatabases: AppDatabaseNeed[];
}

/** What the data services are chosen from: config, and what the cluster layer provides. */
export interface DataServicesCluster {
  /** The cluster's provider, for the data namespace (which waits for nothing). */
  provider: k8s.Provider;
  /** Its facts: the storage class, the managed server and bucket. */
  facts: {
    storageClass?: string;
    managedDatabase?: ManagedDatabaseFacts;
    managedObjectStore?: ManagedObjectStoreFacts;
  };
}

export interface PlatformData {
  /** The platform database's connection (Pipelines' user), when one is used. */
  database?: DatabaseConnection;
  /** Each app's own database, by the app's key in config. */
  appDatabases: Record<string, AppDatabaseConnection>;
  /** The object store, when an app uses it. */
  objectStore?: ObjectStoreAccess;
  /** The data services that run here (MySQL, MinIO): the apps wait for them. */
  ready: pulumi.Resource[];
  /** The MinIO server, when it runs here: the tenants' users Job waits for it. */
  minio?: pulumi.Resource[];
}

/** Whether the platform database is used at all: by Pipelines, or for an app's own database. Pure. */
export function usesPlatformDatabase(needs: DataNeeds): boolean {
  return needs.platformDatabase || needs.appDatabases.some((a) => a.setting.kind === "platform");
}

/** The data services the needs call for, as config chooses them. */
export function platformData(
  config: { database: DatabaseConfig; objectStore: ObjectStoreConfig },
  needs: DataNeeds,
  cluster: DataServicesCluster,
  opts: pulumi.ComponentResourceOptions,
): PlatformData {
  const { database: db, objectStore: os } = config;
  const { facts } = cluster;
  const onPlatform = needs.appDatabases.filter((a) => a.setting.kind === "platform");
  const needsDatabase = usesPlatformDatabase(needs);
  const runsData =
    (needsDatabase && ["inCluster", "managed"].includes(db.kind)) ||
    (needs.objectStore && os.kind === "minio");
  const dataNs = runsData
    ? dataNamespace("kubeflow-data", { provider: cluster.provider })
    : undefined;
  const out: PlatformData = { appDatabases: {}, ready: [] };
  const appDatabases = onPlatform.map((a) => a.database);
  let server: Mysql | ManagedMysql | undefined;
  if (needsDatabase && db.kind === "inCluster") {
    server = new Mysql(
      "mysql",
      {
        storageGiB: db.storageGiB,
        storageClass: facts.storageClass,
        namespace: dataNs!,
        appDatabases,
        credentials: db.credentials && {
          rootPassword: pulumi.secret(db.credentials.rootPassword),
          kfpPassword: pulumi.secret(db.credentials.kfpPassword),
        },
      },
      opts,
    );
  } else if (needsDatabase && db.kind === "managed" && facts.managedDatabase) {
    server = new ManagedMysql(
      "mysql",
      { ...facts.managedDatabase, namespace: dataNs!, appDatabases },
      opts,
    );
  } else if (needsDatabase && db.kind === "external") {
    const password = pulumi.secret(db.password);
    out.database = { host: db.host, port: db.port, user: db.user, password };
    // Apps use the same server and user, each with its database (which must exist).
    for (const a of onPlatform)
      out.appDatabases[a.app] = {
        host: db.host,
        port: db.port,
        user: db.user,
        database: a.database.database,
        password,
      };
  }
  if (server) {
    out.ready.push(server);
    out.database = server.connection;
    for (const a of onPlatform) out.appDatabases[a.app] = server.appConnections[a.database.app];
  }
  for (const a of needs.appDatabases)
    if (a.setting.kind === "external")
      out.appDatabases[a.app] = {
        host: a.setting.host,
        port: a.setting.port,
        user: a.setting.user,
        database: a.setting.name,
        password: pulumi.secret(a.setting.password),
      };
  if (needs.objectStore) out.objectStore = objectStore(os, facts, dataNs, out, opts);
  return out;
}

/** The Pipelines object store: MinIO here, S3 elsewhere, or the cluster layer's bucket. */
function objectStore(
  os: ObjectStoreConfig,
  facts: DataServicesCluster["facts"],
  dataNs: k8s.core.v1.Namespace | undefined,
  out: PlatformData,
  opts: pulumi.ComponentResourceOptions,
): ObjectStoreAccess {
  const credentials = new ObjectStoreCredentials(
    "object-store-credentials",
    { objectStore: os, managedKeys: facts.managedObjectStore?.keys },
    opts,
  );
  const platformCredentials = credentials.platform;
  if (os.kind === "minio") {
    const minio = new Minio(
      "minio",
      {
        bucket: os.bucket ?? "",
        storageGiB: os.storageGiB,
        storageClass: facts.storageClass,
        namespace: dataNs!,
        platformCredentials,
      },
      opts,
    );
    out.ready.push(minio);
    out.minio = [minio];
    const endpoint = { ...minio.endpoint, region: "us-east-1", bucket: os.bucket };
    return { endpoint, platformCredentials };
  }
  if (os.kind === "s3") {
    const [host, port] = os.endpoint.split(":");
    const endpoint = {
      host,
      port: port ? Number(port) : os.secure ? 443 : 80,
      secure: os.secure,
      region: os.region,
      bucket: os.bucket,
      workloadIdentity: os.serviceAccountAnnotations,
    };
    return { endpoint, platformCredentials };
  }
  const m = facts.managedObjectStore!;
  const endpoint = {
    host: m.host,
    port: m.port,
    secure: m.secure,
    region: m.region,
    bucket: m.bucket,
    workloadIdentity: m.workloadIdentity,
  };
  return { endpoint, platformCredentials };
}
