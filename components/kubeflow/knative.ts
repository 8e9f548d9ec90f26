// Knative Serving and Eventing as applications: built by components/foundation/knative.ts (serverless
// KServe stands on Serving, so it sits below the apps), declared here like every other app.
import {
  KNATIVE_EVENTING_REQUESTS,
  KNATIVE_SERVING_REQUESTS,
  KnativeEventing,
  KnativeServing,
  LOCAL_GATEWAY_REQUESTS,
} from "../foundation/knative";
import { charts, manifests } from "../versions";
import { AppModule } from "./app";

export const KNATIVE_SERVING: AppModule<"knativeServing"> = {
  name: "knativeServing",
  doc: {
    title: "Knative Serving, net-istio, cluster-local gateway",
    file: "components/foundation/knative.ts",
    needs: "Istio, cert-manager",
  },
  artifacts: [manifests.knativeServing, charts.istioGateway],
  requests: [KNATIVE_SERVING_REQUESTS, LOCAL_GATEWAY_REQUESTS],
  build: (ctx) => {
    const serving = new KnativeServing(
      "knative-serving",
      { settings: ctx.settings, dependsOn: ctx.deps.mesh },
      ctx.opts,
    );
    return { component: serving, ready: serving.ready };
  },
};

export const KNATIVE_EVENTING: AppModule<"knativeEventing"> = {
  name: "knativeEventing",
  doc: { title: "Knative Eventing", file: "components/foundation/knative.ts", needs: "Istio" },
  artifacts: [manifests.knativeEventing],
  requests: [KNATIVE_EVENTING_REQUESTS],
  build: (ctx) => ({
    component: new KnativeEventing(
      "knative-eventing",
      { settings: ctx.settings, dependsOn: ctx.deps.mesh },
      ctx.opts,
    ),
  }),
};
