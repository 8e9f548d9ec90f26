// Where the program writes what kustomize reads: generated overlays and staged sources. The project's
// .kustomize/ (ignored by git) unless KUBEFLOW_PLATFORM_WORK_DIR names another folder (the tests use
// a temporary one, so runs leave nothing in the checkout).
import * as path from "path";

export function workDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KUBEFLOW_PLATFORM_WORK_DIR || ".kustomize";
}

/** A path under the work folder, posix-joined (stable in plans across machines). */
export function workPath(...parts: string[]): string {
  return path.posix.join(workDir(), ...parts);
}
