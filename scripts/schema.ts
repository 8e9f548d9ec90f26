// npm run schema: writes the generated references: docs/config.schema.json and
// docs/configuration.md from the zod schema, docs/components.md and docs/sizing.md from the
// versions catalog and the components' requests, and the table of checks in docs/verify.md from
// the verify registry.
import * as fs from "fs";
import { runScript } from "./cli";
import {
  configurationMarkdown,
  SCHEMA_FILE,
  STACK_SCHEMA_FILE,
  TENANT_SCHEMA_FILE,
  DOCS_FILE,
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
import { VERIFY_DOCS_FILE, verifyMarkdown } from "../components/verify/docs";

runScript("usage: npm run schema   (rewrites the generated references in docs/)", {}, () => {
  const files: [string, string][] = [
    [SCHEMA_FILE, schemaText()],
    [STACK_SCHEMA_FILE, stackSchemaText()],
    [TENANT_SCHEMA_FILE, tenantSchemaText()],
    [DOCS_FILE, configurationMarkdown()],
    [COMPONENTS_FILE, componentsMarkdown()],
    [SIZING_FILE, sizingMarkdown()],
    [VERIFY_DOCS_FILE, verifyMarkdown(fs.readFileSync(VERIFY_DOCS_FILE, "utf8"))],
  ];
  for (const [file, text] of files) fs.writeFileSync(file, text);
  console.log(`wrote ${files.map(([f]) => f).join(", ")}`);
  return 0;
});
