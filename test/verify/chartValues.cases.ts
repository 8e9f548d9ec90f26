// chart-values: every value key we give a chart is one its values.yaml or schema defines.
import { charts } from "../../components/versions";
import { ChartDefaults } from "../../components/verify/types";
import { CheckCases, input } from "./fixtures";

const kserveDefaults = (): ChartDefaults => ({
  values: { kserve: { controller: { gateway: { ingressGateway: { gateway: "" } } } } },
  subcharts: [],
});
const kserve = (ingressGateway: Record<string, unknown>) =>
  input([], {
    chartValues: [
      {
        urn: "u::kserve-controller",
        pin: charts.kserve,
        values: { kserve: { controller: { gateway: { ingressGateway } } } },
      },
    ],
    chartDefaults: kserveDefaults,
  });

export const chartValuesCases: CheckCases = {
  failing: [
    {
      given: "a key the pinned chart does not define",
      input: kserve({ gatewayService: "x" }),
      then: [
        [
          `chart ${charts.kserve.chart} ${charts.kserve.version} values.kserve.controller.gateway.ingressGateway.gatewayService`,
          "the chart defines no value kserve.controller.gateway.ingressGateway.gatewayService",
        ],
      ],
    },
  ],
  passing: [
    { given: "a key the chart defines", input: kserve({ gateway: "kubeflow/kubeflow-gateway" }) },
    {
      given: "a chart whose defaults are not in the sources",
      input: { ...kserve({ gatewayService: "x" }), chartDefaults: () => undefined },
    },
  ],
};
