// webhook-reachability: when NetworkPolicies isolate a webhook's pods, one of them lets the API
// server in on the webhook's port (judged on the labels the injector adds).
import { K8sObject } from "../../components/lib/k8s";
import { CheckCases, deployment, input, namespace, service } from "./fixtures";

const NS = "kubeflow-system";
const CHART_LABELS = { "app.kubernetes.io/name": "kubeflow-trainer" };

/** Upstream's kubeflow-system: same-namespace traffic only, and a webhook policy by canonical name. */
function trainer(
  labels: Record<string, string>,
  webhookPolicyIngress: Record<string, unknown>[],
): K8sObject[] {
  return [
    namespace(NS, { "istio-injection": "enabled" }),
    service("trainer", NS, { selector: CHART_LABELS, ports: [{ port: 443, targetPort: 9443 }] }),
    deployment("trainer", NS, { containers: [{ name: "m" }] }, labels),
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingWebhookConfiguration",
      metadata: { name: "v" },
      webhooks: [{ name: "v", clientConfig: { service: { name: "trainer", namespace: NS } } }],
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "default-allow-same-namespace", namespace: NS },
      spec: { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "trainer-webhook", namespace: NS },
      spec: {
        podSelector: { matchLabels: { "service.istio.io/canonical-name": "trainer" } },
        ingress: webhookPolicyIngress,
      },
    },
  ];
}
const ANY_SOURCE_ON_9443 = [{ ports: [{ port: 9443 }] }];

export const webhookReachabilityCases: CheckCases = {
  failing: [
    {
      given: "the chart's labels, from which the injector derives canonical name kubeflow-trainer",
      input: input(trainer(CHART_LABELS, ANY_SOURCE_ON_9443)),
      then: [
        [
          "Deployment kubeflow-system/trainer spec.template.spec (NetworkPolicy)",
          "webhook v is unreachable: NetworkPolicies default-allow-same-namespace isolate its pods and none admits port 9443 from the API server",
        ],
      ],
    },
    {
      given: "the canonical name the policy selects, but a policy admitting another port",
      input: input(
        trainer({ ...CHART_LABELS, "service.istio.io/canonical-name": "trainer" }, [
          { ports: [{ port: 8443 }] },
        ]),
      ),
      then: [
        [
          "Deployment kubeflow-system/trainer spec.template.spec (NetworkPolicy)",
          "NetworkPolicies default-allow-same-namespace, trainer-webhook isolate its pods and none admits port 9443",
        ],
      ],
    },
  ],
  passing: [
    {
      given: "the pods labelled with the canonical name the webhook policy selects",
      input: input(
        trainer(
          { ...CHART_LABELS, "service.istio.io/canonical-name": "trainer" },
          ANY_SOURCE_ON_9443,
        ),
      ),
    },
    {
      given: "a webhook whose pods no NetworkPolicy isolates",
      input: input(
        trainer(CHART_LABELS, ANY_SOURCE_ON_9443).filter((o) => o.kind !== "NetworkPolicy"),
      ),
    },
  ],
};
