// A small harness for the policy pack: build the arguments Pulumi would pass for one resource or a
// whole stack, run a policy, and collect the violations it reports.
import {
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { StackResource } from "../../policies/tenants";

/** The policy's config: its schema's defaults, overridden by `config`. */
function configOf(
  policy: { configSchema?: { properties: Record<string, { default?: unknown }> } },
  config: Record<string, unknown>,
) {
  const defaults = Object.fromEntries(
    Object.entries(policy.configSchema?.properties ?? {}).map(([k, v]) => [k, v.default]),
  );
  return { ...defaults, ...config };
}

export function resource(type: string, props: Record<string, unknown>, name = "r"): StackResource {
  return { type, props, name, urn: `urn:pulumi:test::kubeflow-platform::${type}::${name}` };
}

export async function resourceViolations(
  policy: ResourceValidationPolicy,
  r: StackResource,
  config: Record<string, unknown> = {},
): Promise<string[]> {
  const violations: string[] = [];
  const args = {
    ...r,
    opts: {},
    stackTags: new Map(),
    getConfig: () => configOf(policy, config),
    isType: () => false,
    asType: () => undefined,
    notApplicable: () => {
      throw new Error("not applicable");
    },
  } as unknown as ResourceValidationArgs;
  const validations = Array.isArray(policy.validateResource)
    ? policy.validateResource
    : [policy.validateResource!];
  for (const v of validations) await v(args, (message) => violations.push(message));
  return violations;
}

export async function stackViolations(
  policy: StackValidationPolicy,
  resources: StackResource[],
  config: Record<string, unknown> = {},
): Promise<string[]> {
  const violations: string[] = [];
  const args = {
    resources: resources.map((r) => ({
      ...r,
      opts: {},
      dependencies: [],
      propertyDependencies: {},
    })),
    stackTags: new Map(),
    getConfig: () => configOf(policy, config),
  } as unknown as StackValidationArgs;
  await policy.validateStack(args, (message) => violations.push(message));
  return violations;
}
