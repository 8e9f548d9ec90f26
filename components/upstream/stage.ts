// Kustomize cannot map a remote URL to a folder, and upstream's kustomizations name their nested
// bases (argo-workflows, lws) by URL. So a local sources directory is staged once per content: the
// pinned git trees are copied under .kustomize/sources/ and every remote base the directory holds is
// rewritten to a relative path there. The sources directory itself is never written (CI mounts it
// read-only).
import * as fs from "fs";
import * as path from "path";
import { parse, stringify } from "yaml";
import { gitSources, GitSourcePin } from "../versions";
import { rewriteRemoteRefs } from "./resolve";

const STAMP = ".staged-from";
const KUSTOMIZATION = /^(kustomization\.ya?ml|Kustomization)$/;

/** Every kustomization file under a folder. */
function kustomizationFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && KUSTOMIZATION.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The copy keeps the source's modes; a read-only mirror must not make the stage read-only. */
function makeWritable(dir: string): void {
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const p = path.join(e.parentPath, e.name);
    fs.chmodSync(p, fs.statSync(p).mode | 0o200);
  }
}

/** Rewrite one staged kustomization file in place; true when it changed. */
function rewriteFile(file: string, root: string, pins: GitSourcePin[]): boolean {
  const text = fs.readFileSync(file, "utf8");
  if (!text.includes("https://")) return false;
  const doc = parse(text) as Record<string, unknown> | null;
  if (!doc) return false;
  const rewritten = rewriteRemoteRefs(doc, path.dirname(file), root, pins);
  if (JSON.stringify(rewritten) === JSON.stringify(doc)) return false;
  fs.writeFileSync(file, stringify(rewritten));
  return true;
}

/**
 * Stage the pinned git sources of `sourcesDir` under `stageDir` (idempotent: a stamp names what was
 * staged, so a second call with the same sources does nothing). Returns the staged root.
 */
export function stageSources(
  sourcesDir: string,
  stageDir: string,
  pins: GitSourcePin[] = gitSources,
): string {
  const stamp = JSON.stringify({ sourcesDir, pins });
  const stampFile = path.join(stageDir, STAMP);
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp) return stageDir;
  fs.rmSync(stageDir, { recursive: true, force: true });
  for (const pin of pins) {
    const from = path.join(sourcesDir, pin.folder, pin.ref);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(stageDir, pin.folder, pin.ref), { recursive: true });
  }
  fs.mkdirSync(stageDir, { recursive: true });
  makeWritable(stageDir);
  for (const file of kustomizationFiles(stageDir)) rewriteFile(file, stageDir, pins);
  fs.writeFileSync(stampFile, stamp);
  return stageDir;
}
