// served-versions: its table of cases (servedVersions.cases.ts), GIVEN / WHEN / THEN.
import { describe } from "vitest";
import { servedVersions } from "../../components/verify/checks/servedVersions";
import { tableTests } from "./fixtures";
import { servedVersionsCases } from "./servedVersions.cases";

describe("served-versions", () => {
  tableTests(servedVersions, servedVersionsCases);
});
