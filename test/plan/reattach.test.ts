// Reinstall and reattach: what a reinstall onto retained objects (a destroyed stack's data
// namespace, volumes, credentials and CRDs; a removed tenant's namespace and quota) needs from the
// plan. Provider behaviour checked in pulumi-kubernetes' source (provider/pkg/await/await.go: a
// create is a server-side apply patch only with upsertExistingObjects, else a client-side create
// that fails AlreadyExists; provider.go: each flag falls back to its PULUMI_K8S_* variable only
// when the provider input is unset).
import { describe, expect, it } from "vitest";
import { kubernetesProviderOptions } from "../../components/lib/k8sProvider";
import { LOCAL_CONFIG, byName, plan } from "../mocks";

const OLD = { rootPassword: "old-root-pw-from-the-data", kfpPassword: "old-kfp-pw-from-the-data" };

describe("kubernetesProviderOptions (pure)", () => {
  // Server-side apply, and ConfigMaps and Secrets updated in place (components/lib/rollout.ts).
  const ALWAYS = {
    enableServerSideApply: true,
    enableConfigMapMutable: true,
    enableSecretMutable: true,
  };
  it("no flag that would shadow an operator's one-off environment variable", () => {
    expect(kubernetesProviderOptions()).toEqual(ALWAYS);
    expect(kubernetesProviderOptions({ reattach: false })).toEqual(ALWAYS);
  });

  it("reattach turns on the provider's upsert of existing objects", () => {
    expect(kubernetesProviderOptions({ reattach: true })).toEqual({
      ...ALWAYS,
      upsertExistingObjects: true,
    });
  });
});

describe("reattach on the plan", () => {
  it("default: the provider creates (AlreadyExists on a leftover) and never drops unreachable objects", async () => {
    const provider = byName(await plan(), "cluster-k8s");
    expect(provider.inputs).not.toHaveProperty("upsertExistingObjects");
    // Unset, not false: PULUMI_K8S_DELETE_UNREACHABLE=true still works for a cluster that is gone.
    expect(provider.inputs).not.toHaveProperty("deleteUnreachable");
  });

  it("reattach: true adopts leftovers through the same provider (an update of it, not a new one)", async () => {
    const regs = await plan({
      ...LOCAL_CONFIG,
      reattach: true,
      database: { kind: "inCluster", credentials: OLD },
    });
    const providers = regs.filter((r) => r.type === "pulumi:providers:kubernetes");
    expect(providers.map((p) => p.name)).toEqual(["cluster-k8s"]);
    expect(providers[0].inputs).toMatchObject({
      upsertExistingObjects: "true",
      enableServerSideApply: "true",
    });
  });

  it("carried MySQL passwords replace the generated ones, as secrets, in the server's Secret", async () => {
    const regs = await plan({
      ...LOCAL_CONFIG,
      reattach: true,
      database: { kind: "inCluster", credentials: OLD },
    });
    // No generated root or kfp password: the data directory's own are used.
    expect(
      regs.some((r) => r.name === "mysql-root-password" || r.name === "mysql-kfp-password"),
    ).toBe(false);
    expect(byName(regs, "mysql-credentials").inputs.stringData).toBe("[secret]");
    expect(JSON.stringify(regs.map((r) => r.inputs))).not.toContain(OLD.rootPassword);
    expect(JSON.stringify(regs.map((r) => r.inputs))).not.toContain(OLD.kfpPassword);
  });

  it("without carried passwords the server's are generated and protected", async () => {
    const regs = await plan();
    for (const name of ["mysql-root-password", "mysql-kfp-password"])
      expect(byName(regs, name).protect, name).toBe(true);
  });

  it("what a destroy leaves behind is what a reattach adopts: data namespace, volumes, the data's passwords", async () => {
    const regs = await plan();
    const retained = regs.filter((r) => r.custom && r.retainOnDelete).map((r) => r.name);
    expect(retained).toEqual(
      expect.arrayContaining([
        "kubeflow-data",
        "mysql-data",
        "minio-data",
        // The only copy of the retained data directory's passwords once the stack is gone.
        "mysql-credentials",
      ]),
    );
    expect(byName(regs, "mysql-credentials").inputs.metadata).toMatchObject({
      name: "mysql-credentials",
      namespace: "kubeflow-data",
    });
  });
});
