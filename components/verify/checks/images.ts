// Every image a pod runs, and every image a controller is told to launch (env *_IMAGE, ConfigMap
// values that are image references), is pinned (tag or digest, never latest) and listed in the
// versions catalog, so `npm run images` mirrors everything an air-gapped site needs.
import { normalizeImage, podSpecsIn } from "../../lib/images";
import { allImages } from "../../versions";
import { allContainers, podTemplateOf, podTemplates } from "../../render/pods";
import { defineCheck, fault, Fault } from "../types";

const IMAGE_ENV = /(^|_)IMAGE$/;
// A ConfigMap value that is one image reference: host/path:tag or @sha256.
const IMAGE_VALUE = /^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?\/[\w./-]+(:[\w.-]+|@sha256:[0-9a-f]{64})?$/;

/** Whether an image reference names a fixed version. Pure. */
export function isPinned(image: string): boolean {
  if (image.includes("@sha256:")) return true;
  const tag = /:([\w.-]+)$/.exec(image.split("/").pop() ?? "")?.[1];
  return Boolean(tag && tag !== "latest");
}

function catalogued(): Set<string> {
  return new Set(allImages().map(normalizeImage));
}

export const images = defineCheck({
  name: "images",
  description:
    "every image a pod runs, every `*_IMAGE` env value and image-valued ConfigMap key, and the pod templates of custom resources are pinned and in `components/versions.ts`",
  run(input) {
    const known = catalogued();
    const mirrored = (img: string) => [...known].some((k) => img.endsWith(`/${k}`));
    const out: Fault[] = [];
    const judge = (img: string, o: Parameters<typeof fault>[0], field: string) => {
      if (!isPinned(img))
        out.push(
          fault(
            o,
            field,
            `image ${img} is not pinned`,
            "pin a tag or digest in components/versions.ts and set it",
          ),
        );
      else if (!known.has(normalizeImage(img)) && !mirrored(img))
        out.push(
          fault(
            o,
            field,
            `image ${img} is not in the versions catalog`,
            "add it to components/versions.ts (images of its chart or kustomization)",
          ),
        );
    };
    for (const pod of podTemplates(input.objects))
      for (const { list, container } of allContainers(pod.spec)) {
        // The gateway chart's "auto" is replaced by istiod's injector with the pinned proxy.
        if (container.image === "auto" && container.name === "istio-proxy") continue;
        if (container.image)
          judge(container.image, pod.owner, `${pod.path}.${list}[name=${container.name}].image`);
        for (const e of container.env ?? [])
          if (IMAGE_ENV.test(e.name) && e.value && IMAGE_VALUE.test(e.value))
            judge(e.value, pod.owner, `${pod.path}.${list}[name=${container.name}].env[${e.name}]`);
      }
    // Pod templates inside custom resources (training runtimes, serving runtimes, ...).
    for (const o of input.objects) {
      if (podTemplateOf(o.object)) continue;
      for (const spec of podSpecsIn(o.object))
        for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])])
          if (typeof c.image === "string") judge(c.image, o, "pod template image");
    }
    for (const o of input.objects) {
      if (o.object.kind !== "ConfigMap") continue;
      for (const [k, v] of Object.entries((o.object.data ?? {}) as Record<string, string>))
        if (/image/i.test(k) && typeof v === "string" && IMAGE_VALUE.test(v.trim()))
          judge(v.trim(), o, `data.${k}`);
    }
    return out;
  },
});
