// Runs the pack's policies over a stack's resources offline, the way the policy analyzer does
// during a preview: for `npm run plan -- --policies` and for the tests. Each policy gets the config
// Pulumi hands it: the defaults of its configSchema (the CLI fills them in before the analyzer
// starts), overridden by the policy's entry in the pack config (`--policy-pack-config` file),
// without `enforcementLevel` (@pulumi/policy 1.21 server.js makeGetConfigFun drops it too).
import {
  EnforcementLevel,
  Policy,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";

import { StackResource } from "./tenants";

/** One resource as policies see it: its type, URN, name and input properties. */
export type PolicyResource = StackResource;

/** A policy's entry in a pack config file: its properties and, optionally, its enforcement level. */
export type PolicyConfigEntry =
  EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>);

/** The `--policy-pack-config` file: policy name → entry. */
export type PackConfig = Record<string, PolicyConfigEntry>;

export interface Violation {
  policy: string;
  enforcementLevel: EnforcementLevel;
  /** The resource the violation is about (its URN), when the policy names one. */
  urn?: string;
  message: string;
}

type SchemaOf = { configSchema?: { properties?: Record<string, { default?: unknown }> } };

/** The properties a policy sees from getConfig(): schema defaults, then the entry's values. */
export function policyConfig(policy: Policy & SchemaOf, entry?: PolicyConfigEntry) {
  const defaults = Object.fromEntries(
    Object.entries(policy.configSchema?.properties ?? {}).map(([k, v]) => [k, v.default]),
  );
  if (!entry || typeof entry === "string") return defaults;
  const values: Record<string, unknown> = { ...entry };
  delete values.enforcementLevel;
  return { ...defaults, ...values };
}

/**
 * The level a policy runs at: the config's, else the policy's own, else advisory (Pulumi's
 * default); "remediate" validates as "mandatory", as the analyzer does when a policy has no
 * remediation.
 */
export function enforcementLevelOf(policy: Policy, entry?: PolicyConfigEntry): EnforcementLevel {
  const configured = typeof entry === "string" ? entry : entry?.enforcementLevel;
  const level = configured ?? policy.enforcementLevel ?? "advisory";
  return level === "remediate" ? "mandatory" : level;
}

const isStackPolicy = (p: Policy): p is StackValidationPolicy => "validateStack" in p;

/** The messages one resource policy reports for one resource. */
export async function resourceViolations(
  policy: ResourceValidationPolicy,
  r: PolicyResource,
  config: Record<string, unknown>,
): Promise<{ message: string; urn: string }[]> {
  const found: { message: string; urn: string }[] = [];
  const args = {
    ...r,
    opts: {},
    stackTags: new Map(),
    getConfig: () => config,
    isType: () => false,
    asType: () => undefined,
    notApplicable: () => {
      throw new Error(`policy ${policy.name} called notApplicable, which the offline run lacks`);
    },
  } as unknown as ResourceValidationArgs;
  const validations = Array.isArray(policy.validateResource)
    ? policy.validateResource
    : policy.validateResource
      ? [policy.validateResource]
      : [];
  for (const v of validations) await v(args, (message) => found.push({ message, urn: r.urn }));
  return found;
}

/** The messages one stack policy reports for the whole stack. */
export async function stackViolations(
  policy: StackValidationPolicy,
  resources: PolicyResource[],
  config: Record<string, unknown>,
): Promise<{ message: string; urn?: string }[]> {
  const found: { message: string; urn?: string }[] = [];
  const args = {
    resources: resources.map((r) => ({
      ...r,
      opts: {},
      dependencies: [],
      propertyDependencies: {},
    })),
    stackTags: new Map(),
    getConfig: () => config,
  } as unknown as StackValidationArgs;
  await policy.validateStack(args, (message, urn) => found.push({ message, urn }));
  return found;
}

/** Every violation of every enabled policy over the stack, with the pack config applied. */
export async function runPolicies(
  policies: Policy[],
  resources: PolicyResource[],
  pack: PackConfig = {},
): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const policy of policies) {
    const entry = pack[policy.name];
    const enforcementLevel = enforcementLevelOf(policy, entry);
    if (enforcementLevel === "disabled") continue;
    const config = policyConfig(policy, entry);
    const found = isStackPolicy(policy)
      ? await stackViolations(policy, resources, config)
      : (
          await Promise.all(
            resources.map((r) => resourceViolations(policy as ResourceValidationPolicy, r, config)),
          )
        ).flat();
    for (const f of found) violations.push({ policy: policy.name, enforcementLevel, ...f });
  }
  return violations;
}

/** The resource a URN names, as "<type> <name>". */
export function resourceOfUrn(urn: string): string {
  const parts = urn.split("::");
  return parts.length < 4 ? urn : `${parts[2].split("$").pop()} ${parts.slice(3).join("::")}`;
}

/** A violation as one line: level, policy, resource (when it names one), message. */
export function formatViolation(v: Violation): string {
  return `${v.enforcementLevel} ${v.policy}${v.urn ? ` (${resourceOfUrn(v.urn)})` : ""}: ${v.message}`;
}
