// Private registries and air-gapped sites: one transform rewrites every image reference in every
// object (our own, chart-rendered and kustomize-rendered) to the mirror, and adds the pull secret.
// A mirrored image keeps its origin in the path, <mirror>/<host>/<repository>, so images of the same
// name from different registries never collide and the mirror can be filled with a plain copy.
import { K8sObject } from "./k8s";
import { ObjectTransform } from "./transforms";
import { podSpecsIn } from "../../policies/facts/podSpecs";

// One walk over pod specs for the transform, the verify checks and the policy pack (which must
// not import from outside its folder, so the walk lives there).
export { podSpecsIn };

/** An image reference with its registry host made explicit (Docker Hub's defaults filled in). */
export function normalizeImage(image: string): string {
  const [first, ...rest] = image.split("/");
  const hasHost =
    rest.length > 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  if (hasHost) return image;
  return rest.length === 0 ? `docker.io/library/${image}` : `docker.io/${image}`;
}

/** The image's name in the mirror. Idempotent: an image already in the mirror is left alone. Pure. */
export function mirrorImage(image: string, registry: string): string {
  if (image.startsWith(`${registry}/`)) return image;
  return `${registry}/${normalizeImage(image)}`;
}

/** Env variables that carry an image for pods the workload starts (e.g. KFP's V2_LAUNCHER_IMAGE). */
const IMAGE_ENV = /(^|_)IMAGE$/;

/** The transform for `images.registry` (and `images.pullSecret`). Pure; copies what it changes. */
export function mirrorImages(registry: string, pullSecret?: string): ObjectTransform {
  return (obj: K8sObject) => {
    if (podSpecsIn(obj).length === 0) return obj;
    const copy = structuredClone(obj);
    for (const spec of podSpecsIn(copy)) {
      for (const c of [
        ...(spec.containers ?? []),
        ...(spec.initContainers ?? []),
        ...(spec.ephemeralContainers ?? []),
      ]) {
        if (typeof c.image === "string") c.image = mirrorImage(c.image, registry);
        for (const e of c.env ?? [])
          if (typeof e.name === "string" && IMAGE_ENV.test(e.name) && typeof e.value === "string")
            e.value = mirrorImage(e.value, registry);
      }
      if (pullSecret && !(spec.imagePullSecrets ?? []).some((s) => s.name === pullSecret))
        spec.imagePullSecrets = [...(spec.imagePullSecrets ?? []), { name: pullSecret }];
    }
    return copy;
  };
}
