// Evaluate the platform for a stack config under the mock runtime: no cluster, no credentials.
import { loadPlatformConfig } from "../config/load";
import { buildPlatform } from "../platform";
import { installRecorder, Registration, settle } from "./recorder";

export const PROJECT = "kubeflow-platform";

export async function evaluatePlatform(
  stack: string,
  rawPlatformConfig: unknown,
): Promise<Registration[]> {
  const monitor = installRecorder({
    project: PROJECT,
    stack,
    config:
      rawPlatformConfig === undefined
        ? {}
        : { [`${PROJECT}:platform`]: JSON.stringify(rawPlatformConfig) },
    secretKeys: [`${PROJECT}:platform`],
  });
  const cfg = loadPlatformConfig();
  // Offline: no kubeconfig is read. The context is the configured one or, stated, the current one.
  const context = cfg.cluster.context ?? "<kubeconfig current-context>";
  buildPlatform(cfg, {
    kubeconfig: { kubeconfigPath: cfg.cluster.kubeconfig, context, clusterIdentifier: context },
  });
  await settle();
  return [...monitor.registrations].sort((a, b) => a.urn.localeCompare(b.urn));
}
