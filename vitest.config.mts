import * as os from "os";
import * as path from "path";
import { defineConfig } from "vitest/config";

// The overlays and staged sources the tests' plans write go to a temporary folder, not the
// checkout (the workers inherit this).
process.env.KUBEFLOW_PLATFORM_WORK_DIR ??= path.join(
  os.tmpdir(),
  `kubeflow-platform-test-${process.pid}`,
);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "policies/test/**/*.test.ts"],
    // One process per file keeps Pulumi's global runtime state (mocks, config) per test file.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Pulumi's SDK must stay external: a second, inlined copy would not see the mocks.
    server: { deps: { external: [/@pulumi\//] } },
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    // Removes the temporary work folder below when the run ends.
    globalSetup: ["test/globalSetup.ts"],
  },
});
