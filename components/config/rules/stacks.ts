// Cross-section rules: which cluster a stack targets and which layers it runs, against the stacks
// it reads (clusterStack, platformStack).
import { removeHint, setHints } from "../hints";
import { issue } from "../issue";
import type { CrossSectionRule } from "./rule";

export const existingClusterNamesItsContext = {
  id: "existing-cluster-names-its-context",
  description:
    "A stack that names no kubeconfig context would deploy to whichever cluster the current context points at when it runs, so that takes an explicit useCurrentContext: true.",
  check(cfg, ctx) {
    const c = cfg.cluster;
    if (c.kind !== "existing" || cfg.clusterStack || cfg.layers === "cluster") return;
    if (!c.context && !c.useCurrentContext)
      issue(
        ctx,
        ["cluster", "context"],
        "not set: the stack would target the kubeconfig's current context (kubectl config current-context), whichever cluster that is when it runs",
        undefined,
        `name the cluster's context (yours, e.g. kind-kubeflow): ${setHints([
          [["cluster", "kind"], "existing"],
          [["cluster", "context"], "kind-kubeflow"],
        ])}, or accept the current context: ${setHints([
          [["cluster", "kind"], "existing"],
          [["cluster", "useCurrentContext"], true],
        ])}`,
      );
  },
} as const satisfies CrossSectionRule;

export const contextOrCurrentContext = {
  id: "context-or-current-context",
  description: "A stack that names its context cannot also take the current one.",
  check(cfg, ctx) {
    const c = cfg.cluster;
    if (c.kind !== "existing" || cfg.clusterStack || cfg.layers === "cluster") return;
    if (c.context && c.useCurrentContext)
      issue(
        ctx,
        ["cluster", "useCurrentContext"],
        "conflicts with cluster.context: the stack names its context",
        true,
        `remove it: ${removeHint(["cluster", "useCurrentContext"])}`,
      );
  },
} as const satisfies CrossSectionRule;

export const clusterLayerNeedsACloudCluster = {
  id: "cluster-layer-needs-a-cloud-cluster",
  description:
    "A cluster stack exists to create a cloud cluster; an existing one has nothing to create.",
  check(cfg, ctx) {
    if (cfg.layers === "cluster" && cfg.cluster.kind === "existing")
      issue(
        ctx,
        ["layers"],
        'a cluster stack creates a cloud cluster: cluster.kind must be "aws", "gcp" or "azure"',
        "cluster",
        "use layers all or platform with an existing cluster",
      );
  },
} as const satisfies CrossSectionRule;

export const clusterStackOnlyWithAPlatform = {
  id: "cluster-stack-only-with-a-platform",
  description: "Only a stack that runs the platform reads a cluster stack's kubeconfig and facts.",
  check(cfg, ctx) {
    if (cfg.clusterStack && !["all", "platform"].includes(cfg.layers))
      issue(
        ctx,
        ["clusterStack"],
        'only used when layers is "all" or "platform"',
        cfg.clusterStack,
        "remove it",
      );
  },
} as const satisfies CrossSectionRule;

export const tenantsLayerNeedsAPlatformStack = {
  id: "tenants-layer-needs-a-platform-stack",
  description: "A tenants stack reads the platform stack's facts, so it must name that stack.",
  check(cfg, ctx) {
    if (cfg.layers === "tenants" && !cfg.platformStack)
      issue(
        ctx,
        ["platformStack"],
        'required when layers is "tenants": the tenants read the platform stack\'s facts',
        undefined,
        "name the platform stack (<organization>/kubeflow-platform/<stack>)",
        [{ value: "acme/kubeflow-platform/platform-dev" }],
      );
  },
} as const satisfies CrossSectionRule;

export const platformStackOnlyWithTenantsLayer = {
  id: "platform-stack-only-with-tenants-layer",
  description: "Only a tenants stack reads a platform stack; elsewhere the setting does nothing.",
  check(cfg, ctx) {
    if (cfg.layers !== "tenants" && cfg.platformStack)
      issue(
        ctx,
        ["platformStack"],
        'only used when layers is "tenants"',
        cfg.platformStack,
        'remove it, or set layers to "tenants"',
      );
  },
} as const satisfies CrossSectionRule;
