// What the stack recorded last time it was deployed: its own outputs, read through a StackReference
// to itself (the engine reads the stack's last checkpoint; a new stack has none).
import * as pulumi from "@pulumi/pulumi";
import { stackOutput } from "../lib/stackOutputs";
import { checkUpgradePath } from "./version";

/** The platformVersion this stack's last deployment exported, if any. */
export async function recordedPlatformVersion(): Promise<string | undefined> {
  const self = `${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`;
  const { value } = await stackOutput<unknown>("platform-version-record", self, "platformVersion");
  return value === undefined ? undefined : String(value);
}

/** Refuse, before anything else is registered, a run the migrations cannot carry. */
export async function requireUpgradePath(): Promise<void> {
  try {
    checkUpgradePath(await recordedPlatformVersion());
  } catch (err) {
    throw new pulumi.RunError(`platformVersion: ${(err as Error).message}`);
  }
}
