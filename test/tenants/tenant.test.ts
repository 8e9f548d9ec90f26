// Tenants: namespace (adopted by the Profile controller), Profile with quota, LimitRange so quota'd
// namespaces still run Pipelines' pods, and contributors bound the way KFAM binds them.
import { beforeAll, describe, expect, it } from "vitest";
import { TenantSchema } from "../../components/config/schema";
import { contributorObjects } from "../../components/tenants/contributors";
import { azureServiceAccount, identityPlugins } from "../../components/tenants/identity";
import { profile, tenantNamespace } from "../../components/tenants/namespace";
import { TENANT_OBJECT_SOURCES, tenantObjects } from "../../components/tenants/podDefaults";
import {
  limitRange,
  quotaHard,
  TENANT_QUOTA_NAME,
  tenantQuota,
} from "../../components/tenants/quota";
import { Registration } from "../../components/plan/recorder";
import { LOCAL_CONFIG, byName, crdValidator, crdsAvailable, plan, under } from "../mocks";
import { validateObject } from "../schemaValidation";

const tenant = TenantSchema.parse({
  name: "team-a",
  owner: "alice@example.com",
  contributors: [{ email: "bob@example.com", role: "edit" }],
  quota: {
    cpu: "8",
    memory: "16Gi",
    storage: "100Gi",
    gpu: 2,
    pods: 50,
    persistentVolumeClaims: 10,
  },
});

describe("tenant objects (pure)", () => {
  it("the namespace carries the owner annotation the Profile controller checks before adopting it", () => {
    const ns = tenantNamespace(tenant);
    expect(ns.metadata.annotations).toEqual({ owner: "alice@example.com" });
    expect(ns.metadata.labels).toMatchObject({
      "istio-injection": "enabled",
      "pipelines.kubeflow.org/enabled": "true",
      "katib.kubeflow.org/metrics-collector-injection": "enabled",
    });
    expect(() => validateObject(ns)).not.toThrow();
  });

  it("quota becomes the Profile's resourceQuotaSpec, GPUs as requests.nvidia.com/gpu", () => {
    expect(quotaHard(tenant.quota)).toEqual({
      "requests.cpu": "8",
      "limits.cpu": "8",
      "requests.memory": "16Gi",
      "limits.memory": "16Gi",
      "requests.storage": "100Gi",
      "requests.nvidia.com/gpu": "2",
      pods: "50",
      persistentvolumeclaims: "10",
    });
    const p = profile(tenant);
    if (crdsAvailable()) expect(crdValidator("kubeflow.org_profiles.yaml", "v1")(p)).toBe(true);
    expect(p.spec).toMatchObject({ owner: { kind: "User", name: "alice@example.com" } });
    expect(quotaHard(undefined)).toBeUndefined();
    expect(profile({ ...tenant, quota: undefined }).spec).not.toHaveProperty("resourceQuotaSpec");
  });

  it("the LimitRange gives containers default requests and limits", () => {
    const lr = limitRange(tenant);
    expect(() => validateObject(lr)).not.toThrow();
    expect((lr.spec as { limits: unknown[] }).limits).toEqual([
      {
        type: "Container",
        defaultRequest: { cpu: "100m", memory: "256Mi" },
        default: { cpu: "1", memory: "1Gi" },
      },
    ]);
  });

  it("a contributor gets KFAM's RoleBinding and AuthorizationPolicy", () => {
    const [binding, policy] = contributorObjects("team-a", tenant.contributors[0]);
    expect(binding.metadata).toMatchObject({
      // KFAM: <user kind>-<email, non-alphanumerics as "-">-<role kind>-<role name>, lower-cased
      name: "user-bob-example-com-clusterrole-kubeflow-edit",
      namespace: "team-a",
      annotations: { user: "bob@example.com", role: "edit" },
    });
    expect(binding).toMatchObject({ roleRef: { kind: "ClusterRole", name: "kubeflow-edit" } });
    expect(policy.metadata.name).toBe(binding.metadata.name);
    expect(JSON.stringify(policy.spec)).toContain('"values":["bob@example.com"]');
    for (const o of [binding, policy]) expect(() => validateObject(o)).not.toThrow();
  });
});

describe("Tenants component", () => {
  let regs: Registration[];
  let regsAll: Registration[];
  beforeAll(async () => {
    regsAll = await plan(LOCAL_CONFIG);
    regs = under(regsAll, "tenants");
  });

  it("registers namespace, Profile, ResourceQuota, LimitRange and two objects per contributor, per tenant", () => {
    const teamA = regs.filter((r) => r.name.startsWith("tenants-team-a-"));
    // namespace, Profile, ResourceQuota, LimitRange, object-store keys + 2 per contributor (team-a
    // has two) + its GPU PodDefault (GPU quota, GPU pool)
    expect(teamA).toHaveLength(5 + 2 * 2 + 1);
  });

  it("removing a retained tenant keeps its data and a quota, and deletes every grant of access", () => {
    // GIVEN team-a (retain: true by default), with contributors, a quota and a GPU PodDefault
    const mine = regs.filter((r) => r.name.startsWith("tenants-team-a-"));
    const ns = byName(regs, "tenants-team-a-namespace");
    const kept = ["tenants-team-a-namespace", "tenants-team-a-quota", "tenants-team-a-limits"];
    // WHEN the tenant leaves config, THEN the engine keeps what is retainOnDelete (or deletedWith
    // the retained namespace) and deletes the rest.
    const survives = (r: Registration) => r.retainOnDelete || r.deletedWith === ns.urn;
    expect(
      mine
        .filter(survives)
        .map((r) => r.name)
        .sort(),
    ).toEqual([...kept].sort());
    for (const name of kept.slice(1)) {
      expect(byName(regs, name).retainOnDelete, name).toBe(true);
      expect(byName(regs, name).deletedWith, name).toBe(ns.urn);
    }
    const revoked = mine.filter((r) => !survives(r)).map((r) => r.type.split(":").pop());
    expect(revoked.sort()).toEqual(
      [
        "Profile",
        "RoleBinding",
        "RoleBinding",
        "AuthorizationPolicy",
        "AuthorizationPolicy",
        "Secret",
        "PodDefault",
      ].sort(),
    );
  });

  it("our ResourceQuota carries the Profile's limits, so a retained namespace stays bounded", () => {
    const quota = byName(regs, "tenants-team-a-quota");
    const p = byName(regs, "tenants-team-a-profile");
    expect(quota.inputs).toMatchObject({
      metadata: { name: TENANT_QUOTA_NAME, namespace: "team-a" },
      spec: {
        hard: (p.inputs.spec as { resourceQuotaSpec: { hard: unknown } }).resourceQuotaSpec.hard,
      },
    });
    // Not the controller's name: it would take over (and then delete) our object.
    expect(TENANT_QUOTA_NAME).not.toBe("kf-resource-quota");
    expect(() => validateObject(tenantQuota(tenant))).not.toThrow();
    // Taking the quota away updates our (retained) object to no limits; it is never left behind.
    const none = tenantQuota({ ...tenant, quota: undefined });
    expect(none.spec).toEqual({ hard: {} });
    expect(() => validateObject(none)).not.toThrow();
  });

  it("a tenant is deleted before the controllers that clear its finalizers", () => {
    // GIVEN the platform and its tenants in one stack
    const all = regsAll;
    const ns = byName(all, "tenants-team-a-namespace");
    const profileCr = byName(all, "tenants-team-a-profile");
    // THEN the namespace (whose deletion deletes the users' objects in it) depends on every app
    // that acts in tenant namespaces, and the Profile on the profiles kustomization: on a destroy
    // the engine deletes them before those components' children.
    const urnOf = (name: string) => byName(all, name).urn;
    for (const app of ["pipelines", "notebooks"]) {
      const upstream = under(all, app).filter(
        (r) => r.type === "kubernetes:kustomize/v2:Directory",
      );
      expect(upstream.length, app).toBeGreaterThan(0);
      for (const r of upstream) expect(ns.dependsOn, r.name).toContain(r.urn);
    }
    expect(profileCr.dependsOn).toContain(urnOf("kubeflow-profiles"));
  });

  it("registers many tenants in batches without losing any", async () => {
    const tenants = Array.from({ length: 45 }, (_, i) => ({
      name: `team-${i}`,
      owner: `owner${i}@example.com`,
    }));
    const many = under(await plan({ ...LOCAL_CONFIG, tenants }), "tenants");
    expect(many.filter((r) => r.type.endsWith(":Profile"))).toHaveLength(45 + 1);
  });
});

describe("identity, groups, PodDefaults and retention", () => {
  const gpuTolerations = [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }];
  const aws = TenantSchema.parse({
    name: "team-b",
    owner: "b@example.com",
    identity: { awsIamRole: "arn:aws:iam::123456789012:role/kubeflow-team-b" },
    quota: { gpu: 1 },
  });

  it("AWS and GCP identities are Profile plugins the profile controller applies", () => {
    const p = profile(aws);
    expect((p.spec as { plugins: unknown[] }).plugins).toEqual([
      {
        kind: "AwsIamForServiceAccount",
        spec: { awsIamRole: "arn:aws:iam::123456789012:role/kubeflow-team-b", annotateOnly: true },
      },
    ]);
    if (crdsAvailable()) expect(crdValidator("kubeflow.org_profiles.yaml", "v1")(p)).toBe(true);
    expect(identityPlugins({ gcpServiceAccount: "kf-b@proj.iam.gserviceaccount.com" })).toEqual([
      {
        kind: "WorkloadIdentity",
        spec: { gcpServiceAccount: "kf-b@proj.iam.gserviceaccount.com" },
      },
    ]);
  });

  it("Azure: default-editor is created with the managed identity's client id", () => {
    const azure = TenantSchema.parse({
      name: "team-c",
      owner: "c@example.com",
      identity: { azureClientId: "11111111-2222-3333-4444-555555555555" },
    });
    const sa = azureServiceAccount(azure)!;
    expect(sa.metadata).toMatchObject({
      name: "default-editor",
      namespace: "team-c",
      annotations: { "azure.workload.identity/client-id": "11111111-2222-3333-4444-555555555555" },
    });
    expect(() => validateObject(sa)).not.toThrow();
    expect(azureServiceAccount(aws)).toBeUndefined();
    const [identityDefault] = tenantObjects(azure, { gpuTolerations });
    expect(identityDefault.spec).toMatchObject({
      serviceAccountName: "default-editor",
      labels: { "azure.workload.identity/use": "true" },
    });
  });

  it("PodDefaults for GPU tolerations and identity are valid against the PodDefault CRD", () => {
    const defaults = tenantObjects(aws, { gpuTolerations });
    expect(defaults.map((d) => d.metadata.name)).toEqual(["gpu-nodes", "cloud-identity"]);
    expect(defaults[0].spec).toMatchObject({ tolerations: gpuTolerations });
    if (crdsAvailable()) {
      const validate = crdValidator("kubeflow.org_poddefaults.yaml", "v1alpha1");
      for (const d of defaults) expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
    }
    // No GPU quota or no GPU pools: no GPU PodDefault.
    expect(tenantObjects({ ...tenant, quota: { cpu: "1" } }, { gpuTolerations })).toEqual([]);
    expect(tenantObjects(aws, { gpuTolerations: [] }).map((d) => d.metadata.name)).toEqual([
      "cloud-identity",
    ]);
  });

  it("GPU, identity and the apps' objects come through one list of sources, in that order", () => {
    expect(TENANT_OBJECT_SOURCES.map((s) => s.name)).toEqual(["gpu", "identity", "apps"]);
    const fromApp = {
      apiVersion: "kubeflow.org/v1alpha1",
      kind: "PodDefault",
      metadata: { name: "tracking", labels: { "app.kubernetes.io/component": "mlflow" } },
      spec: { desc: "Track runs", selector: { matchLabels: { tracking: "true" } } },
    };
    const objects = tenantObjects(aws, { gpuTolerations, appObjects: [fromApp] });
    expect(objects.map((o) => o.metadata.name)).toEqual([
      "gpu-nodes",
      "cloud-identity",
      "tracking",
    ]);
    // Each copy is the tenant's: in its namespace, with the tenant's labels under the app's own.
    expect(objects[2].metadata).toEqual({
      name: "tracking",
      namespace: "team-b",
      labels: { ...objects[0].metadata.labels, "app.kubernetes.io/component": "mlflow" },
    });
    expect(fromApp.metadata).not.toHaveProperty("namespace");
    if (crdsAvailable()) {
      const validate = crdValidator("kubeflow.org_poddefaults.yaml", "v1alpha1");
      expect(validate(objects[2]), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("refuses two sources giving one object, and core kinds (they are registered as custom resources)", () => {
    const clash = {
      apiVersion: "kubeflow.org/v1alpha1",
      kind: "PodDefault",
      metadata: { name: "gpu-nodes" },
    };
    expect(() => tenantObjects(aws, { gpuTolerations, appObjects: [clash] })).toThrow(
      /PodDefault\/gpu-nodes comes from both gpu and apps/,
    );
    const core = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings" } };
    expect(() => tenantObjects(aws, { gpuTolerations: [], appObjects: [core] })).toThrow(
      /ConfigMap\/settings \(from apps\): give an object of an API group/,
    );
  });

  it("a group contributor: RoleBinding to the Group, policy on the groups header", () => {
    const [binding, policy] = contributorObjects("team-a", { group: "ml-team", role: "view" });
    expect(binding.metadata).toMatchObject({
      name: "group-ml-team-clusterrole-kubeflow-view",
      annotations: { group: "ml-team", role: "view" },
    });
    expect((binding as unknown as { subjects: unknown[] }).subjects).toEqual([
      { apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "ml-team" },
    ]);
    expect(JSON.stringify(policy.spec)).toContain(
      '"key":"request.headers[kubeflow-groups]","values":["ml-team","ml-team,*","*,ml-team"]',
    );
    for (const o of [binding, policy]) expect(() => validateObject(o)).not.toThrow();
  });

  it("retain: false lets the namespace go with the tenant; the default keeps it", async () => {
    const quota = { cpu: "1", memory: "1Gi", storage: "1Gi" };
    const regs = await plan({
      ...LOCAL_CONFIG,
      tenants: [
        { name: "keep", owner: "k@example.com", quota },
        { name: "drop", owner: "d@example.com", retain: false, quota },
      ],
    });
    for (const object of ["namespace", "quota", "limits"]) {
      expect(byName(regs, `tenants-keep-${object}`).retainOnDelete, object).toBe(true);
      expect(byName(regs, `tenants-drop-${object}`).retainOnDelete, object).toBe(false);
    }
    // Dropped: the quota and the LimitRange go in the namespace's one delete.
    const drop = byName(regs, "tenants-drop-namespace");
    expect(byName(regs, "tenants-drop-quota").deletedWith).toBe(drop.urn);
  });

  it("resources per tenant: at most 5 plus 2 per contributor for a typical tenant", async () => {
    const regs = await plan({
      ...LOCAL_CONFIG,
      tenants: [
        {
          name: "typical",
          owner: "t@example.com",
          contributors: [1, 2, 3].map((i) => ({ email: `m${i}@example.com`, role: "edit" })),
          quota: { cpu: "8", memory: "32Gi", storage: "100Gi" },
        },
      ],
    });
    const mine = regs.filter((r) => r.name.startsWith("tenants-typical-"));
    expect(mine.length).toBeLessThanOrEqual(5 + 2 * 3);
  });
});

describe("tenants' object-store keys (tenants layer)", () => {
  it("each tenant gets its keys Secret in its namespace; MinIO users come from one Job", async () => {
    const regs = await plan(LOCAL_CONFIG);
    const keys = byName(regs, "tenants-team-a-object-store-keys");
    expect(keys.inputs.metadata).toMatchObject({
      name: "mlpipeline-minio-artifact",
      namespace: "team-a",
    });
    expect(keys.inputs.stringData).toBe("[secret]");
    expect(keys.dependsOn).toContain(byName(regs, "tenants-team-a-namespace").urn);
    expect(byName(regs, "tenants-object-store-master-key")).toMatchObject({ protect: true });
    const job = byName(regs, "tenants-minio-provision");
    expect(job.dependsOn).toEqual(
      expect.arrayContaining([
        byName(regs, "minio-statefulset").urn,
        byName(regs, "tenants-minio-users").urn,
      ]),
    );
    expect(byName(regs, "tenants-minio-users").inputs.stringData).toBe("[secret]");
  });

  it("with S3 and per-tenant keys, the tenant's own keys; no MinIO Job", async () => {
    const regs = await plan({
      ...LOCAL_CONFIG,
      objectStore: {
        kind: "s3",
        endpoint: "s3.eu-west-1.amazonaws.com",
        region: "eu-west-1",
        bucket: "acme-kf",
        accessKeyId: "AKIAPLATFORM",
        secretAccessKey: "platform-secret",
      },
      defaultTenant: false,
      tenants: [
        {
          name: "team-a",
          owner: "a@example.com",
          objectStoreCredentials: { accessKeyId: "AKIATEAMA", secretAccessKey: "team-a-secret" },
        },
      ],
    });
    expect(byName(regs, "tenants-team-a-object-store-keys").inputs.stringData).toBe("[secret]");
    expect(regs.some((r) => r.name === "tenants-minio-provision")).toBe(false);
    expect(JSON.stringify(regs.map((r) => r.inputs))).not.toContain("team-a-secret");
  });
});
