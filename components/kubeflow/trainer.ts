// Kubeflow Trainer v2 from its official chart, with JobSet installed as the chart's dependency, in
// kubeflow-system (the namespace KubeflowCore's kubeflow-namespace base creates). The torch runtime
// is installed so that a TrainJob works out of the box.
import * as pulumi from "@pulumi/pulumi";
import { AppSettings } from "../config/apps";
import { pinnedChart } from "../lib/charts";
import { AppRequests, mergeResources } from "../lib/workloads";
import { charts } from "../versions";

export const TRAINER_NAMESPACE = "kubeflow-system";

/** Trainer controller manager and the JobSet controller. */
export const TRAINER_REQUESTS: AppRequests = {
  workloads: 2,
  requests: { cpu: "20m", memory: "64Mi" },
};

/** Chart values. Pure. */
export function trainerValues(settings: AppSettings): Record<string, unknown> {
  const resources = mergeResources(undefined, TRAINER_REQUESTS.requests, settings.resources);
  return {
    manager: {
      replicas: settings.replicas ?? 1,
      resources,
      // The webhook port must bypass the sidecar, or the API server's calls fail mTLS.
      podAnnotations: { "traffic.sidecar.istio.io/excludeInboundPorts": "9443" },
    },
    jobset: {
      install: true,
      controller: { resources },
    },
    runtimes: { torchDistributed: { enabled: true } },
  };
}

export interface TrainerArgs {
  settings: AppSettings;
  dependsOn: pulumi.Resource[];
}

export class Trainer extends pulumi.ComponentResource {
  constructor(name: string, args: TrainerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:Trainer", name, {}, opts);
    pinnedChart(`${name}-chart`, charts.trainer, TRAINER_NAMESPACE, trainerValues(args.settings), {
      parent: this,
      dependsOn: args.dependsOn,
    });
    this.registerOutputs({});
  }
}
