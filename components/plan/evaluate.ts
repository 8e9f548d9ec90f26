// Evaluate the platform for a stack config under the mock runtime: no cluster, no credentials.
import * as fs from "fs";
import { loadPlatformConfig, parsePlatformConfig } from "../config/load";
import { buildPlatform, tenantLayerFacts } from "../platform";
import { installRecorder, Registration, SECRET_PLACEHOLDER, settle } from "./recorder";
import { readStackPlatformConfig, stackFile } from "./stackConfig";

/**
 * What a platform stack would export, computed from its stack file: a tenants stack's plan reads it
 * through its StackReference, so previews of tenants work offline. Unknown stacks export nothing.
 */
export function platformStackOutputs(fullyQualifiedName: string): Record<string, unknown> {
  const stack = fullyQualifiedName.split("/").pop()!;
  if (!fs.existsSync(stackFile(stack))) return {};
  const cfg = parsePlatformConfig(readStackPlatformConfig(stack));
  if (cfg.layers === "tenants") return {};
  return {
    tenantFacts: tenantLayerFacts(cfg, {
      accessKey: SECRET_PLACEHOLDER,
      secretKey: SECRET_PLACEHOLDER,
    }),
  };
}

export const PROJECT = "kubeflow-platform";

export async function evaluatePlatform(
  stack: string,
  rawPlatformConfig: unknown,
): Promise<Registration[]> {
  // Pulumi captures a stack trace for every promise it makes (dozens per resource) and the plan
  // shows none of them: capturing them was half the plan's time. PLAN_STACK_TRACES=1 keeps them
  // for debugging the program itself.
  // Pulumi also takes a full stack trace per resource, which tsx's source maps make costly.
  const stackTraceLimit = Error.stackTraceLimit;
  const sourceMaps = (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled ?? false;
  if (!process.env.PLAN_STACK_TRACES) {
    Error.stackTraceLimit = 0;
    process.setSourceMapsEnabled(false);
  }
  try {
    return await evaluate(stack, rawPlatformConfig);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    process.setSourceMapsEnabled(sourceMaps);
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
    stackOutputs: platformStackOutputs,
  });
  const cfg = loadPlatformConfig();
  // Offline: no kubeconfig is read. The context is the configured one or, stated, the current one.
  const context =
    (cfg.cluster.kind === "existing" ? cfg.cluster.context : undefined) ??
    "<kubeconfig current-context>";
  await buildPlatform(cfg, {
    kubeconfig: {
      kubeconfigPath: cfg.cluster.kind === "existing" ? cfg.cluster.kubeconfig : undefined,
      context,
      clusterIdentifier: context,
    },
  });
  await settle();
  return [...monitor.registrations].sort((a, b) => a.urn.localeCompare(b.urn));
}
