// The upstream sources the render tests need: KUBEFLOW_PLATFORM_SOURCES, else ../shared/upstream.
// A user's clone has neither: those tests then skip with one line. CI sets
// KUBEFLOW_PLATFORM_REQUIRE_SOURCES=1 (.ci/run), so a missing mirror fails instead of skipping.
import * as fs from "fs";
import * as path from "path";

const SHARED = path.resolve(__dirname, "..", "..", "..", "shared", "upstream");

export const SOURCES_DIR: string | undefined =
  process.env.KUBEFLOW_PLATFORM_SOURCES ?? (fs.existsSync(SHARED) ? SHARED : undefined);

export const SOURCES_REQUIRED = process.env.KUBEFLOW_PLATFORM_REQUIRE_SOURCES === "1";

/** Whether the render tests run here; prints the one-line notice when they do not. */
export function sourcesAvailable(what: string): boolean {
  if (SOURCES_DIR) return true;
  if (SOURCES_REQUIRED)
    throw new Error(
      `${what}: no upstream sources (set KUBEFLOW_PLATFORM_SOURCES or put shared/upstream beside the repo)`,
    );
  console.log(
    `skipped ${what}: no upstream sources here (KUBEFLOW_PLATFORM_SOURCES or ../shared/upstream)`,
  );
  return false;
}
