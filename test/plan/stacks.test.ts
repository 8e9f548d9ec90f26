// Every stack file in stacks/ plans cleanly offline: valid config, no errors, something registered.
import { describe, expect, it } from "vitest";
import { evaluatePlatform } from "../../components/plan/evaluate";
import { listStacks, readStackPlatformConfig } from "../../components/plan/stackConfig";

describe("stack files", () => {
  it("include the local, full, cloud, on-prem and layered examples", () => {
    expect(listStacks()).toEqual(
      expect.arrayContaining([
        "local",
        "full",
        "aws-dev",
        "gcp-dev",
        "azure-dev",
        "onprem",
        "cluster-aws-prod",
        "platform-aws-prod",
        "platform-dev",
        "tenants-dev",
      ]),
    );
  });

  it.each(listStacks())("%s plans cleanly", async (stack) => {
    const regs = await evaluatePlatform(stack, readStackPlatformConfig(stack));
    expect(regs.length).toBeGreaterThan(2);
  });
});
