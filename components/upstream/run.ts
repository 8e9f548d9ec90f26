// The state of one program run that the render needs and the engine's registrations do not carry,
// in one place with one reset:
// - the sources in force (a local sources directory, or the pinned URLs), set once from config
//   before anything is registered, like the stack-wide transforms: overlays and charts ask here
//   where a pinned artifact is (components/upstream/active.ts);
// - which chart or kustomization each upstream component is, and the transforms (functions)
//   registered on it and on the stack. The builders note them as they register; the render reads
//   them after the mock run and applies the very same functions to the rendered objects.
// Module state, so one stack per process (the engine runs each stack in a process of its own).
import * as pulumi from "@pulumi/pulumi";
import { ObjectTransform } from "../lib/transforms";
import { HelmChartPin } from "../versions";

export interface UpstreamNote {
  resource: pulumi.Resource;
  kind: "kustomize" | "chart";
  /** The chart's pin (charts only), for its values file and name. */
  pin?: HelmChartPin;
  transforms: ObjectTransform[];
}

interface RunState {
  /** The local sources directory, or undefined for the pinned URLs. */
  sourcesDir?: string;
  /** Where that directory was staged for the overlays (made on first use). */
  staged?: string;
  upstream: UpstreamNote[];
  stack: ObjectTransform[];
}

let run: RunState = { upstream: [], stack: [] };

/** Start a fresh program run: no sources directory, nothing noted. */
export function resetRun(): void {
  run = { upstream: [], stack: [] };
}

/** Use a local sources directory (or, with undefined, the pinned URLs). */
export function useSources(dir: string | undefined): void {
  run.sourcesDir = dir;
  run.staged = undefined;
}

/** The sources directory in force, if any. */
export function activeSourcesDir(): string | undefined {
  return run.sourcesDir;
}

/** The staged copy of the sources directory, staged by `stage` on first use. */
export function stagedSources(stage: (dir: string) => string): string {
  run.staged ??= stage(run.sourcesDir!);
  return run.staged;
}

export function noteUpstream(note: UpstreamNote): void {
  run.upstream.push(note);
}

/** Stack-wide transforms, in registration order (they run after a resource's own). */
export function noteStackTransforms(transforms: ObjectTransform[]): void {
  run.stack.push(...transforms);
}

export function notes(): { upstream: UpstreamNote[]; stack: ObjectTransform[] } {
  return { upstream: run.upstream, stack: run.stack };
}
