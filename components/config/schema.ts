// The platform config: one zod schema, parsed once in loadPlatformConfig. Defaults live in the
// sections so a laptop stack needs a handful of lines; rules live beside the fields they check, and
// the rules across sections in rules.ts, so bad combinations fail before anything is registered.
// Descriptions and examples (`.meta`) feed the JSON Schema, the generated docs/configuration.md and
// the "fix" hint of every error message.
//
// This file joins the platform object (sections/platform.ts) and the cross-section rules, and is
// the config's public face: the rest of the program imports the schemas and types from here.
import { CROSS_SECTION_RULES } from "./rules";
import { PlatformObjectSchema } from "./sections/platform";

export * from "./sections/clusterKinds";
export * from "./sections/ingress";
export * from "./sections/auth";
export * from "./sections/database";
export * from "./sections/objectStore";
export * from "./sections/tenant";
export * from "./sections/platform";

// Each section's own rules have run by now (zod runs the cross-section rules only on a platform
// object whose sections all parsed): these see a whole, typed config.
export const PlatformSchema = PlatformObjectSchema.superRefine((cfg, ctx) => {
  for (const rule of CROSS_SECTION_RULES) rule.check(cfg, ctx);
}).meta({
  title: "kubeflow-platform:platform",
  description: "All settings of one kubeflow-platform stack.",
});
