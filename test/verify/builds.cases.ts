// builds: a kustomization that does not build is a violation; a chart whose archive is missing is
// not rendered, which is reported apart.
import { CheckCases, input, SRC } from "./fixtures";

export const buildsCases: CheckCases = {
  failing: [
    {
      given: "a kustomization whose patch names an object upstream no longer has",
      input: input([], {
        notRendered: [
          {
            urn: SRC,
            what: "kustomize katib-manifests",
            reason: "no resource matches strategic merge patch",
          },
        ],
      }),
      then: [["kustomize katib-manifests kustomization.yaml", "no resource matches"]],
    },
  ],
  passing: [
    {
      given: "a chart whose archive is not in the sources",
      input: input([], {
        notRendered: [{ urn: "c", what: "chart dex-chart", reason: "not in the sources" }],
      }),
    },
  ],
};
