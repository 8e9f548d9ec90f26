// cert-manager: the pinned chart with CRDs managed as resources, and the self-signed issuer that
// upstream's webhook Certificates name.
import { beforeAll, describe, expect, it } from "vitest";
import {
  CERT_MANAGER_NAMESPACE,
  SELF_SIGNING_ISSUER,
  certManagerValues,
  selfSigningIssuer,
} from "../../components/foundation/certManager";
import { Registration } from "../../components/plan/recorder";
import { charts } from "../../components/versions";
import { byName, names, plan, under } from "../mocks";
import { validateObject } from "../schemaValidation";

let regs: Registration[];
beforeAll(async () => {
  regs = under(await plan(), "cert-manager");
});

describe("cert-manager values (pure)", () => {
  it("installs and keeps the CRDs, and skips the Helm-hook startup check helm.v4 would not run", () => {
    const v = certManagerValues() as Record<string, Record<string, unknown>>;
    expect(v.crds).toEqual({ enabled: true, keep: true });
    expect(v.startupapicheck.enabled).toBe(false);
    expect(v.global).toEqual({ leaderElection: { namespace: CERT_MANAGER_NAMESPACE } });
  });

  it("the issuer is the one upstream names, and schema-valid", () => {
    const issuer = selfSigningIssuer();
    expect(issuer.metadata.name).toBe("kubeflow-self-signing-issuer");
    expect(() => validateObject(issuer)).not.toThrow();
  });
});

describe("CertManager component", () => {
  it("registers the namespace, the pinned chart, the API check and the issuer", () => {
    expect(names(regs)).toEqual([
      "cert-manager-api-check",
      "cert-manager-api-check",
      "cert-manager-api-check",
      "cert-manager-api-check",
      "cert-manager-chart",
      "cert-manager-namespace",
      "cert-manager-self-signing-issuer",
    ]);
    const chart = byName(regs, "cert-manager-chart");
    expect(chart.inputs).toMatchObject({
      chart: charts.certManager.chart,
      version: charts.certManager.version,
      namespace: CERT_MANAGER_NAMESPACE,
      repositoryOpts: { repo: charts.certManager.repo },
    });
  });

  it("the issuer waits for the chart that installs its CRD and webhook", () => {
    const issuer = byName(regs, "cert-manager-self-signing-issuer");
    expect(issuer.inputs.metadata).toMatchObject({ name: SELF_SIGNING_ISSUER });
    expect(issuer.dependsOn).toContain(byName(regs, "cert-manager-chart").urn);
  });

  it("the issuer also waits for the API check Job (the chart's startupapicheck hook is dropped)", () => {
    const issuer = byName(regs, "cert-manager-self-signing-issuer");
    const job = regs.find((r) => r.type === "kubernetes:batch/v1:Job")!;
    expect(issuer.dependsOn).toContain(job.urn);
    expect(job.dependsOn).toContain(byName(regs, "cert-manager-chart").urn);
  });
});
