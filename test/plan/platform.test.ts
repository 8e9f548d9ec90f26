// The whole local platform under the mock runtime: objects valid against real schemas, secrets
// never in plain text, state protected, names DNS-safe, ordering explicit, plan deterministic.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { Registration } from "../../components/plan/recorder";
import { dnsLabelName, contributorBindingName } from "../../components/lib/naming";
import { DNS_LABEL } from "../../components/config/fields";
import { LOCAL_CONFIG, byName, crdValidator, crdsAvailable, plan, writtenObjects } from "../mocks";
import { validateObject } from "../schemaValidation";

let regs: Registration[];
beforeAll(async () => {
  regs = await plan(LOCAL_CONFIG);
});

describe("every object we write", () => {
  it("is valid against the Kubernetes, Istio and cert-manager schemas", () => {
    const objects = writtenObjects(regs).filter((o) => !o.type.includes("kubeflow.org"));
    expect(objects.length).toBeGreaterThan(25);
    // A wholly secret map is opaque in the plan; check the rest of the object around a stand-in.
    const opaque = (o: Record<string, unknown>) =>
      o.stringData === "[secret]" ? { ...o, stringData: { redacted: "[secret]" } } : o;
    for (const o of objects) expect(() => validateObject(opaque(o.object)), o.name).not.toThrow();
  });

  it("the schema check rejects a broken object", () => {
    const bad = {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: "x" },
      spec: { limits: [{ type: 3 }] },
    };
    expect(() => validateObject(bad)).toThrow();
  });

  it.runIf(crdsAvailable())("Profiles are valid against the Profile CRD of Kubeflow 26.03", () => {
    const validate = crdValidator("kubeflow.org_profiles.yaml", "v1");
    const profiles = writtenObjects(regs).filter((o) => o.type.endsWith(":Profile"));
    expect(profiles).toHaveLength(2);
    for (const p of profiles)
      expect(validate(p.object), JSON.stringify(validate.errors)).toBe(true);
    expect(
      validate({
        apiVersion: "kubeflow.org/v1",
        kind: "Profile",
        metadata: { name: "x" },
        spec: { owner: "nope" },
      }),
    ).toBe(false);
  });
});

describe("secrets", () => {
  it("no generated credential appears in plain text in any input", async () => {
    const text = JSON.stringify(regs);
    // The mock runtime's generated values are deterministic; none of them may leak.
    const generated = regs.filter((r) => r.type.includes("RandomPassword"));
    expect(generated.length).toBeGreaterThanOrEqual(7);
    const { createHash } = await import("crypto");
    for (const g of generated) {
      const fake = createHash("sha256").update(`plan:${g.name}`).digest("base64url").slice(0, 20);
      expect(text, g.name).not.toContain(fake);
    }
  });

  it("Secrets we write carry only secret values", () => {
    for (const s of writtenObjects(regs).filter((o) => o.type === "kubernetes:core/v1:Secret")) {
      const data = (s.inputs.stringData ?? {}) as Record<string, unknown> | string;
      if (typeof data === "string") expect(data).toBe("[secret]");
      else
        for (const [k, v] of Object.entries(data))
          if (k !== "username" && k !== "MINIO_ROOT_USER")
            expect(v, `${s.name}.${k}`).toBe("[secret]");
    }
  });

  it("Dex gets only a bcrypt hash inside its (secret) config; oauth2-proxy secrets are secret", () => {
    expect((byName(regs, "dex-chart").inputs.values as Record<string, unknown>).config).toBe(
      "[secret]",
    );
    const cfg = (
      byName(regs, "oauth2-proxy-chart").inputs.values as { config: Record<string, unknown> }
    ).config;
    expect(cfg.clientSecret).toBe("[secret]");
    expect(cfg.cookieSecret).toBe("[secret]");
  });
});

describe("stateful resources", () => {
  it.each(["mysql-data", "minio-data", "kubeflow-data"])("%s is protected and retained", (name) => {
    const r = byName(regs, name);
    expect(r.protect).toBe(true);
    expect(r.retainOnDelete).toBe(true);
  });

  it.each([
    "mysql-statefulset",
    "minio-statefulset",
    "mysql-root-password",
    "mysql-kfp-password",
    "tenants-object-store-master-key",
  ])("%s is protected", (name) => expect(byName(regs, name).protect).toBe(true));

  it("tenant namespaces are retained when a tenant is removed", () => {
    expect(byName(regs, "tenants-team-a-namespace").retainOnDelete).toBe(true);
  });
});

describe("ordering", () => {
  const urnOf = (name: string) => byName(regs, name).urn;
  it("custom resources wait for the installers of their CRDs and webhooks", () => {
    expect(byName(regs, "cert-manager-self-signing-issuer").dependsOn).toContain(
      urnOf("cert-manager-chart"),
    );
    expect(byName(regs, "tenants-team-a-profile").dependsOn).toContain(urnOf("kubeflow-profiles"));
    expect(byName(regs, "tenants-team-a-profile").dependsOn).toContain(
      urnOf("kubeflow-poddefaults"),
    );
    expect(byName(regs, "istio-istiod").dependsOn).toContain(urnOf("istio-base"));
    expect(byName(regs, "istio-ingressgateway").dependsOn).toContain(urnOf("istio-istiod"));
  });
  it("Pipelines waits for the namespace, cert-manager, Istio and the data services", () => {
    const deps = byName(regs, "pipelines-manifests").dependsOn;
    for (const n of [
      "kubeflow-namespace",
      "cert-manager-chart",
      "istio-istiod",
      "mysql-statefulset",
      "minio-statefulset",
    ])
      expect(deps).toContain(urnOf(n));
  });
  it("the LoadBalancer exposure cannot hang pulumi up", async () => {
    const lb = await plan({ ...LOCAL_CONFIG, ingress: { serviceType: "LoadBalancer" } });
    const values = byName(lb, "istio-ingressgateway").inputs.values as {
      service: { type: string; annotations: Record<string, string> };
    };
    expect(values.service.type).toBe("LoadBalancer");
    expect(values.service.annotations["pulumi.com/skipAwait"]).toBe("true");
  });
});

describe("components", () => {
  it("the provider uses the configured context as clusterIdentifier", () => {
    const p = byName(regs, "cluster-k8s");
    expect(p.inputs.context).toBe("kind-kubeflow");
    expect(p.inputs.clusterIdentifier).toBe("kind-kubeflow");
  });
  it("every Kubernetes resource goes through that provider", () => {
    // Charts, kustomizations and objects: all registered under components that carry the provider.
    expect(regs.filter((r) => r.type === "pulumi:providers:kubernetes")).toHaveLength(1);
  });
  it("istiod carries the oauth2-proxy external authorizer", () => {
    const values = byName(regs, "istio-istiod").inputs.values as {
      meshConfig: { extensionProviders: { name: string }[] };
    };
    expect(values.meshConfig.extensionProviders[0].name).toBe("oauth2-proxy");
  });
  it("charts are pinned to the catalog versions", () => {
    expect(byName(regs, "cert-manager-chart").inputs.version).toBe("v1.19.4");
    expect(byName(regs, "oauth2-proxy-chart").inputs.version).toBe("10.7.0");
  });
  it("an external database deploys no MySQL; S3 deploys no MinIO", async () => {
    const ext = await plan({
      ...LOCAL_CONFIG,
      tenants: [],
      defaultTenant: false,
      database: { kind: "external", host: "db.example.com", user: "kf", password: "pw" },
      objectStore: {
        kind: "s3",
        endpoint: "s3.eu-west-1.amazonaws.com",
        region: "eu-west-1",
        bucket: "acme-kfp",
        accessKeyId: "AK",
        secretAccessKey: "SK",
      },
    });
    expect(ext.some((r) => r.name.startsWith("mysql"))).toBe(false);
    expect(ext.some((r) => r.name.startsWith("minio"))).toBe(false);
    expect(JSON.stringify(ext)).not.toContain('SK"');
    expect(JSON.stringify(ext)).not.toContain('"pw"');
  });
  it("the first static user gets a tenant by default", () => {
    expect(byName(regs, "tenants-kubeflow-user-example-com-profile").inputs.spec).toMatchObject({
      owner: { kind: "User", name: "user@example.com" },
    });
  });
  it("contributors are bound with KFAM's names and annotations", () => {
    const rb = byName(regs, "tenants-team-a-user-bob-example-com-clusterrole-kubeflow-edit");
    expect(rb.inputs.metadata).toMatchObject({
      annotations: { user: "bob@example.com", role: "edit" },
    });
    expect(rb.inputs.roleRef).toMatchObject({ name: "kubeflow-edit" });
  });
});

describe("names", () => {
  it("generated names are DNS-1123 labels of at most 63 characters, deterministic (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 80 }), { minLength: 1, maxLength: 4 }),
        (parts) => {
          const n = dnsLabelName(...parts);
          expect(n.length).toBeLessThanOrEqual(63);
          expect(n).toMatch(DNS_LABEL);
          expect(dnsLabelName(...parts)).toBe(n);
        },
      ),
    );
    fc.assert(
      fc.property(fc.emailAddress(), fc.constantFrom("view", "edit", "admin"), (email, role) => {
        const n = contributorBindingName(email, role as "view");
        expect(n.length).toBeLessThanOrEqual(63);
        expect(n).toMatch(DNS_LABEL);
      }),
    );
  });
  it("every Kubernetes object we name has a DNS-safe name", () => {
    for (const o of writtenObjects(regs)) {
      const name = (o.inputs.metadata as { name?: unknown })?.name;
      if (typeof name === "string")
        expect(name, o.name).toMatch(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
    }
  });
});

describe("plan", () => {
  it("two plans of the same stack are identical", async () => {
    const again = await plan(LOCAL_CONFIG);
    expect(JSON.stringify(again)).toBe(JSON.stringify(regs));
  });
});

describe("the first user's default tenant", () => {
  it("is not created when the user owns a tenant, whatever the case of the owner's email", async () => {
    const { effectiveTenants } = await import("../../components/tenants/facts");
    const { parsePlatformConfig } = await import("../../components/config/load");
    const cfg = (owner: string) =>
      parsePlatformConfig({
        cluster: { kind: "existing", context: "c" },
        tenants: [{ name: "team-a", owner, quota: { cpu: "1", memory: "1Gi", storage: "1Gi" } }],
      });
    expect(effectiveTenants(cfg("User@Example.com")).map((t) => t.name)).toEqual(["team-a"]);
    expect(effectiveTenants(cfg("bob@example.com")).map((t) => t.name)).toEqual([
      "kubeflow-user-example-com",
      "team-a",
    ]);
  });
});
