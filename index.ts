// Entry point: read and validate the stack config (nothing is registered when it is bad), then
// build the platform and export what operators need to log in. The main is async because tenants
// register in batches (components/lib/batches.ts): Pulumi waits for the returned promise.
import { loadPlatformConfig } from "./components/config/load";
import { PLATFORM_VERSION } from "./components/migrations/version";
import { buildPlatform } from "./components/platform";

export = async () => {
  const platform = await buildPlatform(loadPlatformConfig());
  return {
    /** The release that deployed the stack; the next run reads it to choose its migrations. */
    platformVersion: PLATFORM_VERSION,
    kubeContext: platform.context,
    dashboardUrl: platform.dashboardUrl,
    /** Log in with these (pulumi stack output --show-secrets staticUserPasswords). */
    staticUserPasswords: platform.staticUserPasswords,
    tenants: platform.tenants,
    /** Read by a tenants stack (layers: tenants) through its StackReference. */
    tenantFacts: platform.tenantFacts,
    /** What per-tenant cloud identities trust (OIDC provider, workload pool, issuer). */
    tenantIdentity: platform.tenantIdentity,
    /** A cluster stack's (layers: cluster) kubeconfig, secret, and facts, read by platform stacks. */
    kubeconfig: platform.kubeconfig,
    clusterFacts: platform.clusterFacts,
  };
};
