// Training Operator v1 for users who still run TFJob, PyTorchJob, MPIJob, XGBoostJob, PaddleJob or JAXJob.
// From kubeflow/manifests at the pinned release.
import * as pulumi from "@pulumi/pulumi";
import { AppRequests } from "../lib/workloads";
import { manifests } from "../versions";
import { ManifestsAppArgs, manifestsApp } from "./manifestsApp";
import { AppModule } from "./app";

export const TRAINING_OPERATOR_REQUESTS: AppRequests = {
  workloads: 1,
  requests: { cpu: "50m", memory: "128Mi" },
};

export class TrainingOperator extends pulumi.ComponentResource {
  constructor(name: string, args: ManifestsAppArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:TrainingOperator", name, {}, opts);
    manifestsApp(
      this,
      `${name}-manifests`,
      manifests.trainingOperator,
      TRAINING_OPERATOR_REQUESTS,
      args,
    );
    this.registerOutputs({});
  }
}

export const TRAINING_OPERATOR: AppModule<"trainingOperator"> = {
  name: "trainingOperator",
  doc: {
    title: "Training Operator v1 (TFJob, PyTorchJob, MPIJob, XGBoostJob, PaddleJob, JAXJob)",
    file: "components/kubeflow/trainingOperator.ts",
    needs: "-",
  },
  artifacts: [manifests.trainingOperator],
  requests: [TRAINING_OPERATOR_REQUESTS],
  build: (ctx) => ({
    component: new TrainingOperator(
      "training-operator",
      { settings: ctx.settings, dependsOn: ctx.deps.base },
      ctx.opts,
    ),
  }),
};
