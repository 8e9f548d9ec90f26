// The one shared recorder for tests: evaluate the program under Pulumi's mock runtime (the same
// path `npm run plan` takes) and hand back every registration.
import * as fs from "fs";
import * as path from "path";
import { ValidateFunction } from "ajv";
import { parse } from "yaml";
import { evaluatePlatform } from "../components/plan/evaluate";
import { Registration } from "../components/plan/recorder";
import { crdValidator as upstreamCrdValidator } from "../components/verify/crdSchema";
import { kubeflowManifests } from "../components/versions";
import { SOURCES_DIR, sourcesAvailable } from "./render/sources";

export const LOCAL_CONFIG = {
  cluster: {
    kind: "existing",
    context: "kind-kubeflow",
    gpuPools: [{ name: "t4", nodeSelector: { "nvidia.com/gpu.present": "true" }, maxNodes: 1 }],
  },
  tenants: [
    {
      name: "team-a",
      owner: "alice@example.com",
      contributors: [
        { email: "bob@example.com", role: "edit" },
        { email: "carol@example.com", role: "view" },
      ],
      quota: { cpu: "8", memory: "16Gi", storage: "100Gi", gpu: 1 },
    },
  ],
};

export async function plan(
  config: unknown = LOCAL_CONFIG,
  stack = "test",
): Promise<Registration[]> {
  return evaluatePlatform(stack, config);
}

/** Registrations that are Kubernetes objects we write ourselves (not charts or kustomizations). */
export function writtenObjects(
  regs: Registration[],
): (Registration & { object: Record<string, unknown> })[] {
  return regs
    .filter(
      (r) =>
        r.type.startsWith("kubernetes:") &&
        r.custom &&
        !r.type.startsWith("kubernetes:helm.sh") &&
        !r.type.startsWith("kubernetes:kustomize"),
    )
    .map((r) => {
      const [group, kind] = r.type.replace("kubernetes:", "").split(":");
      const apiVersion = group.startsWith("core/") ? group.slice(5) : group;
      return { ...r, object: { apiVersion, kind, ...r.inputs } };
    });
}

export function byName(regs: Registration[], name: string): Registration {
  const r = regs.find((x) => x.name === name);
  if (!r)
    throw new Error(`no registration named ${name}; have: ${regs.map((x) => x.name).join(", ")}`);
  return r;
}

// The CRDs of kinds we write, from the upstream sources (kubeflow/manifests at the pinned release),
// validated as the API server's structural schema would (components/verify/crdSchema.ts).
const CRD_FILES: Record<string, string> = {
  "kubeflow.org_profiles.yaml":
    "applications/profiles/upstream/crd/bases/kubeflow.org_profiles.yaml",
  "kubeflow.org_poddefaults.yaml": "applications/admission-webhook/upstream/base/crd.yaml",
};

let checked: boolean | undefined;

/**
 * Whether the upstream CRDs are here. A user's fresh clone has no sources: the CRD assertions are
 * skipped with one line; CI requires the sources (KUBEFLOW_PLATFORM_REQUIRE_SOURCES) and fails.
 */
export function crdsAvailable(): boolean {
  checked ??= sourcesAvailable("CRD schema assertions (Profile, PodDefault)");
  return checked;
}

/** A validator for one version of a CRD we write objects of (needs the sources). */
export function crdValidator(file: string, version: string): ValidateFunction {
  const crdPath = path.join(
    SOURCES_DIR!,
    "kubeflow-manifests",
    kubeflowManifests.ref,
    CRD_FILES[file],
  );
  const validate = upstreamCrdValidator(parse(fs.readFileSync(crdPath, "utf8")), version);
  if (!validate) throw new Error(`${file} serves no version ${version}`);
  return validate;
}

/** The registrations under the top-level component named `component` (itself excluded). */
export function under(regs: Registration[], component: string): Registration[] {
  const root = regs.find((r) => r.name === component && r.parent === "");
  if (!root) throw new Error(`no top-level component named ${component}`);
  const inside = new Set([root.urn]);
  // Registrations are sorted by URN; parents can come after children, so repeat until stable.
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of regs)
      if (inside.has(r.parent) && !inside.has(r.urn)) {
        inside.add(r.urn);
        grew = true;
      }
  }
  return regs.filter((r) => r.urn !== root.urn && inside.has(r.urn));
}

/** Names of registrations, sorted, for compact assertions. */
export function names(regs: Registration[]): string[] {
  return regs.map((r) => r.name).sort();
}
