// Evaluate the platform for a stack config under the mock runtime: no cluster, no credentials.
import * as fs from "fs";
import { plannedEksFacts } from "../cluster/aws/plannedFacts";
import { plannedAksFacts } from "../cluster/azure/plannedFacts";
import { plannedGkeFacts } from "../cluster/gcp/plannedFacts";
import { loadPlatformConfig, parsePlatformConfig } from "../config/load";
import { GpuPool, PlatformConfig, gpuPoolsOf } from "../config/schema";
import { appTenantObjects } from "../kubeflow/registry";
import { dnsLabelName } from "../lib/naming";
import { buildPlatform } from "../platform";
import { tenantLayerFacts } from "../tenants/facts";
import { resetRun } from "../upstream/run";
import {
  installRecorder,
  Registration,
  SECRET_PLACEHOLDER,
  settle,
  StackOutputs,
} from "./recorder";
import { readStackPlatformConfig, readStackProviderConfig, stackFile } from "./stackConfig";

/**
 * What a referenced stack would export, computed from its stack file, so a stack that reads another
 * (a tenants stack its platform stack, a platform stack its cluster stack) plans offline. Values
 * that only exist once deployed (hosts, keys) are placeholders; unknown stacks export nothing.
 */
export function referencedStackOutputs(fullyQualifiedName: string): Record<string, unknown> {
  const stack = fullyQualifiedName.split("/").pop()!;
  if (!fs.existsSync(stackFile(stack))) return {};
  const cfg = parsePlatformConfig(readStackPlatformConfig(stack));
  const placeholderKeys = { accessKey: SECRET_PLACEHOLDER, secretKey: SECRET_PLACEHOLDER };
  if (cfg.layers === "cluster")
    return {
      kubeconfig: "apiVersion: v1\nkind: Config\n",
      clusterFacts: plannedClusterFacts(cfg, stack),
    };
  if (cfg.layers === "tenants") return {};
  const gpuPools = cfg.clusterStack
    ? ((
        referencedStackOutputs(cfg.clusterStack).clusterFacts as
          { gpuPools?: GpuPool[] } | undefined
      )?.gpuPools ?? [])
    : gpuPoolsOf(cfg.cluster);
  return {
    tenantFacts: tenantLayerFacts(cfg, gpuPools, placeholderKeys, appTenantObjects(cfg)),
  };
}

/** The facts a cluster stack exports, from its config (deployed values as placeholders). */
export function plannedClusterFacts(cfg: PlatformConfig, stack: string): Record<string, unknown> {
  const deployed = {
    host: "mysql.managed.invalid",
    secret: SECRET_PLACEHOLDER,
    clusterName: dnsLabelName(PROJECT, stack),
  };
  return { ...plannedCloudFacts(cfg, deployed), clusterIdentifier: `${cfg.cluster.kind}-cluster` };
}

/** Each cloud's own planned facts, kept beside its cluster (cluster/<cloud>/plannedFacts.ts). */
function plannedCloudFacts(
  cfg: PlatformConfig,
  deployed: { host: string; secret: string; clusterName: string },
): Record<string, unknown> {
  const c = cfg.cluster;
  const data = { database: cfg.database, objectStore: cfg.objectStore };
  switch (c.kind) {
    case "aws":
      return plannedEksFacts({ ...data, cluster: c }, deployed);
    case "gcp":
      return plannedGkeFacts({ ...data, cluster: c }, deployed);
    case "azure":
      return plannedAksFacts({ ...data, cluster: c }, deployed);
    default:
      // Unreached: the schema refuses a cluster stack (layers: cluster) on an existing cluster.
      return { gpuPools: gpuPoolsOf(c), ingressAnnotations: {} };
  }
}

export const PROJECT = "kubeflow-platform";

/**
 * The registrations `pulumi up` would make for a stack config. `providerConfig` is the stack's
 * other config (aws:region, ...); @default the stack file's, when there is one. `stackOutputs` are
 * what the stacks it references export; @default computed from their stack files.
 */
export async function evaluatePlatform(
  stack: string,
  rawPlatformConfig: unknown,
  providerConfig: Record<string, string> = readStackProviderConfig(stack),
  stackOutputs: StackOutputs = referencedStackOutputs,
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
    return await evaluate(stack, rawPlatformConfig, providerConfig, stackOutputs);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    process.setSourceMapsEnabled(sourceMaps);
  }
}

async function evaluate(
  stack: string,
  rawPlatformConfig: unknown,
  providerConfig: Record<string, string>,
  stackOutputs: StackOutputs,
): Promise<Registration[]> {
  resetRun();
  const monitor = installRecorder({
    project: PROJECT,
    stack,
    config: {
      ...providerConfig,
      ...(rawPlatformConfig === undefined
        ? {}
        : { [`${PROJECT}:platform`]: JSON.stringify(rawPlatformConfig) }),
    },
    secretKeys: [`${PROJECT}:platform`],
    stackOutputs,
  });
  const cfg = loadPlatformConfig();
  // Offline: no kubeconfig is read. The context is the configured one or, stated, the current one.
  const context =
    (cfg.cluster.kind === "existing" ? cfg.cluster.context : undefined) ??
    "<kubeconfig current-context>";
  try {
    await buildPlatform(cfg, {
      kubeconfig: {
        kubeconfigPath: cfg.cluster.kind === "existing" ? cfg.cluster.kubeconfig : undefined,
        context,
        clusterIdentifier: context,
      },
    });
  } finally {
    // Also when the program fails (a missing stack output): registrations still in flight would
    // otherwise reach the next evaluation's recorder, named after its stack.
    await settle();
  }
  return [...monitor.registrations].sort((a, b) => a.urn.localeCompare(b.urn));
}
