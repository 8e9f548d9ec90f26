import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One process per file keeps Pulumi's global runtime state (mocks, config) per test file.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Pulumi's SDK must stay external: a second, inlined copy would not see the mocks.
    server: { deps: { external: [/@pulumi\//] } },
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
