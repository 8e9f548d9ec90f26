// duplicates: its table of cases (duplicates.cases.ts), GIVEN / WHEN / THEN.
import { describe } from "vitest";
import { duplicates } from "../../components/verify/checks/duplicates";
import { tableTests } from "./fixtures";
import { duplicatesCases } from "./duplicates.cases";

describe("duplicates", () => {
  tableTests(duplicates, duplicatesCases);
});
