// The stack-file and tenant-file JSON Schemas (docs/stack.schema.json, docs/tenant.schema.json)
// accept every shipped file and refuse known-bad ones, as an editor using them would.
import * as fs from "fs";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { STACK_SCHEMA_FILE, TENANT_SCHEMA_FILE } from "../../components/config/docs";
import { listStacks, stackFile } from "../../components/plan/stackConfig";
import { minimalConfig } from "../fixtures/configs";

const ajv = new Ajv2020({ allErrors: true, strict: false });
// zod writes formats (email, ipv4, uuid) as annotations; their patterns do the checking.
ajv.addFormat("email", true).addFormat("ipv4", true).addFormat("uuid", true);
const load = (file: string) => ajv.compile(JSON.parse(fs.readFileSync(file, "utf8")));
const stackSchema = load(STACK_SCHEMA_FILE);
const tenantSchema = load(TENANT_SCHEMA_FILE);
const yamlOf = (file: string) => parse(fs.readFileSync(file, "utf8"));

const tenantFiles = fs
  .readdirSync("stacks/tenants")
  .flatMap((env) =>
    fs
      .readdirSync(path.join("stacks/tenants", env))
      .map((f) => path.join("stacks/tenants", env, f)),
  )
  .filter((f) => f.endsWith(".yaml"));

describe("stack file schema", () => {
  it.each(listStacks())("accepts stacks/Pulumi.%s.yaml", (stack) => {
    expect(stackSchema(yamlOf(stackFile(stack))), JSON.stringify(stackSchema.errors)).toBe(true);
  });

  it("accepts secure values and provider keys, refuses a bad value, an unknown key and a bare key", () => {
    const ok = {
      config: {
        "aws:region": "eu-west-1",
        "kubeflow-platform:platform": {
          ...minimalConfig,
          database: {
            kind: "external",
            host: "db.example.com",
            user: "kf",
            password: { secure: "v1:abc" },
          },
        },
      },
    };
    expect(stackSchema(ok), JSON.stringify(stackSchema.errors)).toBe(true);
    const bad = (platform: unknown, extra: Record<string, unknown> = {}) =>
      stackSchema({ config: { "kubeflow-platform:platform": platform, ...extra } });
    expect(bad({ cluster: { kind: "eks" } })).toBe(false);
    expect(bad({ tenant: [] })).toBe(false);
    expect(bad({ ingress: { serviceType: "Ingress" } })).toBe(false);
    expect(bad({}, { region: "eu-west-1" })).toBe(false);
    expect(stackSchema({ cofnig: {} })).toBe(false);
  });
});

describe("tenant file schema", () => {
  it.each(tenantFiles)("accepts %s", (file) => {
    expect(tenantSchema(yamlOf(file)), JSON.stringify(tenantSchema.errors)).toBe(true);
  });

  it("refuses a bad tenant, an unknown key and keys written into the file", () => {
    expect(tenantSchema({ name: "Team_A", owner: "a@example.com" })).toBe(false);
    expect(tenantSchema({ name: "team-a" })).toBe(false);
    expect(tenantSchema({ name: "team-a", owner: "a@example.com", quotas: {} })).toBe(false);
    expect(
      tenantSchema({
        name: "team-a",
        owner: "a@example.com",
        objectStoreCredentials: { accessKeyId: "a", secretAccessKey: "b" },
      }),
    ).toBe(false);
  });
});
