// default-namespace: its table of cases (defaultNamespace.cases.ts), GIVEN / WHEN / THEN.
import { describe } from "vitest";
import { defaultNamespace } from "../../components/verify/checks/defaultNamespace";
import { tableTests } from "./fixtures";
import { defaultNamespaceCases } from "./defaultNamespace.cases";

describe("default-namespace", () => {
  tableTests(defaultNamespace, defaultNamespaceCases);
});
