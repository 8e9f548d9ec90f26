// What the render needs from a program run that the engine's registrations do not carry: which
// chart or kustomization each upstream component is, and the transforms (functions) registered on
// it and on the stack. The builders note them here as they register; the render reads them after
// the mock run and applies the very same functions to the rendered objects.
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

let upstream: UpstreamNote[] = [];
let stack: ObjectTransform[] = [];

export function noteUpstream(note: UpstreamNote): void {
  upstream.push(note);
}

/** Stack-wide transforms, in registration order (they run after a resource's own). */
export function noteStackTransforms(transforms: ObjectTransform[]): void {
  stack.push(...transforms);
}

/** Start a fresh program run. */
export function resetNotes(): void {
  upstream = [];
  stack = [];
}

export function notes(): { upstream: UpstreamNote[]; stack: ObjectTransform[] } {
  return { upstream, stack };
}
