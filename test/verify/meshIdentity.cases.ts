// mesh-identity: every allowed principal is a ServiceAccount that exists and a workload runs as.
import { K8sObject } from "../../components/lib/k8s";
import { CheckCases, configMap, input } from "./fixtures";

const ALLOWED = "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account";

const policy: K8sObject = {
  apiVersion: "security.istio.io/v1",
  kind: "AuthorizationPolicy",
  metadata: { name: "central-dashboard", namespace: "kubeflow" },
  spec: { rules: [{ from: [{ source: { principals: [ALLOWED] } }] }] },
};
const account = (sa: string): K8sObject => ({
  apiVersion: "v1",
  kind: "ServiceAccount",
  metadata: { name: sa, namespace: "istio-system" },
});
const gatewayRunningAs = (sa: string): K8sObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "istio-ingressgateway", namespace: "istio-system" },
  spec: { template: { spec: { serviceAccountName: sa, containers: [] } } },
});

export const meshIdentityCases: CheckCases = {
  failing: [
    {
      given: "a policy allowing an account that does not exist (the gateway runs as another)",
      input: input([
        policy,
        account("istio-ingressgateway"),
        gatewayRunningAs("istio-ingressgateway"),
      ]),
      then: [
        [
          "AuthorizationPolicy kubeflow/central-dashboard spec.rules[0].from[0].source.principals",
          "ServiceAccount istio-system/istio-ingressgateway-service-account does not exist",
        ],
      ],
    },
    {
      given: "a profile-controller principal whose account exists but no workload runs as",
      input: input([
        configMap("profiles-config", "kubeflow", { ISTIO_INGRESS_GATEWAY_PRINCIPAL: ALLOWED }),
        account("istio-ingressgateway-service-account"),
        gatewayRunningAs("istio-ingressgateway"),
      ]),
      then: [
        [
          "ConfigMap kubeflow/profiles-config data.ISTIO_INGRESS_GATEWAY_PRINCIPAL",
          "no workload runs as istio-system/istio-ingressgateway-service-account",
        ],
      ],
    },
  ],
  passing: [
    {
      given: "the gateway running as the account the policy allows",
      input: input([
        policy,
        account("istio-ingressgateway-service-account"),
        gatewayRunningAs("istio-ingressgateway-service-account"),
      ]),
    },
  ],
};
