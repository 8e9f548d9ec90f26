// A tenant: its namespace (created by us with the owner annotation the Profile controller checks,
// so we can order objects in it and keep it when the Profile goes), the Profile with its quota,
// a ResourceQuota of our own that outlives the Profile, a LimitRange so quota'd namespaces still run
// Pipelines' pods, and contributors bound the way KFAM binds them so the dashboard lists them.
//
// Removing a tenant (retain: true) keeps its data and revokes its access: the namespace (volumes,
// notebooks, runs), our quota and the LimitRange stay; the Profile (the controller then deletes
// the owner's bindings, its ResourceQuota and service accounts), the contributors' RoleBindings and
// AuthorizationPolicies, the object-store keys and the PodDefaults are deleted.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { TenantConfig, contributorSubject } from "../config/schema";
import { INGRESS_GATEWAY_SERVICE_ACCOUNT, ISTIO_NAMESPACE } from "../foundation/istio";
import { inBatches } from "../lib/batches";
import { TenantObjectStoreFacts, TenantObjectStoreKeys } from "./objectStore";
import { K8sObject, labels } from "../lib/k8s";
import { contributorBindingName } from "../lib/naming";

/** Labels the Profile controller would set (kept equal so neither side fights the other). */
export function tenantNamespace(t: TenantConfig): K8sObject {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: t.name,
      annotations: { owner: t.owner },
      labels: {
        ...labels("tenant"),
        "app.kubernetes.io/part-of": "kubeflow-profile",
        "istio-injection": "enabled",
        "pipelines.kubeflow.org/enabled": "true",
        "katib.kubeflow.org/metrics-collector-injection": "enabled",
        "serving.kubeflow.org/inferenceservice": "enabled",
        "pod-security.kubernetes.io/enforce": "baseline",
      },
    },
  };
}

/** ResourceQuota hard limits from the tenant's quota. Pure. */
export function quotaHard(q: TenantConfig["quota"]): Record<string, string> | undefined {
  if (!q) return undefined;
  const hard: Record<string, string> = {};
  if (q.cpu) Object.assign(hard, { "requests.cpu": q.cpu, "limits.cpu": q.cpu });
  if (q.memory) Object.assign(hard, { "requests.memory": q.memory, "limits.memory": q.memory });
  if (q.storage) hard["requests.storage"] = q.storage;
  if (q.gpu !== undefined) hard["requests.nvidia.com/gpu"] = String(q.gpu);
  if (q.pods !== undefined) hard.pods = String(q.pods);
  if (q.persistentVolumeClaims !== undefined)
    hard.persistentvolumeclaims = String(q.persistentVolumeClaims);
  return Object.keys(hard).length ? hard : undefined;
}

/** Profile plugins for the tenant's cloud identity, as Kubeflow's profile controller reads them. */
export function identityPlugins(identity: TenantConfig["identity"]): Record<string, unknown>[] {
  const plugins: Record<string, unknown>[] = [];
  if (identity?.awsIamRole)
    plugins.push({
      kind: "AwsIamForServiceAccount",
      // The cluster layer owns the role's trust policy; the controller only annotates.
      spec: { awsIamRole: identity.awsIamRole, annotateOnly: true },
    });
  if (identity?.gcpServiceAccount)
    plugins.push({
      kind: "WorkloadIdentity",
      spec: { gcpServiceAccount: identity.gcpServiceAccount },
    });
  return plugins;
}

export function profile(t: TenantConfig): K8sObject {
  const hard = quotaHard(t.quota);
  const plugins = identityPlugins(t.identity);
  return {
    apiVersion: "kubeflow.org/v1",
    kind: "Profile",
    metadata: { name: t.name, labels: labels("tenant") },
    spec: {
      owner: { kind: "User", name: t.owner },
      ...(hard ? { resourceQuotaSpec: { hard } } : {}),
      ...(plugins.length ? { plugins } : {}),
    },
  };
}

/**
 * Azure has no profile plugin: the tenant's default-editor ServiceAccount is created by us with the
 * managed identity's client id (the Profile controller leaves an existing one alone).
 */
export function azureServiceAccount(t: TenantConfig): K8sObject | undefined {
  if (!t.identity?.azureClientId) return undefined;
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: {
      name: "default-editor",
      namespace: t.name,
      labels: labels("tenant"),
      annotations: { "azure.workload.identity/client-id": t.identity.azureClientId },
    },
  };
}

export type Toleration = { key: string; operator: string; value?: string; effect?: string };

/**
 * PodDefaults the notebook spawner offers the tenant: GPU tolerations when it has a GPU quota (and
 * the cluster GPU pools), and its cloud identity. Pure.
 */
export function podDefaults(t: TenantConfig, gpuTolerations: Toleration[]): K8sObject[] {
  const out: K8sObject[] = [];
  const meta = (name: string) => ({ name, namespace: t.name, labels: labels("tenant") });
  if (t.quota?.gpu && gpuTolerations.length)
    out.push({
      apiVersion: "kubeflow.org/v1alpha1",
      kind: "PodDefault",
      metadata: meta("gpu-nodes"),
      spec: {
        desc: "Run on GPU nodes",
        selector: { matchLabels: { "gpu-nodes": "true" } },
        tolerations: gpuTolerations,
      },
    });
  if (t.identity && Object.keys(t.identity).length)
    out.push({
      apiVersion: "kubeflow.org/v1alpha1",
      kind: "PodDefault",
      metadata: meta("cloud-identity"),
      spec: {
        desc: "Use the tenant's cloud identity",
        selector: { matchLabels: { "cloud-identity": "true" } },
        serviceAccountName: "default-editor",
        ...(t.identity.azureClientId ? { labels: { "azure.workload.identity/use": "true" } } : {}),
      },
    });
  return out;
}

/** Name of our ResourceQuota (the Profile controller's own is kf-resource-quota). */
export const TENANT_QUOTA_NAME = "kubeflow-platform-quota";

/**
 * The tenant's quota as a ResourceQuota of our own, beside the one the Profile controller makes from
 * resourceQuotaSpec: the controller's is garbage-collected with the Profile, ours stays with a
 * retained namespace. Both carry the same limits, so together they allow exactly what one would.
 * A tenant without a quota gets one with no limits rather than none: our object is retained on
 * delete, so taking a quota away must update it, not leave the old limits behind. Pure.
 */
export function tenantQuota(t: TenantConfig): K8sObject {
  return {
    apiVersion: "v1",
    kind: "ResourceQuota",
    metadata: { name: TENANT_QUOTA_NAME, namespace: t.name, labels: labels("tenant") },
    spec: { hard: quotaHard(t.quota) ?? {} },
  };
}

/**
 * What removing the tenant from config does to one of its objects. "keep": it stays with the
 * namespace when the tenant is retained (retainOnDelete) and goes with it otherwise (deletedWith:
 * one namespace delete, not one call per object). "revoke": it is deleted either way — not
 * deletedWith the namespace, since a retained namespace would keep it. Pure.
 */
export function onTenantRemoval(
  t: Pick<TenantConfig, "retain">,
  ns: pulumi.Resource,
  fate: "keep" | "revoke",
): Pick<pulumi.CustomResourceOptions, "deletedWith" | "retainOnDelete"> {
  return fate === "keep" ? { deletedWith: ns, retainOnDelete: t.retain } : {};
}

export function limitRange(t: TenantConfig): K8sObject {
  const d = t.containerDefaults;
  return {
    apiVersion: "v1",
    kind: "LimitRange",
    metadata: { name: "kubeflow-platform-defaults", namespace: t.name, labels: labels("tenant") },
    spec: {
      limits: [
        {
          type: "Container",
          defaultRequest: { cpu: d.cpuRequest, memory: d.memoryRequest },
          default: { cpu: d.cpuLimit, memory: d.memoryLimit },
        },
      ],
    },
  };
}

/**
 * RoleBinding and AuthorizationPolicy for one contributor, named and annotated as KFAM does. A group
 * is matched on the kubeflow-groups header (the token's groups, comma-separated): Istio header
 * conditions match a whole value, a prefix or a suffix, so the group is found when it is the user's
 * only, first or last group.
 */
export function contributorObjects(
  tenant: string,
  c: TenantConfig["contributors"][number],
): K8sObject[] {
  const subject = contributorSubject(c);
  const name = contributorBindingName(subject.name, c.role, subject.kind);
  const metadata = {
    name,
    namespace: tenant,
    annotations: { [subject.kind === "User" ? "user" : "group"]: subject.name, role: c.role },
    labels: labels("tenant"),
  };
  const when =
    subject.kind === "User"
      ? { key: "request.headers[kubeflow-userid]", values: [subject.name] }
      : {
          key: "request.headers[kubeflow-groups]",
          values: [subject.name, `${subject.name},*`, `*,${subject.name}`],
        };
  return [
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata,
      roleRef: {
        apiGroup: "rbac.authorization.k8s.io",
        kind: "ClusterRole",
        name: `kubeflow-${c.role}`,
      },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: subject.kind, name: subject.name }],
    },
    {
      apiVersion: "security.istio.io/v1",
      kind: "AuthorizationPolicy",
      metadata,
      spec: {
        action: "ALLOW",
        rules: [
          {
            from: [
              {
                source: {
                  principals: [
                    `cluster.local/ns/${ISTIO_NAMESPACE}/sa/${INGRESS_GATEWAY_SERVICE_ACCOUNT}`,
                    "cluster.local/ns/kubeflow/sa/ml-pipeline-ui",
                  ],
                },
              },
            ],
            when: [when],
          },
        ],
      },
    },
  ];
}

export interface TenantsArgs {
  tenants: TenantConfig[];
  /** The Pipelines object store, when Pipelines runs: each tenant gets its keys. */
  objectStore?: TenantObjectStoreFacts;
  /** The MinIO server, when it is in the same stack (the tenant users' Job waits for it). */
  minio?: pulumi.Resource[];
  /** Tolerations of the cluster's GPU pools, for the GPU PodDefault. */
  gpuTolerations: Toleration[];
  /** The Profile CRD and controller. */
  profiles: pulumi.Resource[];
  /** Istio CRDs for the contributors' AuthorizationPolicies. */
  istio: pulumi.Resource[];
  /**
   * The apps whose controllers act in tenant namespaces (KServe, Katib, Pipelines, ...), when they
   * run in the same stack: a namespace deleted with its tenant (retain: false, or a destroy) goes
   * while they still run to clear the finalizers of the users' objects in it. @default none
   */
  controllers?: pulumi.Resource[];
}

/** Tenants registered per turn of the event loop (see lib/batches.ts). */
const TENANTS_PER_BATCH = 5;

export class Tenants extends pulumi.ComponentResource {
  readonly names: string[];
  /** Resolves once every tenant's resources are registered; the program awaits it. */
  readonly registered: Promise<void>;
  private readonly keys?: TenantObjectStoreKeys;

  constructor(
    name: string,
    private readonly args: TenantsArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("kubeflow-platform:tenants:Tenants", name, {}, opts);
    this.names = args.tenants.map((t) => t.name);
    this.keys = args.objectStore
      ? new TenantObjectStoreKeys(this, name, args.objectStore)
      : undefined;
    this.registered = inBatches(args.tenants, TENANTS_PER_BATCH, (t) =>
      this.addTenant(name, t),
    ).then(() => {
      this.keys?.finish(args.tenants, args.minio ?? []);
      this.registerOutputs({ names: this.names });
    });
  }

  private addTenant(name: string, t: TenantConfig): void {
    const ns = new k8s.core.v1.Namespace(
      `${name}-${t.name}-namespace`,
      { metadata: tenantNamespace(t).metadata },
      {
        parent: this,
        // A dependent of a component is deleted before the component's children (pulumi/pulumi
        // #7788), so a deleted namespace goes while the controllers still clear its finalizers.
        dependsOn: this.args.controllers ?? [],
        // Users' notebooks, volumes and runs live here: removing a tenant keeps them unless the
        // tenant was marked retain: false first.
        retainOnDelete: t.retain,
      },
    );
    this.keys?.addTenant(t, ns);
    const sa = azureServiceAccount(t);
    const identity = sa
      ? [
          new k8s.core.v1.ServiceAccount(
            `${name}-${t.name}-default-editor`,
            sa as k8s.core.v1.ServiceAccountArgs,
            // The identity is access: it goes with the tenant.
            { parent: this, dependsOn: [ns], ...onTenantRemoval(t, ns, "revoke") },
          ),
        ]
      : [];
    new k8s.apiextensions.CustomResource(`${name}-${t.name}-profile`, profile(t), {
      parent: this,
      dependsOn: [ns, ...identity, ...this.args.profiles],
    });
    for (const pd of podDefaults(t, this.args.gpuTolerations))
      new k8s.apiextensions.CustomResource(`${name}-${t.name}-poddefault-${pd.metadata.name}`, pd, {
        parent: this,
        // The PodDefault CRD comes with its webhook (core.podDefaults, in args.profiles).
        dependsOn: [ns, ...this.args.profiles],
        ...onTenantRemoval(t, ns, "revoke"),
      });
    // A retained namespace keeps a quota and the container defaults that let pods run under it.
    new k8s.core.v1.ResourceQuota(
      `${name}-${t.name}-quota`,
      tenantQuota(t) as k8s.core.v1.ResourceQuotaArgs,
      { parent: this, dependsOn: [ns], ...onTenantRemoval(t, ns, "keep") },
    );
    new k8s.core.v1.LimitRange(
      `${name}-${t.name}-limits`,
      limitRange(t) as k8s.core.v1.LimitRangeArgs,
      { parent: this, dependsOn: [ns], ...onTenantRemoval(t, ns, "keep") },
    );
    for (const c of t.contributors) {
      const [binding, policy] = contributorObjects(t.name, c);
      new k8s.rbac.v1.RoleBinding(
        `${name}-${t.name}-${binding.metadata.name}`,
        binding as unknown as k8s.rbac.v1.RoleBindingArgs,
        { parent: this, dependsOn: [ns], ...onTenantRemoval(t, ns, "revoke") },
      );
      new k8s.apiextensions.CustomResource(
        `${name}-${t.name}-${policy.metadata.name}-policy`,
        policy,
        {
          parent: this,
          dependsOn: [ns, ...this.args.istio],
          ...onTenantRemoval(t, ns, "revoke"),
        },
      );
    }
  }
}
