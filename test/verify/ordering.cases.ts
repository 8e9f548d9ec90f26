// ordering: custom resources wait for their CRDs; objects a fail-closed webhook admits wait for the
// workload serving it.
import { K8sObject } from "../../components/lib/k8s";
import { waitFor } from "../../components/lib/transforms";
import { CheckCases, input, namespace, rendered, service } from "./fixtures";

const NS = "knative-serving";
const serving = [
  namespace(NS),
  service("webhook", NS, { selector: { app: "webhook" } }),
  {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "webhook", namespace: NS },
    spec: { template: { metadata: { labels: { app: "webhook" } }, spec: { containers: [] } } },
  },
];
const webhook = (failurePolicy: string): K8sObject => ({
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "ValidatingWebhookConfiguration",
  metadata: { name: "validation.webhook.serving.knative.dev" },
  webhooks: [
    {
      name: "validation.webhook.serving.knative.dev",
      failurePolicy,
      clientConfig: { service: { name: "webhook", namespace: NS } },
      rules: [
        {
          apiGroups: ["networking.internal.knative.dev"],
          resources: ["certificates"],
          operations: ["CREATE"],
        },
      ],
    },
  ],
});
const cert: K8sObject = {
  apiVersion: "networking.internal.knative.dev/v1alpha1",
  kind: "Certificate",
  metadata: { name: "routing-serving-certs", namespace: NS },
};
const waitingCert = waitFor(
  { group: "apps", kind: "Deployment", name: "webhook", namespace: NS },
  () => true,
)(cert);

const crd = rendered(
  {
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
            openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
          },
        },
      ],
    },
  },
  { source: "other", urn: "crd" },
);
const profile = rendered(
  { apiVersion: "kubeflow.org/v1", kind: "Profile", metadata: { name: "t" } },
  { origin: "own", source: "p", urn: "p" },
);

export const orderingCases: CheckCases = {
  failing: [
    {
      given: "a Certificate a fail-closed webhook admits, in the webhook's own kustomization",
      input: input([...serving, webhook("Fail"), cert]),
      then: [
        [
          "Certificate knative-serving/routing-serving-certs dependsOn",
          "admitted by fail-closed webhook validation.webhook.serving.knative.dev, but created without waiting for Deployment knative-serving/webhook",
        ],
      ],
    },
    {
      given: "a custom resource whose CRD is in another component, with no dependsOn",
      input: input([crd, profile]),
      then: [["Profile t dependsOn", "created without waiting for its CRD profiles.kubeflow.org"]],
    },
  ],
  passing: [
    {
      given: "the depends-on annotation on the webhook's Deployment",
      input: input([...serving, webhook("Fail"), waitingCert]),
    },
    { given: "a fail-open webhook", input: input([...serving, webhook("Ignore"), cert]) },
    {
      given: "the custom resource depending on its CRD",
      input: input([crd, { ...profile, dependsOn: ["crd"] }]),
    },
  ],
};
