// The plan's mock outputs and invokes live beside each cloud (cluster/<cloud>/planMocks.ts) and the
// recorder merges them: each cloud answers for its own provider only, nothing is lost in the
// merge, and every answer is a deterministic placeholder.
import { describe, expect, it } from "vitest";
import {
  AWS_PLAN_CALLS,
  AWS_PLAN_OUTPUTS,
  PLAN_ACCOUNT,
  PLAN_CALLER,
} from "../../components/cluster/aws/planMocks";
import {
  AZURE_PLAN_CALLS,
  AZURE_PLAN_IDS,
  AZURE_PLAN_OUTPUTS,
} from "../../components/cluster/azure/planMocks";
import { GCP_PLAN_CALLS, GCP_PLAN_OUTPUTS } from "../../components/cluster/gcp/planMocks";
import { PLAN_CALLS, PLAN_OUTPUTS, planPassword } from "../../components/plan/recorder";

const CLOUDS = [
  { provider: "aws:", outputs: AWS_PLAN_OUTPUTS, calls: AWS_PLAN_CALLS },
  { provider: "gcp:", outputs: GCP_PLAN_OUTPUTS, calls: GCP_PLAN_CALLS },
  { provider: "azure-native:", outputs: AZURE_PLAN_OUTPUTS, calls: AZURE_PLAN_CALLS },
];

describe("each cloud's plan mocks", () => {
  it.each(CLOUDS)("$provider answers only for its own provider", ({ provider, outputs, calls }) => {
    const tokens = [...Object.keys(outputs), ...Object.keys(calls)];
    expect(Object.keys(outputs).length).toBeGreaterThan(0);
    expect(tokens.filter((t) => !t.startsWith(provider))).toEqual([]);
  });

  it("are all in the recorder's tables, so no cloud's mock is overridden or dropped", () => {
    for (const { outputs, calls } of CLOUDS) {
      for (const [type, fn] of Object.entries(outputs)) expect(PLAN_OUTPUTS[type], type).toBe(fn);
      for (const [token, fn] of Object.entries(calls)) expect(PLAN_CALLS[token], token).toBe(fn);
    }
    const clouds = CLOUDS.flatMap((c) => Object.keys(c.outputs));
    // The rest are the random provider's.
    expect(Object.keys(PLAN_OUTPUTS).filter((t) => !clouds.includes(t))).toEqual([
      "random:index/randomPassword:RandomPassword",
      "random:index/randomId:RandomId",
    ]);
  });

  it("give the same answer every time (two plans of one stack are identical)", () => {
    const inputs = { name: "c", identifier: "db", bucket: "b", accountId: "sa", project: "p" };
    for (const [type, fn] of Object.entries(PLAN_OUTPUTS))
      expect(fn("res", inputs), type).toEqual(fn("res", inputs));
    for (const [token, fn] of Object.entries(PLAN_CALLS))
      expect(fn(inputs), token).toEqual(fn(inputs));
  });
});

describe("placeholders that never look like a real deployment", () => {
  it("AWS: the documentation account, a session of an assumed role, versions resolved at deploy", () => {
    expect(PLAN_ACCOUNT).toBe("123456789012");
    const identity = AWS_PLAN_CALLS["aws:index/getCallerIdentity:getCallerIdentity"]({});
    expect(identity).toMatchObject({ accountId: PLAN_ACCOUNT, arn: PLAN_CALLER.sessionArn });
    // The session context names the role behind the session asked about.
    expect(
      AWS_PLAN_CALLS["aws:iam/getSessionContext:getSessionContext"]({
        arn: PLAN_CALLER.sessionArn,
      }),
    ).toMatchObject({ arn: PLAN_CALLER.sessionArn, issuerArn: PLAN_CALLER.roleArn });
    expect(
      AWS_PLAN_CALLS["aws:eks/getAddonVersion:getAddonVersion"]({
        addonName: "vpc-cni",
        kubernetesVersion: "1.34",
      }).version,
    ).toBe("resolved-at-deploy:vpc-cni@1.34");
  });

  it("Azure: all-zero object ids, and the deployer's own in the client config", () => {
    for (const id of Object.values(AZURE_PLAN_IDS)) expect(id).toMatch(/^00000000-0000-0000-/);
    expect(AZURE_PLAN_CALLS["azure-native:authorization:getClientConfig"]({})).toMatchObject({
      objectId: AZURE_PLAN_IDS.deployer,
      tenantId: AZURE_PLAN_IDS.tenant,
    });
  });

  it("random: a password of the length asked, derived from the resource's name", () => {
    const fn = PLAN_OUTPUTS["random:index/randomPassword:RandomPassword"];
    expect(fn("mysql-root-password", { length: 32 }).result).toBe(
      planPassword("mysql-root-password", 32),
    );
    expect(planPassword("a", 40)).toHaveLength(40);
    expect(planPassword("a", 40)).not.toBe(planPassword("b", 40));
  });
});
