// Settings every Kubernetes provider of the program shares (existing cluster, cloud clusters, a
// cluster stack's kubeconfig), in one place so no provider drifts from the others.
//
// ConfigMaps and Secrets update in place: without these the provider plans a change of their data as
// a replacement (pulumi-kubernetes provider/pkg/provider/diff.go, forceNewProperties, v4.32.0), and
// since the objects have fixed names it deletes before it creates, so consumers briefly see the
// object gone. In place, plus a checksum on the consumers' pod templates (components/lib/rollout.ts),
// a change rolls exactly the pods that read it. Objects marked `immutable: true` still replace.
// Changing these settings updates the provider; only kubeconfig, context, cluster and
// clusterIdentifier replace it (DiffConfig in the same file's provider.go).
export const KUBERNETES_PROVIDER_SETTINGS = {
  enableServerSideApply: true,
  enableConfigMapMutable: true,
  enableSecretMutable: true,
} as const;
