// The tenants layer: for each tenant its namespace and Profile (namespace.ts), our quota and
// LimitRange (quota.ts), its cloud identity (identity.ts), its objects from every source — GPU and
// identity PodDefaults, what the apps give every tenant (podDefaults.ts) — its contributors
// (contributors.ts) and its object-store keys (objectStore.ts).
//
// Removing a tenant (retain: true) keeps its data and revokes its access: the namespace (volumes,
// notebooks, runs), our quota and the LimitRange stay; the Profile (the controller then deletes
// the owner's bindings, its ResourceQuota and service accounts), the contributors' RoleBindings and
// AuthorizationPolicies, the object-store keys and the tenant objects are deleted.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { TenantConfig } from "../config/schema";
import { inBatches } from "../lib/batches";
import { contributorObjects } from "./contributors";
import { TenantLayerFacts } from "./facts";
import { azureServiceAccount } from "./identity";
import { onTenantRemoval, profile, tenantNamespace } from "./namespace";
import { TenantObjectStoreKeys } from "./objectStore";
import { tenantObjects } from "./podDefaults";
import { limitRange, tenantQuota } from "./quota";

export interface TenantsArgs {
  tenants: TenantConfig[];
  /**
   * The platform's facts: its object store, when Pipelines runs (each tenant gets its keys), the GPU
   * pools' tolerations and the apps' objects (each tenant gets a copy).
   */
  facts: Pick<TenantLayerFacts, "objectStore" | "gpuTolerations" | "appObjects">;
  /** The MinIO server, when it is in the same stack (the tenant users' Job waits for it). */
  minio?: pulumi.Resource[];
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
    this.keys = args.facts.objectStore
      ? new TenantObjectStoreKeys(this, name, args.facts.objectStore)
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
    for (const o of tenantObjects(t, this.args.facts))
      new k8s.apiextensions.CustomResource(
        `${name}-${t.name}-${o.kind.toLowerCase()}-${o.metadata.name}`,
        o,
        {
          parent: this,
          // The PodDefault CRD comes with its webhook (core.podDefaults, in args.profiles).
          dependsOn: [ns, ...this.args.profiles],
          ...onTenantRemoval(t, ns, "revoke"),
        },
      );
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
