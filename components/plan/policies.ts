// The policy pack over a plan, offline (`npm run plan -- --policies`), and the pack's config for one
// stack, as CI passes it to `pulumi preview`/`up` and as the plan runs it: policies/config.json (the limits a platform team tunes)
// plus what only the stack knows: whether it has GPU pools, the GPU capacity of pools that are
// not its own resources (a tenants stack's platform, a platform stack's cluster stack), and the
// image mirror.
import * as fs from "fs";
import * as path from "path";
import { GpuPool, PlatformConfig, gpuPoolsOf } from "../config/schema";
import { gpuCapacityOf } from "../tenants/facts";
import { POLICIES } from "../../policies/policies";
import { PackConfig, Violation, runPolicies } from "../../policies/run";
import { referencedStackOutputs } from "./evaluate";
import { Registration, StackOutputs } from "./recorder";

export const BASE_POLICY_CONFIG = path.join("policies", "config.json");

/** policies/config.json of the checkout at `root`. */
export function readBasePolicyConfig(root = process.cwd()): PackConfig {
  return JSON.parse(fs.readFileSync(path.join(root, BASE_POLICY_CONFIG), "utf8")) as PackConfig;
}

/**
 * GPUs of the pools the stack does not register itself, read from the stack it references: a
 * tenants stack's platform (its `tenantFacts.gpuCapacity`), a platform stack's cluster stack.
 */
export function externalGpuCapacity(cfg: PlatformConfig, outputs: StackOutputs): number {
  if (cfg.layers === "tenants") {
    const facts = outputs(cfg.platformStack!).tenantFacts as { gpuCapacity?: number } | undefined;
    return facts?.gpuCapacity ?? 0;
  }
  if (cfg.clusterStack) {
    const facts = outputs(cfg.clusterStack).clusterFacts as { gpuPools?: GpuPool[] } | undefined;
    return gpuCapacityOf(facts?.gpuPools ?? []);
  }
  return 0;
}

/** The GPU pools the stack registers (none for a tenants stack or a cluster-stack reader). */
function ownGpuPools(cfg: PlatformConfig): GpuPool[] {
  return cfg.layers === "tenants" || cfg.clusterStack ? [] : gpuPoolsOf(cfg.cluster);
}

type Entry = Record<string, unknown>;
const entryOf = (pack: PackConfig, name: string): Entry => {
  const e = pack[name];
  return typeof e === "string" ? { enforcementLevel: e } : { ...(e ?? {}) };
};

/**
 * The pack config for a stack: the base with the stack's facts set (they override the base, which
 * cannot know them). Offline, `outputs` is the mocked StackReference (computed from the referenced
 * stack's file); the value matches what that stack exports once deployed from the same commit,
 * which the deploy workflow does first. Pure given `outputs`.
 */
export function stackPolicyConfig(
  cfg: PlatformConfig,
  base: PackConfig,
  outputs: StackOutputs = referencedStackOutputs,
): PackConfig {
  const platformGpuCapacity = externalGpuCapacity(cfg, outputs);
  const hasGpus = ownGpuPools(cfg).length > 0 || platformGpuCapacity > 0;
  return {
    ...base,
    "tenant-has-quota": { ...entryOf(base, "tenant-has-quota"), requireGpuQuota: hasGpus },
    "gpu-quota-within-capacity": {
      ...entryOf(base, "gpu-quota-within-capacity"),
      platformGpuCapacity,
    },
    "images-from-mirror": {
      ...entryOf(base, "images-from-mirror"),
      registry: cfg.images.registry ?? "",
    },
  };
}

/** Every violation of the pack over a plan's registrations (their inputs, as a preview sees them). */
export function planViolations(regs: Registration[], pack: PackConfig): Promise<Violation[]> {
  return runPolicies(
    POLICIES,
    regs.map((r) => ({ type: r.type, urn: r.urn, name: r.name, props: r.inputs })),
    pack,
  );
}
