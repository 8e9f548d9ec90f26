// Evaluate the platform for a stack config under the mock runtime: no cluster, no credentials.
import { loadPlatformConfig } from "../config/load";
import { buildPlatform } from "../platform";
import { installRecorder, Registration, settle } from "./recorder";

export const PROJECT = "kubeflow-platform";

export async function evaluatePlatform(
  stack: string,
  rawPlatformConfig: unknown,
): Promise<Registration[]> {
  // Pulumi captures a stack trace for every promise it makes (dozens per resource) and the plan
  // shows none of them: capturing them was half the plan's time. PLAN_STACK_TRACES=1 keeps them
  // for debugging the program itself.
  const stackTraceLimit = Error.stackTraceLimit;
  if (!process.env.PLAN_STACK_TRACES) Error.stackTraceLimit = 0;
  try {
    return await evaluate(stack, rawPlatformConfig);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

async function evaluate(stack: string, rawPlatformConfig: unknown): Promise<Registration[]> {
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
  await buildPlatform(cfg, {
    kubeconfig: { kubeconfigPath: cfg.cluster.kubeconfig, context, clusterIdentifier: context },
  });
  await settle();
  return [...monitor.registrations].sort((a, b) => a.urn.localeCompare(b.urn));
}
