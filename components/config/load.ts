// The one place config is read and validated. Everything downstream receives a typed PlatformConfig.
// Tenants may also come from a folder of files, one per tenant (tenantFiles.ts); each file is
// validated with the same rules and errors name the file.
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, ConfigProblem, problemsFromIssues } from "./errors";
import { shellWord } from "./hints";
import { platformJsonSchema } from "./jsonSchema";
import { PlatformConfig, PlatformSchema } from "./schema";
import { TenantFile, readTenantFiles, tenantFileFix, withTenantFiles } from "./tenantFiles";

export type { TenantFile };

/** Provider settings of the stack (aws:region, ...) that must agree with the cluster's. */
export type ProviderConfig = Partial<Record<(typeof PROVIDER_KEYS)[number], string>>;
export const PROVIDER_KEYS = [
  "aws:region",
  "gcp:project",
  "gcp:region",
  "azure-native:location",
] as const;

/**
 * The stack's provider config against the cluster it describes. The AWS resources use the default
 * provider, so aws:region decides where the VPC and EKS go while cluster.region names the kubeconfig,
 * the autoscaler and the S3 endpoint: they must be one region. The same for GCP and Azure. Pure.
 */
export function providerConfigProblems(
  cfg: PlatformConfig,
  provider: ProviderConfig,
): ConfigProblem[] {
  const c = cfg.cluster;
  const pairs: [keyof ProviderConfig, string, string][] =
    c.kind === "aws"
      ? [["aws:region", "region", c.region]]
      : c.kind === "gcp"
        ? [
            ["gcp:project", "project", c.project],
            ["gcp:region", "region", c.region],
          ]
        : c.kind === "azure"
          ? [["azure-native:location", "location", c.location]]
          : [];
  return pairs
    .filter(([key, , value]) => provider[key] !== undefined && provider[key] !== value)
    .map(([key, field, value]) => ({
      path: `platform.cluster.${field}`,
      message: `differs from the stack's ${key} (${JSON.stringify(provider[key])}): the cloud resources and the cluster's settings would name different ${field === "project" ? "projects" : "regions"}`,
      value: JSON.stringify(value),
      fix: `make them one: \`pulumi config set ${key} ${shellWord(value)}\``,
    }));
}

export const CONFIG_NAMESPACE = "kubeflow-platform";
export const CONFIG_KEY = "platform";

/** Validate raw config (and its tenant files); throws ConfigError listing every problem at once. */
export function parsePlatformConfig(
  raw: unknown,
  read: (dir: string) => TenantFile[] | undefined = readTenantFiles,
  provider: ProviderConfig = {},
): PlatformConfig {
  const merged = withTenantFiles(raw, read);
  const input = merged.raw ?? {};
  const result = PlatformSchema.safeParse(input, { reportInput: true });
  const problems = [
    ...merged.problems,
    ...(result.success
      ? providerConfigProblems(result.data, provider)
      : problemsFromIssues(result.error.issues, input, platformJsonSchema())),
  ].map((p) => {
    // platform.tenants[i]... of a file's tenant → <file>: ...
    const m = /^platform\.tenants\[(\d+)\]\.?(.*)$/.exec(p.path);
    const i = m ? Number(m[1]) - merged.firstFileIndex : -1;
    if (!m || i < 0 || i >= merged.files.length) return p;
    const file = merged.files[i];
    return {
      ...p,
      path: m[2] ? `${file}: ${m[2]}` : file,
      fix: tenantFileFix(p, file, Number(m[1]), merged.firstFileIndex),
    };
  });
  if (problems.length || !result.success) throw new ConfigError(problems);
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
  return parsePlatformConfig(raw, readTenantFiles, stackProviderConfig());
}

/** The provider settings of the running stack (unset ones are absent). */
function stackProviderConfig(): ProviderConfig {
  const out: ProviderConfig = {};
  for (const key of PROVIDER_KEYS) {
    const [namespace, name] = key.split(":");
    const value = new pulumi.Config(namespace).get(name);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
