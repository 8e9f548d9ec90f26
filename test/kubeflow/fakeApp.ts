// An application that exists only in the tests: one module, registered in one line (withApp), to
// show that everything that knows about applications learns of a new one from its module alone.
import * as pulumi from "@pulumi/pulumi";
import { AppModule } from "../../components/kubeflow/app";
import { AppRegistry } from "../../components/kubeflow/registry";

export const FAKE_TRACKER_IMAGE = "registry.example.com/fake/tracker:1.2.3";
export const FAKE_TRACKER_OWN_IMAGE = "registry.example.com/fake/sync:0.1.0";

export const FAKE_TRACKER: AppModule<"fakeTracker"> = {
  name: "fakeTracker",
  doc: { title: "Fake experiment tracker", file: "test/kubeflow/fakeApp.ts", needs: "Istio" },
  artifacts: [
    {
      repo: "https://charts.example.com",
      chart: "fake-tracker",
      version: "1.2.3",
      images: [FAKE_TRACKER_IMAGE],
    },
  ],
  images: () => [FAKE_TRACKER_OWN_IMAGE],
  requests: [{ workloads: 1, requests: { cpu: "30m", memory: "128Mi" }, meshed: 1 }],
  dashboardLink: {
    path: /^\/fake-tracker\//,
    add: { type: "item", link: "/fake-tracker/", text: "Fake tracker", icon: "timeline" },
  },
  tenant: () => [
    {
      apiVersion: "kubeflow.org/v1alpha1",
      kind: "PodDefault",
      metadata: { name: "fake-tracker" },
      spec: {
        desc: "Track runs in the fake tracker",
        selector: { matchLabels: { "fake-tracker": "true" } },
        env: [{ name: "TRACKING_URI", value: "http://fake-tracker.kubeflow.svc:5000" }],
      },
    },
  ],
  build: (ctx) => ({
    component: new pulumi.ComponentResource(
      "test:kubeflow:FakeTracker",
      "fake-tracker",
      {},
      ctx.opts,
    ),
  }),
};

/** A registry with one more app: the test's "one registry line". */
export function withApp(registry: AppRegistry, app: AppModule): AppRegistry {
  return { ...registry, [app.name]: app };
}
