// Tenant namespaces: each has a LimitRange (so pods without requests still run under a quota) and
// none exposes a Service outside the cluster.
import { StackValidationPolicy } from "@pulumi/policy";
import { LIMIT_RANGE_TYPE, SERVICE_TYPE, StackResource, tenantNamespaces } from "./tenants";

/** Tenant namespaces without a LimitRange in the stack. Pure. */
export function namespacesWithoutLimitRange(resources: StackResource[]): string[] {
  const covered = new Set(
    resources
      .filter((r) => r.type === LIMIT_RANGE_TYPE)
      .map((r) => r.props?.metadata?.namespace as string),
  );
  return [...tenantNamespaces(resources)].filter((ns) => !covered.has(ns)).sort();
}

export const tenantNamespacesHaveLimitRange: StackValidationPolicy = {
  name: "tenant-namespaces-have-limitrange",
  description: "Every tenant namespace has a LimitRange with default requests and limits.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    for (const ns of namespacesWithoutLimitRange(args.resources))
      reportViolation(`tenant namespace ${ns} has no LimitRange`);
  },
};

export const noExternalServicesInTenants: StackValidationPolicy = {
  name: "no-external-services-in-tenant-namespaces",
  description: "No LoadBalancer or NodePort Service in a tenant namespace.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const tenants = tenantNamespaces(args.resources);
    for (const r of args.resources) {
      if (r.type !== SERVICE_TYPE) continue;
      const type = r.props?.spec?.type;
      const ns = r.props?.metadata?.namespace;
      if (tenants.has(ns) && (type === "LoadBalancer" || type === "NodePort"))
        reportViolation(
          `Service ${r.props.metadata.name} in tenant namespace ${ns} is a ${type}; expose it through the Kubeflow gateway instead`,
          r.urn,
        );
    }
  },
};
