// hpa-replicas: its table of cases (hpaReplicas.cases.ts), GIVEN / WHEN / THEN, and the settings
// transform that keeps it passing.
import { describe, expect, it } from "vitest";
import { workloadSettings } from "../../components/lib/workloads";
import { hpaReplicas } from "../../components/verify/checks/hpaReplicas";
import { found, input, tableTests } from "./fixtures";
import { activator, hpa, hpaReplicasCases } from "./hpaReplicas.cases";

describe("hpa-replicas", () => {
  tableTests(hpaReplicas, hpaReplicasCases);
  it("GIVEN workloadSettings with the HPA's targets THEN the replicas go to the HPA's bounds", () => {
    const settings = workloadSettings(
      { workloads: 1, requests: { cpu: "1m", memory: "1Mi" } },
      { replicas: 2 },
      ["activator"],
    );
    const objs = [
      settings(hpa),
      settings(activator({ replicas: 1, template: { spec: { containers: [{ name: "a" }] } } })),
    ];
    expect(found(hpaReplicas, input(objs))).toEqual([]);
    expect(objs[0].spec).toMatchObject({ minReplicas: 2, maxReplicas: 20 });
    expect(objs[1].spec).not.toHaveProperty("replicas");
  });
});
