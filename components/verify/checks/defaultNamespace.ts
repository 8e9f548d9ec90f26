// No namespaced object lands in "default": the provider puts namespaced objects without a
// namespace there, which is never where a Kubeflow app's objects belong.
import { isNamespaced, crdScopes } from "../../lib/kinds";
import { defineCheck, fault } from "../types";

export const defaultNamespace = defineCheck({
  name: "default-namespace",
  description: "no namespaced object falls into `default`",
  run(input) {
    const scopes = crdScopes(input.objects.map((o) => o.object));
    return input.objects
      .filter((o) => o.object.metadata.namespace === "default" && isNamespaced(o.object, scopes))
      .map((o) =>
        fault(
          o,
          "metadata.namespace",
          "lands in the default namespace",
          "set the overlay's or chart's namespace",
        ),
      );
  },
});
