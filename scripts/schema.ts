// npm run schema: writes docs/config.schema.json and docs/configuration.md from the zod schema.
import * as fs from "fs";
import {
  configurationMarkdown,
  SCHEMA_FILE,
  DOCS_FILE,
  schemaText,
} from "../components/config/docs";

fs.writeFileSync(SCHEMA_FILE, schemaText());
fs.writeFileSync(DOCS_FILE, configurationMarkdown());
console.log(`wrote ${SCHEMA_FILE} and ${DOCS_FILE}`);
