// A tenant: its namespace (created by us with the owner annotation the Profile controller checks,
// so we can order objects in it and keep it when the Profile goes), the Profile with its quota,
// a LimitRange so quota'd namespaces still run Pipelines' pods, and contributors bound the way KFAM
// binds them so the dashboard lists them.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { TenantConfig } from "../config/schema";
import { INGRESS_GATEWAY_NAME, ISTIO_NAMESPACE } from "../foundation/istio";
import { inBatches } from "../lib/batches";
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

export function profile(t: TenantConfig): K8sObject {
  const hard = quotaHard(t.quota);
  return {
    apiVersion: "kubeflow.org/v1",
    kind: "Profile",
    metadata: { name: t.name, labels: labels("tenant") },
    spec: {
      owner: { kind: "User", name: t.owner },
      ...(hard ? { resourceQuotaSpec: { hard } } : {}),
    },
  };
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

/** RoleBinding and AuthorizationPolicy for one contributor, named and annotated as KFAM does. */
export function contributorObjects(
  tenant: string,
  c: TenantConfig["contributors"][number],
): K8sObject[] {
  const name = contributorBindingName(c.email, c.role);
  const metadata = {
    name,
    namespace: tenant,
    annotations: { user: c.email, role: c.role },
    labels: labels("tenant"),
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
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: c.email }],
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
                    `cluster.local/ns/${ISTIO_NAMESPACE}/sa/${INGRESS_GATEWAY_NAME}`,
                    "cluster.local/ns/kubeflow/sa/ml-pipeline-ui",
                  ],
                },
              },
            ],
            when: [{ key: "request.headers[kubeflow-userid]", values: [c.email] }],
          },
        ],
      },
    },
  ];
}

export interface TenantsArgs {
  tenants: TenantConfig[];
  /** The Profile CRD and controller. */
  profiles: pulumi.Resource[];
  /** Istio CRDs for the contributors' AuthorizationPolicies. */
  istio: pulumi.Resource[];
}

/** Tenants registered per turn of the event loop (see lib/batches.ts). */
const TENANTS_PER_BATCH = 5;

export class Tenants extends pulumi.ComponentResource {
  readonly names: string[];
  /** Resolves once every tenant's resources are registered; the program awaits it. */
  readonly registered: Promise<void>;

  constructor(
    name: string,
    private readonly args: TenantsArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("kubeflow-platform:tenants:Tenants", name, {}, opts);
    this.names = args.tenants.map((t) => t.name);
    this.registered = inBatches(args.tenants, TENANTS_PER_BATCH, (t) =>
      this.addTenant(name, t),
    ).then(() => this.registerOutputs({ names: this.names }));
  }

  private addTenant(name: string, t: TenantConfig): void {
    const ns = new k8s.core.v1.Namespace(
      `${name}-${t.name}-namespace`,
      { metadata: tenantNamespace(t).metadata },
      {
        parent: this,
        // Users' notebooks, volumes and runs live here: removing a tenant never deletes them.
        retainOnDelete: true,
      },
    );
    new k8s.apiextensions.CustomResource(`${name}-${t.name}-profile`, profile(t), {
      parent: this,
      dependsOn: [ns, ...this.args.profiles],
    });
    new k8s.core.v1.LimitRange(
      `${name}-${t.name}-limits`,
      limitRange(t) as k8s.core.v1.LimitRangeArgs,
      {
        parent: this,
        dependsOn: [ns],
        deletedWith: ns,
      },
    );
    for (const c of t.contributors) {
      const [binding, policy] = contributorObjects(t.name, c);
      new k8s.rbac.v1.RoleBinding(
        `${name}-${t.name}-${binding.metadata.name}`,
        binding as unknown as k8s.rbac.v1.RoleBindingArgs,
        { parent: this, dependsOn: [ns], deletedWith: ns },
      );
      new k8s.apiextensions.CustomResource(
        `${name}-${t.name}-${policy.metadata.name}-policy`,
        policy,
        {
          parent: this,
          dependsOn: [ns, ...this.args.istio],
          deletedWith: ns,
        },
      );
    }
  }
}
