// mesh-identity: its table of cases (meshIdentity.cases.ts), GIVEN / WHEN / THEN.
import { describe } from "vitest";
import { meshIdentity } from "../../components/verify/checks/meshIdentity";
import { tableTests } from "./fixtures";
import { meshIdentityCases } from "./meshIdentity.cases";

describe("mesh-identity", () => {
  tableTests(meshIdentity, meshIdentityCases);
});
