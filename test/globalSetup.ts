// Once per test run: the temporary work folder (vitest.config.mts) is removed at the end.
import * as fs from "fs";

export default function setup(): () => void {
  return () => {
    const dir = process.env.KUBEFLOW_PLATFORM_WORK_DIR;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
