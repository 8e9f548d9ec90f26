// With an image mirror configured, every image comes from the mirror.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { imagesIn } from "./tenants";

export interface ImagesFromMirrorConfig {
  /** The mirror (images.registry); empty means no mirror and nothing to check. */
  registry: string;
}

export const imagesFromMirror: ResourceValidationPolicy = {
  name: "images-from-mirror",
  description: "When an image mirror is configured, no image is pulled from anywhere else.",
  enforcementLevel: "mandatory",
  configSchema: { properties: { registry: { type: "string", default: "" } } },
  validateResource: (args, reportViolation) => {
    const { registry } = args.getConfig<ImagesFromMirrorConfig>();
    if (!registry || !args.type.startsWith("kubernetes:")) return;
    for (const image of imagesIn(args.props))
      if (!image.startsWith(`${registry}/`))
        reportViolation(`${args.name} runs ${image}, which is not from the mirror ${registry}`);
  },
};
