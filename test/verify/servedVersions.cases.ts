// served-versions: every multi-version CRD is in the API-version alias table with exactly its
// served versions.
import { K8sObject } from "../../components/lib/k8s";
import { CheckCases, input } from "./fixtures";

const crd = (group: string, kind: string, versions: string[]): K8sObject => ({
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: `${kind.toLowerCase()}s.${group}` },
  spec: { group, names: { kind }, versions: versions.map((name) => ({ name, served: true })) },
});

export const servedVersionsCases: CheckCases = {
  failing: [
    {
      given: "a multi-version CRD missing from the alias table",
      input: input([crd("example.com", "Widget", ["v1", "v2"])]),
      then: [
        [
          "CustomResourceDefinition widgets.example.com spec.versions",
          "serves v1, v2; the alias table lists nothing",
        ],
      ],
    },
    {
      given: "a listed kind that serves a version the table lacks",
      input: input([crd("kubeflow.org", "Profile", ["v1", "v1beta1", "v2"])]),
      then: [
        [
          "CustomResourceDefinition profiles.kubeflow.org spec.versions",
          "serves v1, v1beta1, v2; the alias table lists v1, v1beta1",
        ],
      ],
    },
  ],
  passing: [
    {
      given: "a listed kind with its versions",
      input: input([crd("kubeflow.org", "Profile", ["v1beta1", "v1"])]),
    },
    { given: "a single-version CRD", input: input([crd("example.com", "Widget", ["v1"])]) },
  ],
};
