// schema: custom resources against their CRD's openAPIV3Schema, built-in kinds against
// Kubernetes' schema.
import { CheckCases, input, rendered } from "./fixtures";

const crd = rendered({
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "profiles.kubeflow.org" },
  spec: {
    group: "kubeflow.org",
    scope: "Cluster",
    names: { kind: "Profile", plural: "profiles" },
    versions: [
      {
        name: "v1",
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: "object",
            properties: {
              spec: {
                type: "object",
                properties: {
                  owner: {
                    type: "object",
                    properties: { kind: { type: "string" }, name: { type: "string" } },
                  },
                },
              },
            },
          },
        },
      },
    ],
  },
});
const profile = (spec: Record<string, unknown>, apiVersion = "kubeflow.org/v1") =>
  rendered({ apiVersion, kind: "Profile", metadata: { name: "p" }, spec }, { origin: "own" });
const owner = { kind: "User", name: "a" };

export const schemaCases: CheckCases = {
  failing: [
    {
      given: "a custom resource with a field its CRD does not define (the server would prune it)",
      input: input([crd, profile({ owner, ownr: 1 })]),
      then: [["Profile p /spec", "additional properties: ownr"]],
    },
    {
      given: "a version the CRD does not serve",
      input: input([crd, profile({}, "kubeflow.org/v1beta9")]),
      then: [
        [
          "Profile p apiVersion",
          "kubeflow.org/v1beta9 is not a served version of profiles.kubeflow.org",
        ],
      ],
    },
    {
      given: "a built-in object of the wrong type",
      input: input([
        {
          apiVersion: "apps/v1",
          kind: "Deployment",
          metadata: { name: "d", namespace: "x" },
          spec: { replicas: "two", selector: {}, template: {} },
        },
      ]),
      then: [["Deployment x/d (schema)", "replicas"]],
    },
  ],
  passing: [
    { given: "a custom resource its CRD defines", input: input([crd, profile({ owner })]) },
    {
      given: "a valid built-in object",
      input: input([
        {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: "c", namespace: "x" },
          data: { a: "1" },
        },
      ]),
    },
  ],
};
