// Generated references stay in sync with the schema (run `npm run schema` to refresh them).
import * as fs from "fs";
import { describe, expect, it } from "vitest";
import {
  configurationMarkdown,
  DOCS_FILE,
  SCHEMA_FILE,
  STACK_SCHEMA_FILE,
  TENANT_SCHEMA_FILE,
  schemaText,
  stackSchemaText,
  tenantSchemaText,
} from "../components/config/docs";
import {
  COMPONENTS_FILE,
  SIZING_FILE,
  componentsMarkdown,
  sizingMarkdown,
} from "../components/plan/referenceDocs";
import { APP_NAMES } from "../components/config/apps";

describe("generated config references", () => {
  it("docs/config.schema.json is current", () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaText());
  });
  it("docs/stack.schema.json and docs/tenant.schema.json are current", () => {
    expect(fs.readFileSync(STACK_SCHEMA_FILE, "utf8")).toBe(stackSchemaText());
    expect(fs.readFileSync(TENANT_SCHEMA_FILE, "utf8")).toBe(tenantSchemaText());
  });
  it("docs/configuration.md documents every field and is current", () => {
    const md = fs.readFileSync(DOCS_FILE, "utf8");
    expect(md).toBe(configurationMarkdown());
    for (const field of [
      "platform.ingress.serviceType",
      "platform.database.host",
      "platform.tenants[].quota.gpu",
      "platform.objectStore.tenantIsolation",
    ]) {
      expect(md).toContain(field);
    }
  });

  it("docs/components.md has a row per application and is current", () => {
    const md = fs.readFileSync(COMPONENTS_FILE, "utf8");
    expect(md).toBe(componentsMarkdown());
    for (const app of APP_NAMES) expect(md).toContain(`| \`${app}\` |`);
  });
  it("docs/sizing.md is current and compares with upstream's figure", () => {
    const md = fs.readFileSync(SIZING_FILE, "utf8");
    expect(md).toBe(sizingMarkdown());
    expect(md).toContain("4.4 CPU and 12 GiB");
  });
});
