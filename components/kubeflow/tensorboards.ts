// Tensorboards: the controller and its web app.
// From kubeflow/manifests at the pinned release.
import * as pulumi from "@pulumi/pulumi";
import { AppRequests } from "../lib/workloads";
import { manifests } from "../versions";
import { ManifestsAppArgs, manifestsApp } from "./manifestsApp";
import { AppModule } from "./app";

export const TENSORBOARDS_REQUESTS: AppRequests = {
  workloads: 2,
  requests: { cpu: "10m", memory: "64Mi" },
  meshed: 2,
  // The controller's kube-rbac-proxy keeps upstream's requests.
  extra: { cpu: "5m", memory: "64Mi" },
};

export class Tensorboards extends pulumi.ComponentResource {
  constructor(name: string, args: ManifestsAppArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:Tensorboards", name, {}, opts);
    manifestsApp(this, `${name}-manifests`, manifests.tensorboards, TENSORBOARDS_REQUESTS, args);
    this.registerOutputs({});
  }
}

export const TENSORBOARDS: AppModule<"tensorboards"> = {
  name: "tensorboards",
  doc: {
    title: "Tensorboard controller and web app",
    file: "components/kubeflow/tensorboards.ts",
    needs: "Istio",
  },
  artifacts: [manifests.tensorboards],
  requests: [TENSORBOARDS_REQUESTS],
  dashboardLink: { path: /^\/tensorboards\// },
  build: (ctx) => ({
    component: new Tensorboards(
      "tensorboards",
      { settings: ctx.settings, dependsOn: ctx.deps.base },
      ctx.opts,
    ),
  }),
};
