// PVC viewer controller: file browsers on tenants' volumes (its webhook certificate from cert-manager).
// From kubeflow/manifests at the pinned release.
import * as pulumi from "@pulumi/pulumi";
import { AppRequests } from "../lib/workloads";
import { manifests } from "../versions";
import { ManifestsAppArgs, manifestsApp } from "./manifestsApp";
import { AppModule } from "./app";

export const PVC_VIEWER_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "10m", memory: "64Mi" },
  meshed: 1,
  // The controller's kube-rbac-proxy keeps upstream's requests.
  extra: { cpu: "5m", memory: "64Mi" },
};

export class PvcViewer extends pulumi.ComponentResource {
  constructor(name: string, args: ManifestsAppArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:PvcViewer", name, {}, opts);
    manifestsApp(this, `${name}-manifests`, manifests.pvcViewer, PVC_VIEWER_REQUESTS, args);
    this.registerOutputs({});
  }
}

export const PVC_VIEWER: AppModule<"pvcViewer"> = {
  name: "pvcViewer",
  doc: {
    title: "PVC viewer controller",
    file: "components/kubeflow/pvcViewer.ts",
    needs: "cert-manager",
  },
  artifacts: [manifests.pvcViewer],
  requests: [PVC_VIEWER_REQUESTS],
  build: (ctx) => ({
    component: new PvcViewer(
      "pvc-viewer",
      { settings: ctx.settings, dependsOn: ctx.deps.base },
      ctx.opts,
    ),
  }),
};
