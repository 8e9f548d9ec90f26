// The rendered platform as plain data: every Kubernetes object `pulumi up` would apply, with the URN
// the engine would give it and what it waits for. (Kind and identity helpers: lib/kinds.ts.)
import { K8sObject } from "../lib/k8s";

export interface RenderedObject {
  object: K8sObject;
  /** The URN the engine would give this object. */
  urn: string;
  /** The top-level component it belongs to (e.g. "istio"), for the one-file-per-component output. */
  component: string;
  /** Where it came from: our own registration, a kustomization or a chart. */
  origin: "own" | "kustomize" | "chart";
  /** URN of the chart or kustomization it came from (its own URN for our objects). */
  source: string;
  /** URNs this object waits for: explicit dependsOn, its component's, and the provider's own ordering. */
  dependsOn: string[];
  /** Installed by another stack that runs first (a tenants stack's platform): already there. */
  preexisting?: boolean;
}
