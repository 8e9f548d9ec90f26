// The one place config is read and validated. Everything downstream receives a typed PlatformConfig.
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, problemsFromIssues } from "./errors";
import { PlatformConfig, PlatformSchema } from "./schema";

export const CONFIG_NAMESPACE = "kubeflow-platform";
export const CONFIG_KEY = "platform";

/** Validate raw config; throws ConfigError listing every problem at once. */
export function parsePlatformConfig(raw: unknown): PlatformConfig {
  const result = PlatformSchema.safeParse(raw ?? {}, { reportInput: true });
  if (!result.success) {
    throw new ConfigError(problemsFromIssues(result.error.issues, raw ?? {}));
  }
  return result.data;
}

/** Read `kubeflow-platform:platform` from the stack config and validate it. */
export function loadPlatformConfig(): PlatformConfig {
  const config = new pulumi.Config(CONFIG_NAMESPACE);
  let raw: unknown;
  try {
    raw = config.getObject<unknown>(CONFIG_KEY);
  } catch (err) {
    throw new ConfigError([
      {
        path: "platform",
        message: `is not valid YAML/JSON (${(err as Error).message})`,
        value: "[unparsable]",
        fix: "check the indentation of kubeflow-platform:platform in the stack file",
      },
    ]);
  }
  return parsePlatformConfig(raw);
}
