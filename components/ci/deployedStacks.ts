// The stacks a repository actually runs (stacks/deployed.yaml), per GitHub environment and in the
// order the deploy workflow updates them, with what CI needs to reach each one: its cloud (whose
// credentials the workflows set up) and region. Pull requests preview, merges deploy and the
// nightly drift check previews only these; the other stack files are examples to plan offline.
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { z } from "zod";
import { ConfigError, ConfigProblem } from "../config/errors";
import { parsePlatformConfig } from "../config/load";
import { PlatformConfig } from "../config/schema";
import { listStacks, readStackPlatformConfig } from "../plan/stackConfig";

export const DEPLOYED_FILE = path.join("stacks", "deployed.yaml");

const ENVIRONMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const DeployedSchema = z.strictObject({
  environments: z.record(
    z.string().regex(ENVIRONMENT, { error: "must be a GitHub environment name" }),
    z.strictObject({ stacks: z.array(z.string()).min(1, { error: "must list a stack" }) }),
  ),
});

export type Cloud = "aws" | "gcp" | "azure" | "existing";

export interface DeployedStack {
  stack: string;
  /** The GitHub environment its deploy job runs in. */
  environment: string;
  /** The environment as a suffix of variable and secret names: "production" → "PRODUCTION". */
  suffix: string;
  /** Whose credentials reach its cluster (and its cloud resources). */
  cloud: Cloud;
  /** The cloud region or location ("" for an existing cluster). */
  region: string;
  /** tenantsDir, normalized, when it reads tenant files. */
  tenantsDir?: string;
  /** The stacks it reads by StackReference (platformStack, clusterStack), by stack name. */
  references: string[];
}

const stackName = (fullyQualified: string) => fullyQualified.split("/").pop()!;

/** The environment as a variable-name suffix. Pure. */
export function environmentSuffix(environment: string): string {
  return environment.toUpperCase().replace(/-/g, "_");
}

function cloudOf(cfg: PlatformConfig, root: string): { cloud: Cloud; region: string } {
  // A stack on a cluster stack's cluster needs that cloud's credentials (EKS tokens, for one).
  if (cfg.clusterStack)
    return cloudOf(
      parsePlatformConfig(readStackPlatformConfig(stackName(cfg.clusterStack), root)),
      root,
    );
  const c = cfg.cluster;
  switch (c.kind) {
    case "aws":
    case "gcp":
      return { cloud: c.kind, region: c.region };
    case "azure":
      return { cloud: "azure", region: c.location };
    case "existing":
      return { cloud: "existing", region: "" };
  }
}

/** What CI needs about one stack, from its stack file. */
export function describeStack(
  stack: string,
  environment: string,
  root = process.cwd(),
): DeployedStack {
  const cfg = parsePlatformConfig(readStackPlatformConfig(stack, root));
  return {
    stack,
    environment,
    suffix: environmentSuffix(environment),
    ...cloudOf(cfg, root),
    ...(cfg.tenantsDir
      ? { tenantsDir: path.posix.normalize(cfg.tenantsDir).replace(/\/$/, "") }
      : {}),
    references: [cfg.platformStack, cfg.clusterStack]
      .filter((s): s is string => !!s)
      .map(stackName),
  };
}

/** Problems with the listed stacks: unknown, listed twice, or updated before a stack they read. */
export function deployedProblems(
  environments: Record<string, { stacks: string[] }>,
  known: string[],
  referencesOf: (stack: string) => string[],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, string>();
  for (const [env, { stacks }] of Object.entries(environments))
    stacks.forEach((stack, i): void => {
      const at = `environments.${env}.stacks[${i}]`;
      const problem = (message: string, fix: string) => {
        problems.push({ path: at, message, value: JSON.stringify(stack), fix });
      };
      if (!known.includes(stack))
        return problem(
          `no stack file stacks/Pulumi.${stack}.yaml`,
          `use one of ${known.join(", ")}, or add the stack file`,
        );
      if (seen.has(stack))
        return problem(
          `listed twice (also in environment ${seen.get(stack)})`,
          "list each stack once, in the environment whose deploy job updates it",
        );
      seen.set(stack, env);
      for (const ref of referencesOf(stack)) {
        const refAt = stacks.indexOf(ref);
        if (refAt > i)
          problem(
            `is updated before ${ref}, which it reads by StackReference`,
            `move ${stack} after ${ref} in environments.${env}.stacks`,
          );
      }
    });
  return problems;
}

/** Every deployed stack, validated, in environment and deploy order. */
export function readDeployedStacks(root = process.cwd()): DeployedStack[] {
  const file = path.join(root, DEPLOYED_FILE);
  if (!fs.existsSync(file))
    throw new ConfigError(
      [
        {
          path: "environments",
          message: "the file lists the stacks CI previews and deploys, and is missing",
          value: "(missing)",
          fix: `create ${DEPLOYED_FILE} with environments: { dev: { stacks: [<stack>, ...] } } (see docs/ci.md)`,
        },
      ],
      DEPLOYED_FILE,
    );
  const parsed = DeployedSchema.safeParse(parse(fs.readFileSync(file, "utf8")) ?? {});
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((i) => ({
        path: i.path.map(String).join(".") || "(top)",
        message: i.message,
        value: "(see the file)",
        fix: "write environments: { <environment>: { stacks: [<stack>, ...] } } (see docs/ci.md)",
      })),
      DEPLOYED_FILE,
    );
  const { environments } = parsed.data;
  const known = listStacks(root);
  const described = new Map<string, DeployedStack>();
  const describe = (stack: string, env: string) => {
    if (!described.has(stack)) described.set(stack, describeStack(stack, env, root));
    return described.get(stack)!;
  };
  const problems = deployedProblems(environments, known, (s) => describe(s, "").references);
  if (problems.length) throw new ConfigError(problems, DEPLOYED_FILE);
  return Object.entries(environments).flatMap(([env, { stacks }]) =>
    stacks.map((s) => ({ ...describe(s, env), environment: env, suffix: environmentSuffix(env) })),
  );
}

/**
 * GitHub step outputs for a set of stacks: the matrix (one entry per stack), the names in deploy
 * order, the clouds whose credentials they need, and the region for AWS's STS. Pure.
 */
export function stepOutputs(stacks: DeployedStack[]): string {
  const matrix = stacks.map(({ stack, environment, suffix, cloud, region }) => ({
    stack,
    environment,
    suffix,
    cloud,
    region,
  }));
  return [
    `matrix=${JSON.stringify(matrix)}`,
    `stacks=${stacks.map((s) => s.stack).join(" ")}`,
    `clouds=${[...new Set(stacks.map((s) => s.cloud))].join(",")}`,
    `aws-region=${stacks.find((s) => s.cloud === "aws")?.region ?? ""}`,
  ].join("\n");
}
