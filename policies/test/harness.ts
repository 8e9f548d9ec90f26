// The tests' view of the offline runner (../run.ts): one policy over one resource or a whole stack,
// with config overrides on top of the policy's schema defaults, returning the messages.
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { PolicyResource, policyConfig, resourceViolations, stackViolations } from "../run";

export function resource(type: string, props: Record<string, unknown>, name = "r"): PolicyResource {
  return { type, props, name, urn: `urn:pulumi:test::kubeflow-platform::${type}::${name}` };
}

const messages = (found: { message: string }[]) => found.map((f) => f.message);

export async function policyResourceViolations(
  policy: ResourceValidationPolicy,
  r: PolicyResource,
  config: Record<string, unknown> = {},
): Promise<string[]> {
  return messages(await resourceViolations(policy, r, policyConfig(policy, config)));
}

export async function policyStackViolations(
  policy: StackValidationPolicy,
  resources: PolicyResource[],
  config: Record<string, unknown> = {},
): Promise<string[]> {
  return messages(await stackViolations(policy, resources, policyConfig(policy, config)));
}
