// controller-fields: no field a controller fills after apply is in our inputs.
import { dropControllerFields } from "../../components/lib/controllerFields";
import { K8sObject } from "../../components/lib/k8s";
import { CheckCases, input, rendered } from "./fixtures";

export const emptyCaBundle: K8sObject = {
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "MutatingWebhookConfiguration",
  metadata: { name: "admission-webhook" },
  webhooks: [{ name: "a", clientConfig: { caBundle: "" } }],
};
export const emptyCertSecret: K8sObject = {
  apiVersion: "v1",
  kind: "Secret",
  metadata: { name: "kubeflow-trainer-webhook-cert", namespace: "kubeflow-system" },
  data: {},
};
export const istioValidator: K8sObject = {
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "ValidatingWebhookConfiguration",
  metadata: { name: "istio-validator-istio-system" },
  webhooks: [{ name: "v", failurePolicy: "Ignore", clientConfig: {} }],
};

export const controllerFieldsCases: CheckCases = {
  failing: [
    {
      given: "an empty webhook caBundle",
      input: input([emptyCaBundle]),
      then: [
        [
          "MutatingWebhookConfiguration admission-webhook webhooks[name=a].clientConfig.caBundle",
          "cainjector fills it",
        ],
      ],
    },
    {
      given: "Istio's validator with a failurePolicy",
      input: input([istioValidator]),
      then: [
        [
          "ValidatingWebhookConfiguration istio-validator-istio-system webhooks[name=v].failurePolicy",
          "istiod owns failurePolicy",
        ],
      ],
    },
    {
      given: "a chart's webhook-certificate Secret with empty data",
      input: input([emptyCertSecret]),
      then: [
        ["Secret kubeflow-system/kubeflow-trainer-webhook-cert data", "empty certificate Secret"],
      ],
    },
  ],
  passing: [
    {
      given: "the three after dropControllerFields",
      input: input([emptyCaBundle, emptyCertSecret, istioValidator].map(dropControllerFields)),
    },
    {
      given: "a Secret of our own with empty data (we write it, no controller does)",
      input: input([rendered(emptyCertSecret, { origin: "own" })]),
    },
  ],
};
