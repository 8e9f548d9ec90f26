// The settings every Kubernetes provider of the platform uses, in one place: the existing-cluster
// provider, the provider a platform stack builds from a cluster stack's kubeconfig, and the cloud
// clusters' providers. Checked against @pulumi/kubernetes 4.34.2 (provider.d.ts) and the provider's
// source (provider/pkg/provider/provider.go: Configure reads each flag, else its PULUMI_K8S_*
// environment variable; DiffConfig replaces the provider only when the cluster changes, so turning
// a flag on or off is an update of the provider, not of every object).
import * as k8s from "@pulumi/kubernetes";

export interface KubernetesProviderSettings {
  /**
   * Adopt objects that already exist (a retained namespace, volume, quota, CRD) instead of failing
   * with AlreadyExists: the provider's `upsertExistingObjects`, for the one reattach run.
   * @default false
   */
  reattach?: boolean;
}

/**
 * Provider arguments besides the cluster's identity. Flags we leave at the provider's default are
 * left out, not set false: a set flag wins over its environment variable, and the one-off escape
 * hatches (PULUMI_K8S_DELETE_UNREACHABLE=true for a cluster that no longer exists,
 * PULUMI_K8S_ENABLE_PATCH_FORCE=true for field conflicts when adopting) must keep working.
 *
 * `deleteUnreachable` is deliberately not set: with it, any run that cannot reach the cluster (a
 * VPN down, an expired token) silently drops every object of the stack from state, and the next
 * run tries to create them again. It is the operator's decision for one run, when the cluster is
 * known to be gone (docs/upgrading.md, "Reinstall and reattach").
 */
export function kubernetesProviderOptions(
  settings: KubernetesProviderSettings = {},
): Pick<
  k8s.ProviderArgs,
  | "enableServerSideApply"
  | "enableConfigMapMutable"
  | "enableSecretMutable"
  | "upsertExistingObjects"
> {
  return {
    enableServerSideApply: true,
    // ConfigMaps and Secrets update in place: without these the provider plans a change of their
    // data as a replacement (forceNewProperties in provider/pkg/provider/diff.go, v4.32.0), and
    // since the objects have fixed names it deletes before it creates, so consumers briefly see
    // the object gone (and a retained Secret would collide with itself). In place, plus a checksum
    // on the consumers' pod templates (components/lib/rollout.ts), a change rolls exactly the pods
    // that read it. Objects marked `immutable: true` still replace.
    enableConfigMapMutable: true,
    enableSecretMutable: true,
    ...(settings.reattach ? { upsertExistingObjects: true } : {}),
  };
}
