// Reading another stack's outputs (a layered setup: cluster → platform → tenants).
import * as pulumi from "@pulumi/pulumi";

/**
 * One output of another stack, as a plain value (secret or not), through a StackReference named
 * `resourceName`. A missing output is a clear error naming the config key that points there.
 */
export async function requireStackOutput<T>(
  resourceName: string,
  stack: string,
  output: string,
  configKey: string,
  layers: string,
): Promise<{ ref: pulumi.StackReference; value: T }> {
  const ref = new pulumi.StackReference(resourceName, { name: stack });
  const details = await ref.getOutputDetails(output);
  const value = (details.value ?? details.secretValue) as T | undefined;
  if (value === undefined || value === null)
    throw new pulumi.RunError(
      `${configKey}: stack ${stack} exports no ${output}. Fix: run pulumi up on it first (its layers must be ${layers}).`,
    );
  return { ref, value };
}
