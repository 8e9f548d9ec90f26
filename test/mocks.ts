// The one shared recorder for tests: evaluate the program under Pulumi's mock runtime (the same
// path `npm run plan` takes) and hand back every registration.
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { parse } from "yaml";
import { evaluatePlatform } from "../components/plan/evaluate";
import { Registration } from "../components/plan/recorder";

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

/** The CRD schemas of kinds we write, from ../shared/schemas (kubeflow/manifests 26.03). */
const SCHEMAS_DIR = path.resolve(__dirname, "..", "..", "shared", "schemas", "kubeflow-26.03");

export function crdValidator(file: string, version: string) {
  const crd = parse(fs.readFileSync(path.join(SCHEMAS_DIR, file), "utf8")) as {
    spec: { versions: { name: string; schema: { openAPIV3Schema: Record<string, unknown> } }[] };
  };
  const schema = crd.spec.versions.find((v) => v.name === version)!.schema.openAPIV3Schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addKeyword("x-kubernetes-preserve-unknown-fields");
  ajv.addKeyword("x-kubernetes-int-or-string");
  ajv.addKeyword("x-kubernetes-list-type");
  ajv.addKeyword("x-kubernetes-list-map-keys");
  ajv.addKeyword("x-kubernetes-map-type");
  return ajv.compile(schema);
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
