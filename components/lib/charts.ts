// Helm charts from the versions catalog, rendered by helm.v4.Chart (each object its own resource,
// so diffs, policies and transforms see them).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { HelmChartPin } from "../versions";
import { ObjectTransform, toResourceTransform } from "./transforms";

/** Chart args for a pinned chart. Pure. */
export function chartArgs(
  pin: HelmChartPin,
  namespace: pulumi.Input<string>,
  values: pulumi.Inputs,
): k8s.helm.v4.ChartArgs {
  const oci = pin.repo.startsWith("oci://");
  return {
    chart: oci ? `${pin.repo}/${pin.chart}` : pin.chart,
    version: pin.version,
    namespace,
    repositoryOpts: oci ? undefined : { repo: pin.repo },
    values,
  };
}

export function pinnedChart(
  name: string,
  pin: HelmChartPin,
  namespace: pulumi.Input<string>,
  values: pulumi.Inputs,
  opts: pulumi.ComponentResourceOptions,
  transforms: ObjectTransform[] = [],
): k8s.helm.v4.Chart {
  return new k8s.helm.v4.Chart(name, chartArgs(pin, namespace, values), {
    ...opts,
    transforms: transforms.length ? [toResourceTransform(transforms)] : undefined,
  });
}
