// What the MySQL server, its users and every client agree on: the Service name and port, the admin
// Secret, the Pipelines databases and user, and how a connection is handed on. The server may be
// in the cluster (server.ts) or managed by the cloud (managed.ts); clients see the same names.
import * as pulumi from "@pulumi/pulumi";
import { DATA_NAMESPACE } from "../data";

export const MYSQL_NAME = "mysql";
export const MYSQL_PORT = 3306;
/** The server as clients reach it, in the cluster or managed (then an external Service). */
export const MYSQL_HOST = `${MYSQL_NAME}.${DATA_NAMESPACE}.svc.cluster.local`;
export const PIPELINES_DATABASES = ["mlpipeline", "metadb", "cachedb"];
export const PIPELINES_DB_USER = "kfp";
/** The admin's (root-password) and, in the cluster, the Pipelines user's (kfp-password) passwords. */
export const MYSQL_CREDENTIALS_SECRET = "mysql-credentials";

/** Connection facts handed to Pipelines (and other database users). */
export interface DatabaseConnection {
  host: string;
  port: number;
  user: string;
  password: pulumi.Output<string>;
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
