// Teardown of upstream objects. Inside one chart or kustomization the provider orders only CRD → CR
// and Namespace → object, so a destroy deletes a controller and its CRDs in parallel. Deleting a CRD
// deletes every object of its kind in the cluster: the users' Notebooks, InferenceServices,
// Experiments and runs in retained tenant namespaces would go with it, and those whose finalizer
// needs the (already deleted) controller keep the CRD terminating, so the next install cannot
// create it. So CRDs are retained, as Helm never deletes the CRDs it installs: a destroy removes
// the controllers and leaves the kinds and the users' objects; a reinstall adopts the CRDs
// (docs/upgrading.md, "Reinstall and reattach") and the controllers reconcile the objects again.
import * as pulumi from "@pulumi/pulumi";
import { ObjectTransform, handBackOptions, toResourceTransform } from "./transforms";

/** A child of a chart or kustomization that is a CustomResourceDefinition. Pure. */
export function isCrdRegistration(args: Pick<pulumi.ResourceTransformArgs, "type" | "props">) {
  return (
    args.type.startsWith("kubernetes:apiextensions.k8s.io/") &&
    (args.props as { kind?: string }).kind === "CustomResourceDefinition"
  );
}

/** Keep CRDs in the cluster when Pulumi deletes them (retainOnDelete); nothing else is touched. */
export const retainCustomResourceDefinitions: pulumi.ResourceTransform = (args) => {
  if (!isCrdRegistration(args)) return undefined;
  return { props: args.props, opts: handBackOptions(args.opts, { retainOnDelete: true }) };
};

/** The resource transforms of every chart and kustomization: our object transforms, then CRDs kept. */
export function upstreamResourceTransforms(objects: ObjectTransform[]): pulumi.ResourceTransform[] {
  return [toResourceTransform(objects), retainCustomResourceDefinitions];
}
