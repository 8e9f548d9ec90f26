// Cross-section rules: the data services (database, object store) against the cluster that hosts or
// creates them, and against a reinstall onto retained data.
import { needsPlatformDatabase } from "../apps";
import { issue } from "../issue";
import { suggestedSize, wrongCloudSize } from "../machineTypes";
import type { CrossSectionRule } from "./rule";

export const reattachNeedsMysqlCredentials = {
  id: "reattach-needs-mysql-credentials",
  description:
    "A retained MySQL data directory keeps the passwords it was initialised with (the server reads MYSQL_ROOT_PASSWORD only on an empty one): reattaching with new ones would lock the platform out of its own database.",
  check(cfg, ctx) {
    const runsMysql =
      ["all", "platform"].includes(cfg.layers) &&
      cfg.database.kind === "inCluster" &&
      needsPlatformDatabase(cfg.profile, cfg.components);
    if (
      !cfg.reattach ||
      !runsMysql ||
      cfg.database.kind !== "inCluster" ||
      cfg.database.credentials
    )
      return;
    const read = (key: string) =>
      `"$(kubectl -n kubeflow-data get secret mysql-credentials -o jsonpath='{.data.${key}}' | base64 -d)"`;
    issue(
      ctx,
      ["database", "credentials"],
      "required with reattach: true: the retained MySQL data directory keeps its old passwords, and new ones would lock the platform out",
      undefined,
      `read them from the retained Secret and set them: pulumi config set --secret --path 'kubeflow-platform:platform.database.credentials.rootPassword' ${read("root-password")} && pulumi config set --secret --path 'kubeflow-platform:platform.database.credentials.kfpPassword' ${read("kfp-password")} (no MySQL volume retained: any new values, e.g. "$(openssl rand -hex 16)")`,
    );
  },
} as const satisfies CrossSectionRule;

export const azureExistingVnetMysqlSubnet = {
  id: "azure-existing-vnet-mysql-subnet",
  description:
    "Azure's managed MySQL lives in a subnet delegated to it; in a VNet the platform does not create, that subnet must be given.",
  check(cfg, ctx) {
    const c = cfg.cluster;
    if (
      c.kind === "azure" &&
      c.network.existingNodeSubnetId &&
      cfg.database.kind === "managed" &&
      !c.network.existingMysqlSubnetId
    )
      issue(
        ctx,
        ["cluster", "network", "existingMysqlSubnetId"],
        "a managed database in an existing VNet needs a subnet delegated to MySQL flexible servers",
        undefined,
        "create one in the same VNet and set its resource id here",
      );
  },
} as const satisfies CrossSectionRule;

export const databaseClassOfTheClusterCloud = {
  id: "database-class-of-the-cluster-cloud",
  description:
    "A managed database is created in the cluster's cloud, so its class must be one of that cloud's.",
  check({ database, cluster }, ctx) {
    if (database.kind !== "managed" || !database.instanceClass || cluster.kind === "existing")
      return;
    const wrong = wrongCloudSize(cluster.kind, "database", database.instanceClass);
    if (wrong)
      issue(
        ctx,
        ["database", "instanceClass"],
        wrong,
        database.instanceClass,
        "use one of the cluster's cloud, e.g.",
        [{ value: suggestedSize(cluster.kind, "database", database.instanceClass) }],
      );
  },
} as const satisfies CrossSectionRule;

export const managedDatabaseNeedsACloudCluster = {
  id: "managed-database-needs-a-cloud-cluster",
  description:
    "The cloud cluster layer creates the managed database; with clusterStack the cluster stack's kind decides, and it is checked there.",
  check(cfg, ctx) {
    if (cfg.database.kind === "managed" && cfg.cluster.kind === "existing" && !cfg.clusterStack)
      issue(
        ctx,
        ["database", "kind"],
        "a managed database needs a cloud cluster (cluster.kind aws, gcp or azure)",
        "managed",
        'use database.kind "inCluster" or "external" on an existing cluster',
      );
  },
} as const satisfies CrossSectionRule;

export const managedBucketNeedsAwsOrGcp = {
  id: "managed-bucket-needs-aws-or-gcp",
  description:
    "The cluster layer creates a managed bucket on AWS (S3) or GCP (GCS); Pipelines cannot use Azure Blob storage.",
  check(cfg, ctx) {
    const { cluster } = cfg;
    if (
      cfg.objectStore.kind === "managed" &&
      !["aws", "gcp"].includes(cluster.kind) &&
      !cfg.clusterStack
    )
      issue(
        ctx,
        ["objectStore", "kind"],
        cluster.kind === "azure"
          ? "Pipelines cannot use Azure Blob storage"
          : "a managed bucket needs an AWS or GCP cluster",
        "managed",
        cluster.kind === "azure"
          ? 'use objectStore.kind "minio" (it runs on an Azure managed disk)'
          : 'use objectStore.kind "minio" or "s3"',
      );
  },
} as const satisfies CrossSectionRule;
