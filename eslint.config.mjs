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
  {
    files: ["components/kubeflow/pipelinesTenantSync.hook.mjs", "scripts/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
