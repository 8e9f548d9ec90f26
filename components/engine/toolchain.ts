// Builds the engine tiers' tools from their published Go modules, through the Go module proxy, into
// a cache outside the clone keyed by the pins (components/engine/pins.ts):
//   ${XDG_CACHE_HOME:-$HOME/.cache}/kubeflow-platform/
//     go/mod, go/build           GOMODCACHE and GOCACHE, shared by every key
//     engine/<key>/bin           the binaries, plus the random stand-in's launcher
//     engine/<key>/src/<tool>    a copy of our wrapper module, with the provider's generated embeds
//     engine/<key>/build.log     the go commands' output
//     engine/<key>/.complete     `sha256sum` lines of every binary built, written last
// A build whose stamp lists every binary the tier needs, with matching hashes, does nothing. A fresh
// machine builds everything (nothing prebuilt is assumed). The logic is pure functions; the few
// functions that run commands are at the bottom.
import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { ENGINE_PINS, EnginePins, EngineTier, GoBinary, GoToolPin, goToolPins } from "./pins";

export type TierSelection = EngineTier | "all";

/** Where the project keeps its caches: $XDG_CACHE_HOME, else ~/.cache. Pure. */
export function cacheRoot(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || "/root", ".cache");
  return path.join(base, "kubeflow-platform");
}

export interface ToolPaths {
  root: string;
  goModCache: string;
  goBuildCache: string;
  /** engine/<key> */
  dir: string;
  bin: string;
  src: string;
  stamp: string;
  log: string;
}

/** Every path of one cache key. Pure. */
export function toolPaths(root: string, key: string): ToolPaths {
  const dir = path.join(root, "engine", key);
  return {
    root,
    goModCache: path.join(root, "go", "mod"),
    goBuildCache: path.join(root, "go", "build"),
    dir,
    bin: path.join(dir, "bin"),
    src: path.join(dir, "src"),
    stamp: path.join(dir, ".complete"),
    log: path.join(dir, "build.log"),
  };
}

export interface SourceFile {
  /** Path relative to the project root, posix separators. */
  path: string;
  content: string;
}

/**
 * The cache key: a hash of the pins and of every file the build reads from the clone (the wrapper
 * modules and the random launcher's target). A change to any of them builds a new cache. Pure.
 */
export function cacheKey(pins: EnginePins, files: SourceFile[]): string {
  const h = createHash("sha256");
  h.update(JSON.stringify(pins));
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    h.update(`\0${f.path}\0`);
    h.update(f.content);
  }
  return h.digest("hex").slice(0, 16);
}

/** The Go environment of every build: the shared caches, this machine's Go, static binaries. Pure. */
export function goEnv(paths: ToolPaths, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    GOTOOLCHAIN: "local",
    GOFLAGS: "-modcacherw -mod=readonly",
    GOMODCACHE: paths.goModCache,
    GOCACHE: paths.goBuildCache,
    CGO_ENABLED: "0",
  };
}

/** The tool pins a tier selection builds. Pure. */
export function pinsForTier(tier: TierSelection, pins: EnginePins = ENGINE_PINS): GoToolPin[] {
  return goToolPins(pins).filter((p) => tier === "all" || p.tier === tier);
}

/** Every file name the tier selection puts in bin/ (the random launcher is tier 1). Pure. */
export function binaryNames(tier: TierSelection, pins: EnginePins = ENGINE_PINS): string[] {
  const names = pinsForTier(tier, pins).flatMap((p) => p.binaries.map((b) => b.name));
  return tier === 2 ? names : [...names, RANDOM_PLUGIN];
}

/** `go mod download` of a wrapper module: everything first, so the build itself is offline. Pure. */
export function goDownloadArgs(): string[] {
  return ["mod", "download", "-x"];
}

/** The `go build` command line of one binary, as upstream's release build sets it. Pure. */
export function goBuildArgs(pin: GoToolPin, binary: GoBinary, out: string): string[] {
  const ldflags = ["-s", "-w", ...pin.ldflags.map((x) => `-X ${x}`)].join(" ");
  return [
    "build",
    "-p",
    "2",
    "-trimpath",
    ...(pin.tags?.length ? ["-tags", pin.tags.join(",")] : []),
    "-ldflags",
    ldflags,
    "-o",
    out,
    binary.pkg,
  ];
}

/** The `go version` line must name the pinned Go (GOTOOLCHAIN=local). Pure. */
export function checkGoVersion(versionLine: string, pinned: string): string | undefined {
  const found = versionLine.match(/\bgo(\d+\.\d+(\.\d+)?)\b/)?.[0];
  if (found === pinned) return undefined;
  return (
    `go version says ${found ?? `'${versionLine.trim()}'`}, the engine pins ${pinned} ` +
    `(components/engine/pins.ts). Fix: put ${pinned} first on PATH, or change the pin and rebuild`
  );
}

/**
 * The provider's schema with its version set, as upstream's generate.go writes schema-embed.json
 * (it re-marshals the package spec; key order does not matter to the engine). Pure.
 */
export function schemaEmbed(schemaJson: string, release: string): string {
  const spec = JSON.parse(schemaJson) as Record<string, unknown>;
  return JSON.stringify({ ...spec, version: release });
}

/** The terraform mapping, compacted as generate.go writes terraform-mapping-embed.json. Pure. */
export function mappingEmbed(mappingJson: string): string {
  return JSON.stringify(JSON.parse(mappingJson));
}

export const RANDOM_PLUGIN = "pulumi-resource-random";
/** The variable the launcher reads to find the checkout whose stand-in it runs. */
export const ROOT_ENV = "KUBEFLOW_PLATFORM_ROOT";

/**
 * The random stand-in's launcher. It names no checkout, since the cache is shared by every clone
 * with the same pins: the engine tiers set KUBEFLOW_PLATFORM_ROOT. Pure.
 */
export function randomLauncher(): string {
  return [
    "#!/bin/sh",
    "# pulumi-resource-random for the engine tiers only: NOT the real random provider. It runs the",
    "# test double components/engine/randomStandIn/main.ts of the checkout named by",
    `# ${ROOT_ENV} (the engine tiers set it). Written by npm run engine -- build.`,
    `if [ -z "$${ROOT_ENV}" ]; then`,
    `  echo "pulumi-resource-random (kubeflow-platform stand-in): ${ROOT_ENV} is not set; run it through npm run engine" >&2`,
    "  exit 1",
    "fi",
    `exec "$${ROOT_ENV}/node_modules/.bin/tsx" "$${ROOT_ENV}/components/engine/randomStandIn/main.ts" "$@"`,
    "",
  ].join("\n");
}

/** `sha256sum` lines, sorted by name. Pure. */
export function stampText(hashes: Record<string, string>): string {
  return Object.keys(hashes)
    .sort()
    .map((name) => `${hashes[name]}  ${name}\n`)
    .join("");
}

/** The stamp's name → sha256 map; lines that are not `sha256sum` output are ignored. Pure. */
export function parseStamp(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = line.match(/^([0-9a-f]{64}) {2}(.+)$/);
    if (m) out[m[2]] = m[1];
  }
  return out;
}

/** The names the stamp lacks, or lists with another hash than the file has. Pure. */
export function staleBinaries(
  wanted: string[],
  stamp: Record<string, string>,
  actual: Record<string, string | undefined>,
): string[] {
  return wanted.filter((n) => !stamp[n] || stamp[n] !== actual[n]);
}

// ---------------------------------------------------------------------------------------------
// Running it.

/** The project files the build reads (hashed into the key). */
export function sourceFiles(projectRoot: string, pins: EnginePins = ENGINE_PINS): SourceFile[] {
  const out: SourceFile[] = [];
  for (const pin of goToolPins(pins)) {
    const dir = path.join(projectRoot, pin.wrapper);
    for (const name of fs.readdirSync(dir).sort())
      if (/^(go\.mod|go\.sum|.*\.go)$/.test(name))
        out.push({
          path: path.posix.join(pin.wrapper, name),
          content: fs.readFileSync(path.join(dir, name), "utf8"),
        });
  }
  return out;
}

export function currentPaths(
  projectRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): { key: string; paths: ToolPaths } {
  const key = cacheKey(ENGINE_PINS, sourceFiles(projectRoot));
  return { key, paths: toolPaths(cacheRoot(env), key) };
}

function sha256File(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

export interface ToolchainStatus {
  key: string;
  paths: ToolPaths;
  /** Binaries the tier needs that the stamp does not list with their current hash. */
  missing: string[];
}

/** Whether the tier's tools are built for the current pins (nothing is built here). */
export function toolchainStatus(
  projectRoot: string,
  tier: TierSelection,
  env: NodeJS.ProcessEnv = process.env,
): ToolchainStatus {
  const { key, paths } = currentPaths(projectRoot, env);
  const wanted = binaryNames(tier);
  const stamp = fs.existsSync(paths.stamp) ? parseStamp(fs.readFileSync(paths.stamp, "utf8")) : {};
  const actual = Object.fromEntries(
    wanted.map((n) => [n, stamp[n] ? sha256File(path.join(paths.bin, n)) : undefined]),
  );
  return { key, paths, missing: staleBinaries(wanted, stamp, actual) };
}

export interface BuiltTool {
  name: string;
  seconds: number;
  bytes: number;
}

export interface BuildReport {
  key: string;
  bin: string;
  /** True when the stamp already listed everything: nothing ran. */
  upToDate: boolean;
  downloadSeconds: Record<string, number>;
  built: BuiltTool[];
}

function logTo(log: string, line: string): void {
  fs.appendFileSync(log, `${line}\n`);
}

function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  log: string,
): number {
  logTo(log, `$ (cd ${cwd} && ${cmd} ${args.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(" ")})`);
  const fd = fs.openSync(log, "a");
  const start = process.hrtime.bigint();
  try {
    const r = spawnSync(cmd, args, { cwd, env, stdio: ["ignore", fd, fd] });
    if (r.error) throw r.error;
    if (r.status !== 0)
      throw new Error(
        `${cmd} ${args.slice(0, 2).join(" ")} failed in ${cwd} (exit ${r.status}); the last lines of ${log} say why`,
      );
  } finally {
    fs.closeSync(fd);
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Copy a wrapper module into the cache's src/ (the clone stays clean), with generated embeds. */
function stageWrapper(
  projectRoot: string,
  pin: GoToolPin,
  paths: ToolPaths,
  env: NodeJS.ProcessEnv,
): string {
  const dir = path.join(paths.src, path.basename(pin.wrapper));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(projectRoot, pin.wrapper)))
    if (/^(go\.mod|go\.sum|.*\.go)$/.test(f))
      fs.copyFileSync(path.join(projectRoot, pin.wrapper, f), path.join(dir, f));
  if (pin === ENGINE_PINS.kubernetesProvider) {
    const moduleDir = execFileSync(
      "go",
      ["list", "-m", "-f", "{{.Dir}}", ENGINE_PINS.kubernetesProvider.module],
      { cwd: dir, env, encoding: "utf8" },
    ).trim();
    const cmd = path.join(moduleDir, "cmd", "pulumi-resource-kubernetes");
    const release = ENGINE_PINS.kubernetesProvider.release;
    fs.writeFileSync(
      path.join(dir, "schema-embed.json"),
      schemaEmbed(fs.readFileSync(path.join(cmd, "schema.json"), "utf8"), release),
    );
    fs.writeFileSync(
      path.join(dir, "terraform-mapping-embed.json"),
      mappingEmbed(fs.readFileSync(path.join(cmd, "terraform-mapping.json"), "utf8")),
    );
  }
  return dir;
}

/** Build what the tier needs, unless the stamp already lists it all. */
export function buildToolchain(
  projectRoot: string,
  tier: TierSelection,
  env: NodeJS.ProcessEnv = process.env,
  say: (line: string) => void = console.log,
): BuildReport {
  const { key, paths } = currentPaths(projectRoot, env);
  const wanted = binaryNames(tier);
  const hashOf = (names: string[]) =>
    Object.fromEntries(names.map((n) => [n, sha256File(path.join(paths.bin, n))]));
  const stamp = fs.existsSync(paths.stamp) ? parseStamp(fs.readFileSync(paths.stamp, "utf8")) : {};
  if (staleBinaries(wanted, stamp, hashOf(wanted)).length === 0)
    return { key, bin: paths.bin, upToDate: true, downloadSeconds: {}, built: [] };

  const genv = goEnv(paths, env);
  const goVersion = execFileSync("go", ["version"], { env: genv, encoding: "utf8" });
  const wrongGo = checkGoVersion(goVersion, ENGINE_PINS.go);
  if (wrongGo) throw new Error(wrongGo);
  fs.mkdirSync(paths.bin, { recursive: true });
  // The stamp is rewritten last, and lists a hash per binary: a binary that a stopped build left
  // half-written no longer matches it, so the next build makes it again.
  logTo(paths.log, `# build --tier ${tier} at ${new Date().toISOString()} (${goVersion.trim()})`);

  const report: BuildReport = {
    key,
    bin: paths.bin,
    upToDate: false,
    downloadSeconds: {},
    built: [],
  };
  const pins = pinsForTier(tier);
  const staged = new Map<GoToolPin, string>();
  for (const pin of pins) {
    const dir = path.join(paths.src, path.basename(pin.wrapper));
    fs.mkdirSync(dir, { recursive: true });
    for (const f of ["go.mod", "go.sum"])
      fs.copyFileSync(path.join(projectRoot, pin.wrapper, f), path.join(dir, f));
    say(`downloading ${pin.module}@${pin.version} and its dependencies`);
    report.downloadSeconds[pin.module] = run("go", goDownloadArgs(), dir, genv, paths.log);
    staged.set(pin, stageWrapper(projectRoot, pin, paths, genv));
  }
  for (const pin of pins)
    for (const binary of pin.binaries) {
      const out = path.join(paths.bin, binary.name);
      const fresh = stamp[binary.name] && stamp[binary.name] === sha256File(out);
      if (fresh) continue;
      say(`building ${binary.name} (${pin.module}@${pin.version})`);
      const seconds = run("go", goBuildArgs(pin, binary, out), staged.get(pin)!, genv, paths.log);
      report.built.push({ name: binary.name, seconds, bytes: fs.statSync(out).size });
      say(
        `  ${binary.name}: ${seconds.toFixed(0)} s, ${(fs.statSync(out).size / 2 ** 20).toFixed(0)} MiB`,
      );
    }
  if (tier !== 2) {
    fs.writeFileSync(path.join(paths.bin, RANDOM_PLUGIN), randomLauncher(), { mode: 0o755 });
  }
  // Re-read the stamp: another build of the same key (the other tier) may have finished meanwhile.
  const now = fs.existsSync(paths.stamp) ? parseStamp(fs.readFileSync(paths.stamp, "utf8")) : {};
  const all = { ...now, ...hashOf(wanted) } as Record<string, string>;
  fs.writeFileSync(paths.stamp, stampText(all));
  return report;
}
