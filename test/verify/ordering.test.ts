// ordering: its table of cases (ordering.cases.ts), GIVEN / WHEN / THEN.
import { describe } from "vitest";
import { ordering } from "../../components/verify/checks/ordering";
import { tableTests } from "./fixtures";
import { orderingCases } from "./ordering.cases";

describe("ordering", () => {
  tableTests(ordering, orderingCases);
});
