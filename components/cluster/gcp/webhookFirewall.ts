// Private nodes: GKE's own firewall rule lets the control plane reach nodes and Pods on 443 and
// 10250 only, so every admission webhook the platform installs on another port times out (and
// with it sidecar injection, so nothing meshed starts). One rule from the master range opens
// exactly the webhook servers' ports on the node pools' service account.
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ChildOptions } from "../childOptions";

/** Ports GKE already opens from the control plane to nodes and Pods. */
export const GKE_CONTROL_PLANE_PORTS = [443, 10250];

/**
 * The container ports our webhook Services target, and where each was read. The kustomize ones are
 * checked against the real render in test/cluster/gcpWebhookFirewall.test.ts; the charts' from
 * their values.yaml in the mirror (no templates offline). cert-manager's webhook listens on 10250
 * (chart v1.19.4 values.yaml webhook.securePort, chosen for GKE) and needs no rule.
 */
export const WEBHOOK_PORTS: { port: number; servers: string; source: string }[] = [
  {
    port: 15017,
    servers: "istiod (sidecar injection, config validation)",
    source:
      "Istio 1.28.0: istiod Service port 443 → targetPort 15017 (kubeflow/manifests 26.03 common/istio/istio-install/base/install.yaml)",
  },
  {
    port: 9443,
    servers: "KServe, Trainer, Spark operator, Training Operator v1, PVC viewer",
    source:
      "kserve 0.16.0 webhook-server containerPort 9443 (manifests 26.03 applications/kserve/kserve/kserve.yaml); kubeflow-trainer 2.1.0 and spark-operator 2.5.0 values.yaml webhook.port; render: training-operator, pvcviewer-webhook-service targetPort 9443",
  },
  {
    port: 8443,
    servers: "Knative Serving, net-istio and Eventing webhooks, Katib, Pipelines cache server",
    source:
      "render (manifests 26.03): webhook, net-istio-webhook, eventing-webhook, inmemorychannel-webhook, katib-controller, cache-server targetPort 8443",
  },
  {
    port: 4443,
    servers: "PodDefaults admission webhook",
    source:
      "render (manifests 26.03): admission-webhook-service targetPort https-webhook → containerPort 4443",
  },
];

/** The firewall rule's inputs: master range → node pools' service account, webhook ports. Pure. */
export function webhookFirewallArgs(args: {
  project: string;
  network: pulumi.Input<string>;
  masterCidr: string;
  nodeServiceAccount: pulumi.Input<string>;
}): gcp.compute.FirewallArgs {
  return {
    project: args.project,
    network: args.network,
    description: "GKE control plane to the platform's admission webhooks (private nodes)",
    direction: "INGRESS",
    sourceRanges: [args.masterCidr],
    targetServiceAccounts: [args.nodeServiceAccount],
    allows: [{ protocol: "tcp", ports: WEBHOOK_PORTS.map((p) => String(p.port)) }],
  };
}

export function webhookFirewall(
  name: string,
  args: Parameters<typeof webhookFirewallArgs>[0],
  opts: ChildOptions,
): gcp.compute.Firewall {
  return new gcp.compute.Firewall(`${name}-webhooks`, webhookFirewallArgs(args), opts);
}
