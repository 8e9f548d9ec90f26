// A tenant's contributors, bound the way KFAM binds them so the dashboard lists them: a RoleBinding
// to kubeflow-<role> and an AuthorizationPolicy that lets their requests in.
import { TenantConfig, contributorSubject } from "../config/schema";
import { INGRESS_GATEWAY_SERVICE_ACCOUNT, ISTIO_NAMESPACE } from "../foundation/istio";
import { K8sObject, labels } from "../lib/k8s";
import { contributorBindingName } from "../lib/naming";

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
