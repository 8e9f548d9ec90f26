// Helm charts from the versions catalog, rendered by helm.v4.Chart (each object its own resource,
// so diffs, policies and transforms see them).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { noteUpstream } from "./run";
import { chartLocation } from "./active";
import { HelmChartPin } from "../versions";
import { dropControllerFields } from "../lib/controllerFields";
import { upstreamResourceTransforms } from "../lib/teardown";
import { ObjectTransform } from "../lib/transforms";

/** Chart args for a pinned chart: from its repository, or from the local sources. */
export function chartArgs(
  pin: HelmChartPin,
  namespace: pulumi.Input<string>,
  values: pulumi.Inputs,
  release?: string,
): k8s.helm.v4.ChartArgs {
  return { ...chartLocation(pin), namespace, values, ...(release ? { name: release } : {}) };
}

export function pinnedChart(
  name: string,
  pin: HelmChartPin,
  namespace: pulumi.Input<string>,
  values: pulumi.Inputs,
  opts: pulumi.ComponentResourceOptions,
  chartTransforms: ObjectTransform[] = [],
  /** Helm release name. @default the resource name */
  release?: string,
): k8s.helm.v4.Chart {
  const transforms = [dropControllerFields, ...chartTransforms];
  const resource = new k8s.helm.v4.Chart(name, chartArgs(pin, namespace, values, release), {
    ...opts,
    transforms: upstreamResourceTransforms(transforms),
  });
  noteUpstream({ resource, kind: "chart", pin, transforms });
  return resource;
}
