// references: its table of cases (references.cases.ts), GIVEN / WHEN / THEN.
import { describe } from "vitest";
import { references } from "../../components/verify/checks/references";
import { tableTests } from "./fixtures";
import { referencesCases } from "./references.cases";

describe("references", () => {
  tableTests(references, referencesCases);
});
