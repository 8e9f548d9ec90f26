// The pack's own tests (npm test in policies/): the policies over hand-made resources, and the
// pack's self-containment. vitest comes from the repository's root node_modules (npm ci there
// first); the published pack does not need it. The policies over every shipped stack's plan run
// with the program's tests (test/policies/), which own the plan.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["test/**/*.test.ts"] },
});
