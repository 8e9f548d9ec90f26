// The sources in force for one program run, set once from config before anything is registered
// (like the stack-wide transforms): the kustomize overlays and the charts ask here where a pinned
// artifact is.
import * as path from "path";
import { HelmChartPin, kubeflowManifests, manifestsFileUrl, manifestsUrl } from "../versions";
import { chartArchive, localPathOf, parseRemoteRef } from "./resolve";
import { stageSources } from "./stage";
import { workPath } from "../lib/workDir";

let root: string | undefined;
let staged: string | undefined;

/** Use a local sources directory (or, with undefined, the pinned URLs). */
export function useSources(dir: string | undefined): void {
  root = dir;
  staged = undefined;
}

/** The sources directory in force, if any. */
export function activeSourcesDir(): string | undefined {
  return root;
}

function stagedRoot(): string {
  // Beside the overlays (ignored by git, like them).
  staged ??= stageSources(root!, path.resolve(workPath("sources")));
  return staged;
}

/**
 * How an overlay in `overlayDir` (relative to the project root) names a kubeflow/manifests path:
 * the pinned remote URL, or a relative path into the staged sources.
 */
export function manifestsResource(manifestsPath: string, overlayDir: string): string {
  const url = manifestsUrl(manifestsPath, kubeflowManifests);
  if (!root) return url;
  const local = localPathOf(parseRemoteRef(url)!, stagedRoot());
  return path.relative(path.resolve(overlayDir), local!);
}

/** How an overlay names one file of kubeflow/manifests: its URL at the commit, or a staged path. */
export function manifestsFile(manifestsPath: string, overlayDir: string): string {
  if (!root) return manifestsFileUrl(manifestsPath, kubeflowManifests);
  const staged = path.join(
    stagedRoot(),
    "kubeflow-manifests",
    kubeflowManifests.ref,
    manifestsPath,
  );
  return path.relative(path.resolve(overlayDir), staged);
}

export interface ChartLocation {
  chart: string;
  version?: string;
  repositoryOpts?: { repo: string };
}

/** Where the provider finds a pinned chart: its repository, or the archive in the sources. */
export function chartLocation(pin: HelmChartPin): ChartLocation {
  const local = root ? chartArchive(pin, root) : undefined;
  if (local) {
    // Relative to the project (as the provider resolves it), so plans do not depend on the machine;
    // "./" keeps helm from reading it as <repo>/<chart>.
    const rel = path.relative(process.cwd(), local);
    return { chart: rel.startsWith("..") || path.isAbsolute(rel) ? rel : `./${rel}` };
  }
  const oci = pin.repo.startsWith("oci://");
  return {
    chart: oci ? `${pin.repo}/${pin.chart}` : pin.chart,
    version: pin.version,
    repositoryOpts: oci ? undefined : { repo: pin.repo },
  };
}
