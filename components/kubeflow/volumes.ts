// Volumes web app: browse and manage tenants' PVCs.
// From kubeflow/manifests at the pinned release.
import * as pulumi from "@pulumi/pulumi";
import { AppRequests } from "../lib/workloads";
import { manifests } from "../versions";
import { ManifestsAppArgs, manifestsApp } from "./manifestsApp";
import { AppModule } from "./app";

export const VOLUMES_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "10m", memory: "64Mi" },
  meshed: 1,
};

export class Volumes extends pulumi.ComponentResource {
  constructor(name: string, args: ManifestsAppArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:Volumes", name, {}, opts);
    manifestsApp(this, `${name}-manifests`, manifests.volumesWebApp, VOLUMES_REQUESTS, args);
    this.registerOutputs({});
  }
}

export const VOLUMES: AppModule<"volumes"> = {
  name: "volumes",
  doc: { title: "Volumes web app", file: "components/kubeflow/volumes.ts", needs: "Istio" },
  artifacts: [manifests.volumesWebApp],
  requests: [VOLUMES_REQUESTS],
  dashboardLink: { path: /^\/volumes\// },
  build: (ctx) => ({
    component: new Volumes(
      "volumes",
      { settings: ctx.settings, dependsOn: ctx.deps.base },
      ctx.opts,
    ),
  }),
};
