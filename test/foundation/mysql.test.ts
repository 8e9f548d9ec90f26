// MySQL for Pipelines: generated passwords, the databases and a mysql_native_password user created
// on first boot (ML Metadata's client needs that plugin), the volume retained and protected.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import {
  PIPELINES_DATABASES,
  appDatabasesScript,
  mysqlInitScript,
  mysqlStatefulSetSpec,
} from "../../components/foundation/mysql";
import { SECRET_PLACEHOLDER } from "../../components/plan/recorder";
import { images } from "../../components/versions";
import { LOCAL_CONFIG, byName, names, plan, under } from "../mocks";

describe("first-boot script (run with a stand-in mysql client)", () => {
  it("creates the Pipelines databases and user with the password from the environment", () => {
    // GIVEN a fake `mysql` that records the SQL it is fed
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mysql-init-"));
    fs.writeFileSync(
      path.join(dir, "mysql"),
      `#!/bin/sh\ncat > "${dir}/sql"\necho "$@" > "${dir}/args"\n`,
      {
        mode: 0o755,
      },
    );
    fs.writeFileSync(path.join(dir, "init.sh"), mysqlInitScript(PIPELINES_DATABASES));
    // WHEN the entrypoint runs it
    execFileSync("bash", [path.join(dir, "init.sh")], {
      env: {
        PATH: `${dir}:${process.env.PATH}`,
        MYSQL_ROOT_PASSWORD: "rootpw",
        KFP_USER: "kfp",
        KFP_PASSWORD: "p4ss",
      },
    });
    // THEN the SQL creates each database, the user with mysql_native_password, and grants
    const sql = fs.readFileSync(path.join(dir, "sql"), "utf8");
    for (const db of ["mlpipeline", "metadb", "cachedb"]) {
      expect(sql).toContain(`CREATE DATABASE IF NOT EXISTS \`${db}\`;`);
      expect(sql).toContain(`GRANT ALL PRIVILEGES ON \`${db}\`.* TO 'kfp'@'%';`);
    }
    expect(sql).toContain(
      "CREATE USER IF NOT EXISTS 'kfp'@'%' IDENTIFIED WITH mysql_native_password BY 'p4ss';",
    );
    expect(fs.readFileSync(path.join(dir, "args"), "utf8")).toContain("-prootpw");
  });
});

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

describe("StatefulSet spec (pure)", () => {
  const spec = mysqlStatefulSetSpec("mysql-data") as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const container = spec.spec.template.spec.containers[0];

  it("runs the pinned MySQL 8 with the native-password plugin on (8.4 has it off)", () => {
    expect(container.image).toBe(images.mysql);
    expect(images.mysql).toMatch(/:8\.\d+\.\d+$/);
    expect(container.args).toContain("--mysql-native-password=ON");
  });

  it("takes passwords from the Secret, never inline", () => {
    for (const e of container.env)
      if (/PASSWORD/.test(e.name)) expect(e.valueFrom?.secretKeyRef).toBeDefined();
  });
});

describe("Mysql component", () => {
  it("registers the data service with protected passwords, volume and server", async () => {
    const regs = under(await plan(), "mysql");
    expect(names(regs)).toEqual([
      "mysql-credentials",
      "mysql-data",
      "mysql-init",
      "mysql-kfp-password",
      "mysql-network-policy",
      "mysql-root-password",
      "mysql-service",
      "mysql-statefulset",
    ]);
    for (const n of ["mysql-root-password", "mysql-kfp-password", "mysql-statefulset"])
      expect(byName(regs, n).protect, n).toBe(true);
    expect(byName(regs, "mysql-data")).toMatchObject({ protect: true, retainOnDelete: true });
    expect(byName(regs, "mysql-credentials").inputs.stringData).toBe(SECRET_PLACEHOLDER);
  });

  it("uses the configured size and StorageClass", async () => {
    const regs = await plan({
      ...LOCAL_CONFIG,
      cluster: { ...LOCAL_CONFIG.cluster, storageClass: "fast-ssd" },
      database: { kind: "inCluster", storageGiB: 50 },
    });
    expect(byName(regs, "mysql-data").inputs.spec).toMatchObject({
      storageClassName: "fast-ssd",
      resources: { requests: { storage: "50Gi" } },
    });
  });
});
