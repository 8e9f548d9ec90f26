// default-namespace: a namespaced object in "default" is reported; a cluster-scoped one is not.
import { CheckCases, input, service } from "./fixtures";

export const defaultNamespaceCases: CheckCases = {
  failing: [
    {
      given: "a Service left in the provider's default namespace",
      input: input([service("model-registry-db", "default")]),
      then: [["Service default/model-registry-db metadata.namespace", "default namespace"]],
    },
  ],
  passing: [
    {
      given: "a Service in its app's namespace",
      input: input([service("model-registry-db", "kubeflow")]),
    },
    {
      given: "a cluster-scoped object that carries namespace default",
      input: input([
        {
          apiVersion: "rbac.authorization.k8s.io/v1",
          kind: "ClusterRole",
          metadata: { name: "reader", namespace: "default" },
        },
      ]),
    },
  ],
};
