// hpa-replicas: a workload an HPA scales must not carry spec.replicas.
import { K8sObject } from "../../components/lib/k8s";
import { CheckCases, input } from "./fixtures";

export const hpa: K8sObject = {
  apiVersion: "autoscaling/v2",
  kind: "HorizontalPodAutoscaler",
  metadata: { name: "activator", namespace: "knative-serving" },
  spec: {
    scaleTargetRef: { kind: "Deployment", name: "activator" },
    minReplicas: 1,
    maxReplicas: 20,
  },
};

export const activator = (spec: Record<string, unknown>, name = "activator"): K8sObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: "knative-serving" },
  spec,
});

export const hpaReplicasCases: CheckCases = {
  failing: [
    {
      given: "replicas set on a Deployment an HPA scales",
      input: input([hpa, activator({ replicas: 2 })]),
      then: [["Deployment knative-serving/activator spec.replicas", "Pulumi and the HPA fight"]],
    },
  ],
  passing: [
    { given: "the HPA's Deployment without replicas", input: input([hpa, activator({})]) },
    {
      given: "replicas on a Deployment no HPA scales",
      input: input([hpa, activator({ replicas: 2 }, "controller")]),
    },
  ],
};
