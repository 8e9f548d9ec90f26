// ESLint flat config: typescript-eslint's recommended rules plus Pulumi's rules that catch
// Outputs used in template literals (they render as "Calling [toString] on an Output").
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";

// The floors of components/, bottom to top (docs/architecture.md draws them). A module imports only
// from its own folder and the floors below it; folders on one floor do not import each other. The
// versions catalog and the policy pack's facts (policies/) sit below everything.
export const FLOORS = [
  ["lib"],
  ["config"],
  ["upstream"],
  ["migrations"],
  ["foundation"],
  ["cluster", "kubeflow", "tenants"],
  ["platform"],
  ["plan"],
  ["ci", "render"],
  ["verify"],
  ["engine"],
];

/**
 * One no-restricted-imports rule per folder and depth: every folder on its floor or above is off
 * limits. An import names a top-level folder only when it climbs exactly to components/ (a file
 * two folders down needs `../../`), so a subfolder that shares a floor's name is not mistaken for it.
 */
export function floorRules() {
  return FLOORS.flatMap((floor, level) =>
    floor.flatMap((folder) => {
      const banned = FLOORS.slice(level)
        .flat()
        .filter((f) => f !== folder);
      const rule = (files, up) => ({
        files,
        rules: {
          "no-restricted-imports": [
            "error",
            {
              patterns: [
                {
                  regex: `^${up}(${banned.join("|")})(/|$)`,
                  message: `components/${folder} imports only its own folder and the floors below it, not ${banned.join(", ")} (docs/architecture.md, "Layout and floors"): move the shared code down a floor, or the caller up.`,
                },
              ],
            },
          ],
        },
      });
      if (folder === "platform") return [rule(["components/platform.ts"], "\\./")];
      return [1, 2, 3, 4].map((depth) =>
        rule([`components/${folder}/${"*/".repeat(depth - 1)}*.ts`], "(\\.\\./)".repeat(depth)),
      );
    }),
  );
}

// Below the cluster layer nothing reads the cluster's config: a platform stack on a cluster stack
// (clusterStack) has only the schema's default there. What the platform needs of a cluster is in
// ClusterFacts (components/cluster/facts.ts), the same wherever the cluster is made.
const CLUSTER_FACTS =
  "the cluster's config, where a platform stack on a cluster stack has only the schema's default: read ClusterFacts (components/cluster/facts.ts), adding what is missing to the facts every cluster exports.";

/** The rule that keeps foundation/, kubeflow/ and tenants/ on ClusterFacts. */
export function clusterFactsRules() {
  return [
    {
      files: [
        "components/foundation/**/*.ts",
        "components/kubeflow/**/*.ts",
        "components/tenants/**/*.ts",
      ],
      rules: {
        "no-restricted-syntax": [
          "error",
          {
            selector: "MemberExpression[object.name='cfg'][property.name='cluster']",
            message: `cfg.cluster is ${CLUSTER_FACTS}`,
          },
          {
            selector: "MemberExpression[object.property.name='cluster'][property.name='gpuPools']",
            message: `.cluster.gpuPools is ${CLUSTER_FACTS}`,
          },
          {
            selector: "ImportSpecifier[imported.name='gpuPoolsOf']",
            message: `gpuPoolsOf reads ${CLUSTER_FACTS}`,
          },
        ],
      },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "bin/**",
      ".kustomize/**",
      ".render/**",
      "policies/node_modules/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      "@pulumi/no-output-instance-in-template-literal": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  ...floorRules(),
  ...clusterFactsRules(),
  {
    files: ["components/kubeflow/pipelinesTenantSync.hook.mjs", "scripts/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
