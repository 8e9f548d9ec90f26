// builds: its table of cases (builds.cases.ts), GIVEN / WHEN / THEN.
import { describe } from "vitest";
import { builds } from "../../components/verify/checks/builds";
import { tableTests } from "./fixtures";
import { buildsCases } from "./builds.cases";

describe("builds", () => {
  tableTests(builds, buildsCases);
});
