// The in-cluster MySQL for Pipelines: generated passwords, the databases and a mysql_native_password
// user created on first boot (ML Metadata's client needs that plugin), the volume retained and
// protected, and no password anywhere but in a Secret.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { dataNamespace } from "../../../components/foundation/data";
import {
  Mysql,
  PIPELINES_DATABASES,
  mysqlInitScript,
  mysqlStatefulSetSpec,
} from "../../../components/foundation/mysql";
import { SECRET_PLACEHOLDER, planPassword } from "../../../components/plan/recorder";
import { images } from "../../../components/versions";
import { LOCAL_CONFIG, byName, names, plan, under } from "../../mocks";
import { record } from "../record";

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

describe("StatefulSet spec (pure)", () => {
  const spec = mysqlStatefulSetSpec("mysql-data") as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const container = spec.spec.template.spec.containers[0];

  it("runs the pinned MySQL 8 with the native-password plugin on (8.4 has it off)", () => {
    expect(container.image).toBe(images.mysql);
    expect(images.mysql).toMatch(/:8\.\d+\.\d+$/);
    expect(container.args).toContain("--mysql-native-password=ON");
  });

  it("takes every password from the Secret: the only literal value is the user name", () => {
    // Whatever a variable is called, a literal value is plain text in the pod spec.
    const literal = container.env.filter((e: { value?: string }) => e.value !== undefined);
    expect(literal).toEqual([{ name: "KFP_USER", value: "kfp" }]);
    const fromSecret = container.env.map(
      (e: { valueFrom?: { secretKeyRef?: unknown } }) => e.valueFrom?.secretKeyRef,
    );
    expect(fromSecret.filter(Boolean)).toEqual([
      { name: "mysql-credentials", key: "root-password" },
      { name: "mysql-credentials", key: "kfp-password" },
    ]);
    expect(container.envFrom).toBeUndefined();
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

describe("generated passwords", () => {
  it("appear in no registration: Secrets carry them as secrets, pods read them from Secrets", async () => {
    const regs = await record(() => {
      const namespace = dataNamespace("kubeflow-data", {});
      return new Mysql("mysql", {
        storageGiB: 10,
        namespace,
        appDatabases: [{ app: "katib", database: "katib", user: "katib" }],
      });
    });
    const generated = regs
      .filter((r) => r.type === "random:index/randomPassword:RandomPassword")
      .map((r) => planPassword(r.name, Number(r.inputs.length)));
    // root, kfp and one per application
    expect(generated).toHaveLength(3);
    const everything = JSON.stringify(regs.map((r) => r.inputs));
    for (const password of generated) expect(everything).not.toContain(password);
    // A secret inlined into a workload would show as the placeholder there.
    for (const r of regs.filter((r) => /StatefulSet|Job/.test(r.type)))
      expect(JSON.stringify(r.inputs), r.name).not.toContain(SECRET_PLACEHOLDER);
  });
});
