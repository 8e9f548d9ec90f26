// Applications' databases and users on MySQL (in the cluster or managed): generated, protected
// passwords and one idempotent Job, logged in as the server's admin, that creates them.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  MYSQL_HOST,
  appDatabasesJob,
  appDatabasesScript,
  mysqlUsers,
} from "../../../components/foundation/mysql";
import { SECRET_PLACEHOLDER } from "../../../components/plan/recorder";
import { images } from "../../../components/versions";
import { byName } from "../../mocks";
import { record } from "../record";

// Built objects are read as JSON, as the API server would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe("app databases Job script (run with stand-in mysql clients)", () => {
  it("creates each app's database and user idempotently, re-applying the password", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mysql-apps-"));
    fs.mkdirSync(path.join(dir, "bin"));
    fs.mkdirSync(path.join(dir, "users"));
    fs.writeFileSync(path.join(dir, "bin", "mysqladmin"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
    fs.writeFileSync(
      path.join(dir, "bin", "mysql"),
      `#!/bin/sh\necho "-- $*" >> "${dir}/sql"\ncat >> "${dir}/sql"\n`,
      { mode: 0o755 },
    );
    // Secret files carry no trailing newline.
    fs.writeFileSync(path.join(dir, "users", "katib"), "katib katib s3cret");
    fs.writeFileSync(
      path.join(dir, "users", "model-registry"),
      "model_registry model_registry pw2",
    );
    // One user may own several databases (Pipelines on a managed server).
    fs.writeFileSync(path.join(dir, "users", "pipelines"), "mlpipeline,metadb,cachedb kfp pw3");
    const script = appDatabasesScript().replaceAll("/app-users/", `${dir}/users/`);
    const out = execFileSync("bash", ["-c", script], {
      env: {
        PATH: `${dir}/bin:${process.env.PATH}`,
        MYSQL_PWD: "r00tpw",
        MYSQL_ADMIN_USER: "kfadmin",
      },
      encoding: "utf8",
    });
    expect(out).toContain("databases for katib ready");
    expect(fs.readFileSync(path.join(dir, "sql"), "utf8")).toContain("-- -h mysql -ukfadmin");
    const sql = fs.readFileSync(path.join(dir, "sql"), "utf8");
    expect(sql).toContain("CREATE DATABASE IF NOT EXISTS `katib`;");
    expect(sql).toContain(
      "CREATE USER IF NOT EXISTS 'katib'@'%' IDENTIFIED WITH mysql_native_password BY 's3cret';",
    );
    expect(sql).toContain(
      "ALTER USER 'model_registry'@'%' IDENTIFIED WITH mysql_native_password BY 'pw2';",
    );
    expect(sql).toContain("GRANT ALL PRIVILEGES ON `model_registry`.* TO 'model_registry'@'%';");
    for (const db of ["mlpipeline", "metadb", "cachedb"])
      expect(sql).toContain(`GRANT ALL PRIVILEGES ON \`${db}\`.* TO 'kfp'@'%';`);
    // The root password comes from the environment, never the command line.
    expect(sql).not.toContain("r00tpw");
  });
});

describe("app databases Job (pure)", () => {
  const katib = { app: "katib", database: "katib", user: "katib" };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const job = appDatabasesJob([katib], "kfadmin") as any;
  const container = job.spec.template.spec.containers[0];

  it("runs the script in the MySQL image as the given admin, whose password is read from its Secret", () => {
    expect(container.image).toBe(images.mysql);
    expect(container.command).toEqual(["/bin/bash", "-c", appDatabasesScript()]);
    expect(container.env).toEqual([
      { name: "MYSQL_ADMIN_USER", value: "kfadmin" },
      {
        name: "MYSQL_PWD",
        valueFrom: { secretKeyRef: { name: "mysql-credentials", key: "root-password" } },
      },
    ]);
    expect(job.spec.template.spec.volumes).toEqual([
      { name: "app-users", secret: { secretName: "mysql-app-users" } },
    ]);
  });

  it("is a new Job when the users change, the same one when they do not", () => {
    const name = (users: (typeof katib)[]) =>
      (appDatabasesJob(users, "kfadmin") as Json).metadata.name;
    expect(job.metadata.name).toMatch(/^mysql-app-databases-[0-9a-f]{10}$/);
    expect(name([katib])).toBe(job.metadata.name);
    expect(name([katib, { app: "mr", database: "mr", user: "mr" }])).not.toBe(job.metadata.name);
  });
});

describe("mysqlUsers", () => {
  it("registers a protected password per user, a secret users Secret and the Job after both", async () => {
    let connections: ReturnType<typeof mysqlUsers> = {};
    const regs = await record(() => {
      const parent = new pulumi.ComponentResource("test:index:Parent", "server");
      connections = mysqlUsers(parent, "mysql", {
        users: [
          { app: "katib", database: "katib", user: "katib" },
          { app: "model-registry", database: "model_registry", user: "model_registry" },
        ],
        adminUser: "root",
        dependsOn: [],
      });
    });
    for (const app of ["katib", "model-registry"])
      expect(byName(regs, `mysql-${app}-password`).protect, app).toBe(true);
    expect(byName(regs, "mysql-app-users").inputs.stringData).toBe(SECRET_PLACEHOLDER);
    expect(byName(regs, "mysql-app-databases").dependsOn).toContain(
      byName(regs, "mysql-app-users").urn,
    );
    expect(connections.katib).toMatchObject({ host: MYSQL_HOST, port: 3306, user: "katib" });
  });

  it("registers nothing without users", async () => {
    const regs = await record(() => {
      const parent = new pulumi.ComponentResource("test:index:Parent", "server");
      mysqlUsers(parent, "mysql", { users: [], adminUser: "root", dependsOn: [] });
    });
    expect(regs.map((r) => r.name)).toEqual(["server"]);
  });
});
