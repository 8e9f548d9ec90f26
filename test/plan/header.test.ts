// The plan's first line says which cluster the stack targets, so nobody reviews a plan believing it
// is for another cluster; a stack without a context says it takes the kubeconfig's current one.
import { describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../components/config/load";
import { planHeader } from "../../components/plan/report";
import { listStacks, readStackPlatformConfig } from "../../components/plan/stackConfig";

const header = (raw: unknown, stack = "s") =>
  planHeader(stack, parsePlatformConfig(raw)).split("\n")[0];

describe("plan header", () => {
  it("names the context, the current context when asked for, or the cloud cluster", () => {
    expect(header({ cluster: { kind: "existing", context: "kind-kubeflow" } })).toMatch(
      /^Plan for stack s, targeting kubeconfig context kind-kubeflow \(/,
    );
    expect(header({ cluster: { kind: "existing", useCurrentContext: true } })).toMatch(
      /targeting the kubeconfig's current context, whichever cluster that is when it runs/,
    );
    expect(header(readStackPlatformConfig("aws-dev"), "aws-dev")).toMatch(
      /targeting a new EKS cluster in eu-west-1/,
    );
    expect(header(readStackPlatformConfig("platform-aws-prod"))).toMatch(
      /targeting the cluster of stack organization\/kubeflow-platform\/cluster-aws-prod/,
    );
  });

  it("every shipped stack names what it targets", () => {
    for (const stack of listStacks())
      expect(header(readStackPlatformConfig(stack), stack)).not.toMatch(/current context/);
  });
});
