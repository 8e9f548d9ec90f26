// One resolver for every upstream artifact: a kubeflow/manifests path (and the remote bases upstream's
// own kustomizations name) and a chart, from the versions catalog. Without a sources directory the
// pinned URLs are used (the provider clones and pulls). With one (`platform.sourcesDir` or
// KUBEFLOW_PLATFORM_SOURCES, laid out like ../shared/upstream: `<folder>/<ref>/<path>`,
// `charts/<chart>/<version>/`), everything resolves to local files and nothing is fetched.
import * as fs from "fs";
import * as path from "path";
import { gitSources, GitSourcePin, HelmChartPin } from "../versions";

export const SOURCES_ENV = "KUBEFLOW_PLATFORM_SOURCES";

/** The sources directory in force: the stack's setting, else the environment's, else none. */
export function sourcesDirectory(
  configured: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const dir = configured ?? (env[SOURCES_ENV] || undefined);
  return dir ? path.resolve(dir) : undefined;
}

export interface RemoteRef {
  /** https://github.com/<org>/<repo> */
  repo: string;
  path: string;
  ref: string;
}

/**
 * A kustomize remote base URL, in both forms upstream uses: `https://github.com/o/r//path?ref=x`
 * and GitHub's shorthand `https://github.com/o/r/path?ref=x`. Anything else (a release asset, a
 * local path) is not a remote base. Pure.
 */
export function parseRemoteRef(entry: string): RemoteRef | undefined {
  const m = /^https:\/\/github\.com\/([^/]+)\/([^/?]+?)(?:\.git)?\/\/?([^?]*)\?ref=([^&]+)$/.exec(
    entry,
  );
  if (!m || m[3].startsWith("releases/")) return undefined;
  return {
    repo: `https://github.com/${m[1]}/${m[2]}`,
    path: m[3].replace(/\/+$/, ""),
    ref: m[4],
  };
}

/** The pinned git source a remote ref stands for, when it names our repository at our ref. Pure. */
export function pinFor(
  ref: RemoteRef,
  pins: GitSourcePin[] = gitSources,
): GitSourcePin | undefined {
  return pins.find((p) => p.repo.toLowerCase() === ref.repo.toLowerCase() && p.ref === ref.ref);
}

/** Where a remote ref lives under a sources root, or undefined when the root does not hold it. */
export function localPathOf(ref: RemoteRef, root: string, pins = gitSources): string | undefined {
  const pin = pinFor(ref, pins);
  return pin ? path.join(root, pin.folder, pin.ref, ref.path) : undefined;
}

type Kustomization = Record<string, unknown>;
const REF_LISTS = ["resources", "bases", "components"] as const;

/**
 * A kustomization with every remote base that a sources root holds replaced by a path relative to
 * `fromDir` (the kustomization's own folder). Remote bases the root does not hold are kept (and so
 * fail offline, which the render reports). Pure.
 */
export function rewriteRemoteRefs(
  kustomization: Kustomization,
  fromDir: string,
  root: string,
  pins = gitSources,
): Kustomization {
  const out = { ...kustomization };
  for (const key of REF_LISTS) {
    const list = out[key];
    if (!Array.isArray(list)) continue;
    out[key] = list.map((entry: unknown) => {
      if (typeof entry !== "string") return entry;
      const ref = parseRemoteRef(entry);
      const local = ref && localPathOf(ref, root, pins);
      return local ? path.relative(fromDir, local) || "." : entry;
    });
  }
  return out;
}

/** The folder of a chart in a sources root (`charts/<chart>/<version>`, "v" prefix optional). */
export function chartFolder(pin: HelmChartPin, root: string): string | undefined {
  const versions = [pin.version, pin.version.replace(/^v/, "")];
  return versions
    .map((v) => path.join(root, "charts", pin.chart, v))
    .find((dir) => fs.existsSync(dir));
}

/**
 * A renderable chart in a sources root: the packaged archive (`<chart>-<version>.tgz`) or an
 * unpacked chart with templates. The mirror in ../shared/upstream has neither (values only).
 */
export function chartArchive(pin: HelmChartPin, root: string): string | undefined {
  const dir = chartFolder(pin, root);
  if (!dir) return undefined;
  const archive = fs
    .readdirSync(dir)
    .find(
      (f) =>
        f === `${pin.chart}-${pin.version}.tgz` ||
        f === `${pin.chart}-${pin.version.replace(/^v/, "")}.tgz`,
    );
  if (archive) return path.join(dir, archive);
  return fs.existsSync(path.join(dir, pin.chart, "templates"))
    ? path.join(dir, pin.chart)
    : undefined;
}
