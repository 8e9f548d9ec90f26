// Transforms adjust upstream objects (charts, kustomizations) before they are registered. Each one is
// a pure function from an object to an object, tested directly; `toResourceTransform` wires a list
// of them to Pulumi, which runs them on every child the engine registers.
import * as pulumi from "@pulumi/pulumi";
import { K8sObject } from "./k8s";

export type ObjectTransform = (obj: K8sObject) => K8sObject;

/** Apply transforms in order to one object. */
export function applyTransforms(obj: K8sObject, transforms: ObjectTransform[]): K8sObject {
  return transforms.reduce((o, t) => t(o), obj);
}

/**
 * Only Kubernetes objects are touched; other resources (the chart component itself) pass. No
 * options are returned: handing `args.opts` back round-trips them lossily (aliases gain an
 * explicit parent, protect and retainOnDelete come back as explicit false).
 */
export function toResourceTransform(transforms: ObjectTransform[]): pulumi.ResourceTransform {
  return (args) => {
    const props = args.props as Partial<K8sObject>;
    if (!args.type.startsWith("kubernetes:") || !props.kind || !props.metadata) return undefined;
    // The SDK's type requires opts, but its callback server (runtime/callbacks.js) sends options
    // back only when they are defined: undefined leaves the resource's own untouched.
    const result = { props: applyTransforms(props as K8sObject, transforms), opts: undefined };
    return result as unknown as pulumi.ResourceTransformResult;
  };
}

/**
 * Options for a resource transform to return when it changes them. The callback replaces the
 * resource's options with what is returned (runtime/callbacks.js), so they go back whole, except
 * protect, retainOnDelete and deleteBeforeReplace when false: the callback reports an unset flag as
 * false, and handing that back would set it explicitly, overriding what the parent passes down.
 */
export function handBackOptions(
  opts: pulumi.ResourceOptions,
  changes: Partial<pulumi.CustomResourceOptions>,
): pulumi.CustomResourceOptions {
  const out = { ...opts, ...changes } as Record<string, unknown>;
  for (const flag of ["protect", "retainOnDelete", "deleteBeforeReplace"])
    if (out[flag] === false) delete out[flag];
  return out as pulumi.CustomResourceOptions;
}

/** A transform that changes only objects of one kind (and optionally one name). */
export function forObject(
  kind: string,
  name: string | undefined,
  fn: ObjectTransform,
): ObjectTransform {
  return (obj) =>
    obj.kind === kind && (name === undefined || obj.metadata.name === name)
      ? fn(structuredClone(obj))
      : obj;
}

type EnvVar = { name: string; value?: string; valueFrom?: unknown };
type Container = { name: string; env?: EnvVar[]; [key: string]: unknown };

function podSpecOf(obj: K8sObject): { containers?: Container[] } | undefined {
  const spec = obj.spec as { template?: { spec?: { containers?: Container[] } } } | undefined;
  return spec?.template?.spec;
}

/** Set (or replace) plain env values on every container of a workload's pod template. */
export function setEnv(values: Record<string, string>): ObjectTransform {
  return (obj) => {
    for (const c of podSpecOf(obj)?.containers ?? []) {
      const env = (c.env ?? []).filter((e) => !(e.name in values));
      c.env = [...env, ...Object.entries(values).map(([name, value]) => ({ name, value }))];
    }
    return obj;
  };
}

/** Remove env vars by name from every container (e.g. keys that must not win over workload identity). */
export function removeEnv(names: string[]): ObjectTransform {
  return (obj) => {
    for (const c of podSpecOf(obj)?.containers ?? []) {
      if (c.env) c.env = c.env.filter((e) => !names.includes(e.name));
    }
    return obj;
  };
}

/** Merge keys into a ConfigMap's data. */
export function mergeData(values: Record<string, string>): ObjectTransform {
  return (obj) => {
    obj.data = { ...((obj.data as Record<string, string>) ?? {}), ...values };
    return obj;
  };
}

/**
 * Make matching objects wait for another object of the same chart or kustomization: the provider
 * honours `config.kubernetes.io/depends-on` there (cli-utils' format, group/namespaces/ns/Kind/name)
 * and waits for the target to be ready, e.g. a webhook's Deployment before the objects it admits.
 */
export function waitFor(
  target: { group: string; kind: string; name: string; namespace?: string },
  matches: (obj: K8sObject) => boolean,
): ObjectTransform {
  const ref = target.namespace
    ? `${target.group}/namespaces/${target.namespace}/${target.kind}/${target.name}`
    : `${target.group}/${target.kind}/${target.name}`;
  return (obj) => {
    if (!matches(obj)) return obj;
    const key = "config.kubernetes.io/depends-on";
    const copy = structuredClone(obj);
    const existing = copy.metadata.annotations?.[key];
    const refs = existing ? existing.split(",").filter((r) => r !== ref) : [];
    copy.metadata.annotations = { ...copy.metadata.annotations, [key]: [...refs, ref].join(",") };
    return copy;
  };
}
