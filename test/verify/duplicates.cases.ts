// duplicates: two objects with one identity, or two registrations with one URN.
import { configMap, CheckCases, input, registration, rendered, SRC } from "./fixtures";

const cm = configMap("c", "kubeflow", {});

export const duplicatesCases: CheckCases = {
  failing: [
    {
      given: "two ConfigMaps with one identity from two sources",
      input: input([rendered(cm), rendered(cm, { source: "urn:x::other" })]),
      then: [["ConfigMap kubeflow/c metadata.name", "also applied by app"]],
    },
    {
      given: "two registrations with one URN",
      input: input([], {
        registrations: [
          registration(SRC, "kubernetes:kustomize/v2:Directory", "app"),
          registration(SRC, "kubernetes:kustomize/v2:Directory", "app"),
        ],
      }),
      then: [[`${SRC} urn`, "registered twice"]],
    },
  ],
  passing: [
    {
      given: "two ConfigMaps with different names",
      input: input([cm, configMap("d", "kubeflow", {})]),
    },
    {
      given: "one ConfigMap name in two namespaces",
      input: input([cm, configMap("c", "kubeflow-system", {})]),
    },
  ],
};
