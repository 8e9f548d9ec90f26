// schema: its table of cases (schema.cases.ts), GIVEN / WHEN / THEN.
import { describe } from "vitest";
import { schema } from "../../components/verify/checks/schema";
import { tableTests } from "./fixtures";
import { schemaCases } from "./schema.cases";

describe("schema", () => {
  tableTests(schema, schemaCases);
});
