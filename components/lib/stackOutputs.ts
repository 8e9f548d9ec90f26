// Reading a stack's outputs (a layered setup: cluster → platform → tenants; a stack's own record).
import * as pulumi from "@pulumi/pulumi";

/**
 * One output of a stack, as a plain value (secret or not), through a StackReference named
 * `resourceName`; undefined when the stack exports no such output (or has never been deployed).
 */
export async function stackOutput<T>(
  resourceName: string,
  stack: string,
  output: string,
): Promise<{ ref: pulumi.StackReference; value: T | undefined }> {
  const ref = new pulumi.StackReference(resourceName, { name: stack });
  const details = await ref.getOutputDetails(output);
  const value = (details.value ?? details.secretValue) as T | null | undefined;
  return { ref, value: value ?? undefined };
}

/**
 * One output of another stack that must be there: a missing output is a clear error naming the
 * config key that points there.
 */
export async function requireStackOutput<T>(
  resourceName: string,
  stack: string,
  output: string,
  configKey: string,
  layers: string,
): Promise<{ ref: pulumi.StackReference; value: T }> {
  const { ref, value } = await stackOutput<T>(resourceName, stack, output);
  if (value === undefined)
    throw new pulumi.RunError(
      `${configKey}: stack ${stack} exports no ${output}. Fix: run pulumi up on it first (its layers must be ${layers}).`,
    );
  return { ref, value };
}
