// Where the kustomize overlays and the charts find a pinned artifact in this run: its pinned URL,
// or its place in the local sources directory in force (components/upstream/run.ts).
import * as path from "path";
import { HelmChartPin, kubeflowManifests, manifestsFileUrl, manifestsUrl } from "../versions";
import { chartArchive, localPathOf, parseRemoteRef } from "./resolve";
import { stageSources } from "./stage";
import { workPath } from "../lib/workDir";
import { activeSourcesDir, stagedSources } from "./run";

function stagedRoot(): string {
  // Beside the overlays (ignored by git, like them).
  return stagedSources((dir) => stageSources(dir, path.resolve(workPath("sources"))));
}

/**
 * How an overlay in `overlayDir` (relative to the project root) names a kubeflow/manifests path:
 * the pinned remote URL, or a relative path into the staged sources.
 */
export function manifestsResource(manifestsPath: string, overlayDir: string): string {
  const url = manifestsUrl(manifestsPath, kubeflowManifests);
  if (!activeSourcesDir()) return url;
  const local = localPathOf(parseRemoteRef(url)!, stagedRoot());
  return path.relative(path.resolve(overlayDir), local!);
}

/** How an overlay names one file of kubeflow/manifests: its URL at the commit, or a staged path. */
export function manifestsFile(manifestsPath: string, overlayDir: string): string {
  if (!activeSourcesDir()) return manifestsFileUrl(manifestsPath, kubeflowManifests);
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
  const root = activeSourcesDir();
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
