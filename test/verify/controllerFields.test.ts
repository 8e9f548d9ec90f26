// controller-fields: its table of cases (controllerFields.cases.ts), GIVEN / WHEN / THEN.
import { describe, expect, it } from "vitest";
import { dropControllerFields } from "../../components/lib/controllerFields";
import { controllerFields } from "../../components/verify/checks/controllerFields";
import { emptyCertSecret, controllerFieldsCases } from "./controllerFields.cases";
import { tableTests } from "./fixtures";

describe("controller-fields", () => {
  tableTests(controllerFields, controllerFieldsCases);
  it("dropControllerFields leaves a chart's certificate Secret without data, for its controller to write", () => {
    expect(emptyCertSecret.data).toEqual({});
    expect(dropControllerFields(emptyCertSecret)).not.toHaveProperty("data");
  });
});
