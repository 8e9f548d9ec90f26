// Validate an object we write against the real Kubernetes, Istio or cert-manager schema.
/* eslint-disable @typescript-eslint/no-require-imports */
type Model = new (data: Record<string, unknown>) => { validate(): void };

// Istio serves networking v1, v1beta1 and v1alpha3 with one schema; the models package ships the
// v1alpha3 classes for networking, so networking objects are checked with those.
const ISTIO_NETWORKING_MODEL_VERSION = "v1alpha3";

function modelFor(apiVersion: string, kind: string): Model {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "networking.istio.io")
    return require(`@kubernetes-models/istio/${group}/${ISTIO_NETWORKING_MODEL_VERSION}/${kind}`)[
      kind
    ];
  if (group.endsWith("istio.io"))
    return require(`@kubernetes-models/istio/${group}/${version}/${kind}`)[kind];
  if (group === "cert-manager.io")
    return require(`@kubernetes-models/cert-manager/${group}/${version}/${kind}`)[kind];
  const dir = group === "" ? version : `${group.replace(/\.k8s\.io$/, ".k8s.io")}/${version}`;
  return require(`kubernetes-models/${dir}/${kind}`)[kind];
}

export function validateObject(obj: Record<string, unknown>): void {
  const { apiVersion, kind } = obj as { apiVersion: string; kind: string };
  const [group] = apiVersion.split("/");
  const data =
    group === "networking.istio.io"
      ? { ...obj, apiVersion: `${group}/${ISTIO_NETWORKING_MODEL_VERSION}` }
      : obj;
  const Model = modelFor(apiVersion, kind);
  new Model(data).validate();
}
