// Applications' databases and users on the MySQL server (in the cluster or managed): generated
// passwords and one idempotent Job that creates them, logged in as the server's admin.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { labels } from "../../lib/k8s";
import { images } from "../../versions";
import { DATA_NAMESPACE } from "../data";
import { provisioningJob } from "../provisioningJob";
import {
  AppDatabase,
  AppDatabaseConnection,
  MYSQL_CREDENTIALS_SECRET,
  MYSQL_HOST,
  MYSQL_NAME,
  MYSQL_PORT,
} from "./connection";

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

/** A user that owns several databases (Pipelines on a managed server). */
export type MysqlUser = AppDatabase & { databases?: string[] };

/**
 * The Job that creates the users and their databases: a new one (new name) when the set of users
 * or the script changes; the passwords come from the users Secret, the admin's from its own. Pure.
 */
export function appDatabasesJob(users: MysqlUser[], adminUser: string): k8s.batch.v1.JobArgs {
  return provisioningJob({
    prefix: "mysql-app-databases",
    script: appDatabasesScript(),
    runKey: users,
    container: {
      name: "app-databases",
      image: images.mysql,
      shell: "/bin/bash",
      env: [
        { name: "MYSQL_ADMIN_USER", value: adminUser },
        {
          name: "MYSQL_PWD",
          valueFrom: { secretKeyRef: { name: MYSQL_CREDENTIALS_SECRET, key: "root-password" } },
        },
      ],
      volumeMounts: [{ name: "app-users", mountPath: "/app-users", readOnly: true }],
    },
    volumes: [{ name: "app-users", secret: { secretName: APP_USERS_SECRET } }],
    uid: 999,
  });
}

/**
 * Database users with generated passwords (protected: they live in the database once set) and the
 * idempotent Job that creates them and their databases, logged in as the server's admin.
 * Returns each user's connection. Used for the in-cluster MySQL and for a managed one.
 */
export function mysqlUsers(
  parent: pulumi.ComponentResource,
  name: string,
  args: { users: MysqlUser[]; adminUser: string; dependsOn: pulumi.Resource[] },
): Record<string, AppDatabaseConnection> {
  const connections: Record<string, AppDatabaseConnection> = {};
  if (args.users.length === 0) return connections;
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
      host: MYSQL_HOST,
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
  new k8s.batch.v1.Job(`${name}-app-databases`, appDatabasesJob(args.users, args.adminUser), {
    parent,
    dependsOn: [...args.dependsOn, users],
  });
  return connections;
}
