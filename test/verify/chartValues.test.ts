// chart-values: its table of cases (chartValues.cases.ts), GIVEN / WHEN / THEN, and the key walk
// (unknownKeys) over defaults, subcharts, free-form maps and descoped prefixes.
import { describe, expect, it } from "vitest";
import { chartValues, unknownKeys } from "../../components/verify/checks/chartValues";
import { charts } from "../../components/versions";
import { chartValuesCases } from "./chartValues.cases";
import { tableTests } from "./fixtures";

const trainerDefaults = {
  values: { manager: { replicas: 1, resources: {}, annotations: {} }, jobset: { install: true } },
  subcharts: ["jobset"],
};
const istiodDefaults = {
  values: { _internal_defaults_do_not_set: { env: {}, cni: { enabled: false } } },
  subcharts: [],
};

describe("chart-values", () => {
  tableTests(chartValues, chartValuesCases);
  it.each([
    [
      "Trainer 2.1.0's manager.podAnnotations",
      { manager: { podAnnotations: { a: "b" } } },
      ["manager.podAnnotations"],
    ],
    [
      "a top-level key the chart lacks",
      { runtimes: { torchDistributed: { enabled: true } } },
      ["runtimes"],
    ],
    [
      "free-form maps and subcharts",
      {
        manager: { resources: { requests: { cpu: "1" } }, annotations: { x: "y" } },
        jobset: { controller: {} },
      },
      [],
    ],
  ])("unknownKeys: GIVEN %s THEN %j", (_given, ours, expected) => {
    expect(unknownKeys(ours, trainerDefaults)).toEqual(expected);
  });
  it("unknownKeys reads Istio's descoped pilot prefix only as the versions catalog records it", () => {
    const ours = { pilot: { env: { A: "1" }, cni: { enabled: true } } };
    expect(unknownKeys(ours, istiodDefaults)).toEqual(["pilot"]);
    expect(unknownKeys(ours, istiodDefaults, charts.istiod.values)).toEqual([]);
  });
});
