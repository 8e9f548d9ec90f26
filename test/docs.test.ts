// Generated references stay in sync with the schema (run `npm run schema` to refresh them).
import * as fs from "fs";
import { describe, expect, it } from "vitest";
import {
  configurationMarkdown,
  DOCS_FILE,
  SCHEMA_FILE,
  schemaText,
} from "../components/config/docs";

describe("generated config references", () => {
  it("docs/config.schema.json is current", () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaText());
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
});
