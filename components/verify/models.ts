// Built-in kinds (and Istio and cert-manager kinds, whose CRDs come from charts the render may not
// have) validated with the kubernetes-models packages, which carry the upstream OpenAPI schemas.
/* eslint-disable @typescript-eslint/no-require-imports */
type Model = new (data: Record<string, unknown>) => { validate(): void };

// Istio serves networking v1, v1beta1 and v1alpha3 with one schema; the models package ships the
// v1alpha3 classes for networking, so networking objects are checked with those.
const ISTIO_NETWORKING_MODEL_VERSION = "v1alpha3";

/** The model class of a kind, or undefined when no package has it. */
export function modelFor(apiVersion: string, kind: string): Model | undefined {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  try {
    if (group === "networking.istio.io")
      return require(`@kubernetes-models/istio/${group}/${ISTIO_NETWORKING_MODEL_VERSION}/${kind}`)[
        kind
      ];
    if (group.endsWith("istio.io"))
      return require(`@kubernetes-models/istio/${group}/${version}/${kind}`)[kind];
    if (group === "cert-manager.io")
      return require(`@kubernetes-models/cert-manager/${group}/${version}/${kind}`)[kind];
    if (group.includes(".") && !group.endsWith(".k8s.io")) return undefined;
    const dir = group === "" ? version : `${group}/${version}`;
    return require(`kubernetes-models/${dir}/${kind}`)[kind];
  } catch {
    return undefined;
  }
}

/** Validate with the model; throws with the model's message on a bad object. */
export function validateWithModel(obj: Record<string, unknown>): boolean {
  const { apiVersion, kind } = obj as { apiVersion: string; kind: string };
  const Model = modelFor(apiVersion, kind);
  if (!Model) return false;
  const [group] = apiVersion.split("/");
  const data =
    group === "networking.istio.io"
      ? { ...obj, apiVersion: `${group}/${ISTIO_NETWORKING_MODEL_VERSION}` }
      : obj;
  new Model(data).validate();
  return true;
}
