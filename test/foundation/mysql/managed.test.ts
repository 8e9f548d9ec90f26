// A managed MySQL (RDS, Cloud SQL, Azure) is reached under the in-cluster server's name, and the
// Pipelines user and the applications' users are created on it by the same Job, logged in as the
// managed server's admin.
import { describe, expect, it } from "vitest";
import { dataNamespace } from "../../../components/foundation/data";
import { MYSQL_HOST, ManagedMysql } from "../../../components/foundation/mysql";
import { SECRET_PLACEHOLDER } from "../../../components/plan/recorder";
import { byName } from "../../mocks";
import { record } from "../record";

function managed(host: string, hostAddressType?: "IPv4") {
  let mysql: ManagedMysql | undefined;
  const regs = record(() => {
    mysql = new ManagedMysql("mysql", {
      host,
      hostAddressType,
      adminUser: "kfadmin",
      adminPassword: "admin-pw",
      namespace: dataNamespace("kubeflow-data", {}),
      appDatabases: [{ app: "katib", database: "katib", user: "katib" }],
    });
  });
  return regs.then((r) => ({ regs: r, mysql: mysql! }));
}

describe("ManagedMysql", () => {
  it("a DNS name: an ExternalName Service named mysql, so clients connect as in the cluster", async () => {
    const { regs, mysql } = await managed("db.example.rds.amazonaws.com");
    expect(byName(regs, "mysql-service").inputs).toMatchObject({
      metadata: { name: "mysql", namespace: "kubeflow-data" },
      spec: { type: "ExternalName", externalName: "db.example.rds.amazonaws.com" },
    });
    expect(regs.some((r) => r.name === "mysql-endpoints")).toBe(false);
    expect(mysql.connection).toMatchObject({ host: MYSQL_HOST, port: 3306, user: "kfp" });
    expect(Object.keys(mysql.appConnections)).toEqual(["katib"]);
  });

  it("an IP address: a selector-less Service and its EndpointSlice", async () => {
    const { regs } = await managed("10.100.0.3", "IPv4");
    expect(byName(regs, "mysql-endpoints").inputs).toMatchObject({
      addressType: "IPv4",
      endpoints: [{ addresses: ["10.100.0.3"] }],
    });
  });

  it("creates the Pipelines databases and the apps' on it as the managed admin, after its Secret", async () => {
    const { regs } = await managed("db.example.com");
    expect(byName(regs, "mysql-credentials").inputs.stringData).toBe(SECRET_PLACEHOLDER);
    const job = byName(regs, "mysql-app-databases");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const env = (job.inputs as any).spec.template.spec.containers[0].env;
    expect(env[0]).toEqual({ name: "MYSQL_ADMIN_USER", value: "kfadmin" });
    expect(job.dependsOn).toEqual(
      expect.arrayContaining([
        byName(regs, "mysql-credentials").urn,
        byName(regs, "mysql-service").urn,
      ]),
    );
    for (const app of ["pipelines", "katib"])
      expect(byName(regs, `mysql-${app}-password`).protect, app).toBe(true);
  });
});
