// Kubeflow Trainer v2 from its official chart, with JobSet installed as the chart's dependency, in
// kubeflow-system (the namespace KubeflowCore's kubeflow-namespace base creates). Upstream's training
// runtimes are installed so that a TrainJob works out of the box.
import * as pulumi from "@pulumi/pulumi";
import { AppSettings } from "../config/apps";
import { pinnedChart } from "../upstream/charts";
import { AppRoleRules, kubeflowRoles, VIEW_VERBS } from "./roles";
import { upstreamKustomization } from "../upstream/kustomize";
import { ObjectTransform } from "../lib/transforms";
import { AppRequests, mergeResources } from "../lib/workloads";
import { charts, manifests } from "../versions";
import { AppModule } from "./app";

export const TRAINER_NAMESPACE = "kubeflow-system";

/** Trainer controller manager and the JobSet controller. */
export const TRAINER_REQUESTS: AppRequests = {
  workloads: 2,
  requests: { cpu: "20m", memory: "64Mi" },
  meshed: 2,
};

/**
 * Chart values. Pure. Chart 2.1.0 has no manager.podAnnotations and no runtimes.* (both first in
 * 2.2.0; checked in the chart's templates at v2.1.0): the pod settings are transforms below and the
 * runtimes come from kubeflow/manifests at the pinned release.
 */
export function trainerValues(settings: AppSettings): Record<string, unknown> {
  const resources = mergeResources(undefined, TRAINER_REQUESTS.requests, settings.resources);
  return {
    manager: { replicas: settings.replicas ?? 1, resources },
    jobset: { install: true, controller: { resources } },
  };
}

// The canonical names upstream's kubeflow-system NetworkPolicies (trainer-webhook, jobset-webhook in
// common/kubeflow-namespace/base/kubeflow-system) select: the injector derives
// service.istio.io/canonical-name from app.kubernetes.io/name, which the chart sets to
// kubeflow-trainer and jobset, so the label is set outright.
const CANONICAL_NAMES: Record<string, string> = {
  "kubeflow-trainer": "trainer",
  jobset: "jobset-controller-manager",
};

type PodTemplate = {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: { securityContext?: Record<string, unknown> };
};

/**
 * What upstream patches onto the trainer and JobSet controllers (applications/trainer/overlays at
 * 26.03): the webhook port bypasses the sidecar (the API server does not speak mTLS), a pod-level
 * RuntimeDefault seccomp profile (restricted), and the canonical names the NetworkPolicies select.
 */
export const trainerControllers: ObjectTransform = (obj) => {
  if (obj.kind !== "Deployment") return obj;
  const tmpl = (obj.spec as { template?: PodTemplate }).template;
  const canonical = CANONICAL_NAMES[tmpl?.metadata?.labels?.["app.kubernetes.io/name"] ?? ""];
  if (!tmpl || !canonical) return obj;
  const copy = structuredClone(obj);
  const t = (copy.spec as { template: PodTemplate }).template;
  t.metadata = {
    ...t.metadata,
    labels: { ...t.metadata?.labels, "service.istio.io/canonical-name": canonical },
    annotations: {
      ...t.metadata?.annotations,
      "traffic.sidecar.istio.io/excludeInboundPorts": "9443",
    },
  };
  t.spec.securityContext = {
    ...t.spec.securityContext,
    seccompProfile: { type: "RuntimeDefault" },
  };
  return copy;
};

/** What upstream's kubeflow-trainer-{edit,view} grant (overlays/kubeflow-platform at 26.03). */
export const TRAINER_ROLE_RULES: AppRoleRules = {
  edit: [
    { apiGroups: ["trainer.kubeflow.org"], resources: ["trainingruntimes"], verbs: VIEW_VERBS },
    {
      apiGroups: ["trainer.kubeflow.org"],
      resources: ["trainjobs"],
      verbs: ["create", "patch", "get", "list", "watch", "delete"],
    },
    { apiGroups: [""], resources: ["pods", "pods/log", "events"], verbs: VIEW_VERBS },
  ],
  view: [
    {
      apiGroups: ["trainer.kubeflow.org"],
      resources: ["trainingruntimes", "trainjobs"],
      verbs: VIEW_VERBS,
    },
  ],
};

export interface TrainerArgs {
  settings: AppSettings;
  dependsOn: pulumi.Resource[];
}

export class Trainer extends pulumi.ComponentResource {
  constructor(name: string, args: TrainerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:kubeflow:Trainer", name, {}, opts);
    const chart = pinnedChart(
      `${name}-chart`,
      charts.trainer,
      TRAINER_NAMESPACE,
      trainerValues(args.settings),
      { parent: this, dependsOn: args.dependsOn },
      [trainerControllers],
    );
    // Upstream's ClusterTrainingRuntimes (torch, DeepSpeed, MLX, torchtune), admitted by the
    // trainer's fail-closed webhook: after the chart (its controller ready).
    upstreamKustomization(
      `${name}-runtimes`,
      { overlay: { paths: manifests.trainerRuntimes.paths } },
      { parent: this, dependsOn: [chart] },
    );
    kubeflowRoles(this, "trainer", TRAINER_ROLE_RULES, { dependsOn: [chart] });
    this.registerOutputs({});
  }
}

export const TRAINER: AppModule<"trainer"> = {
  name: "trainer",
  doc: {
    title: "Kubeflow Trainer v2 with JobSet",
    file: "components/kubeflow/trainer.ts",
    needs: "kubeflow-system namespace (core)",
  },
  artifacts: [charts.trainer],
  requests: [TRAINER_REQUESTS],
  build: (ctx) => ({
    component: new Trainer(
      "trainer",
      { settings: ctx.settings, dependsOn: ctx.deps.base },
      ctx.opts,
    ),
  }),
};
