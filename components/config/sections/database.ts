// database: the MySQL that Pipelines (and Katib and Model Registry, unless given their own) use: run
// by the platform, an existing server, the cloud's managed one, or none. The rules that tie it to
// the cluster kind and to the enabled apps span sections: they are in ../rules.ts.
import { z } from "zod";
import { hostname, port, sizeGiB } from "../fields";

export const InClusterDatabaseSchema = z
  .strictObject({
    kind: z.literal("inCluster"),
    storageGiB: sizeGiB(20).meta({ description: "Size of the MySQL volume.", examples: [50] }),
    credentials: z
      .strictObject({
        rootPassword: z.string().min(1),
        kfpPassword: z.string().min(1),
      })
      .optional()
      .meta({
        description:
          'The passwords a retained MySQL data directory was initialised with (reinstall onto retained data, docs/upgrading.md "Reinstall and reattach"); read them from the retained Secret kubeflow-data/mysql-credentials and set them with --secret. Keep them set for the life of the data. @default generated',
        examples: [{ rootPassword: "<secret>", kfpPassword: "<secret>" }],
      }),
  })
  .meta({
    description:
      "MySQL 8.4 run by the platform in namespace kubeflow-data; volume retained, resource protected.",
  });

export const ExternalDatabaseSchema = z
  .strictObject({
    kind: z.literal("external"),
    host: hostname().meta({ description: "MySQL host name.", examples: ["mysql.db.example.com"] }),
    port: port()
      .default(3306)
      .meta({ description: "MySQL port.", examples: [3306] }),
    user: z
      .string()
      .min(1)
      .meta({
        description:
          "User with rights on the databases mlpipeline, metadb and cachedb (mysql_native_password, for ML Metadata).",
        examples: ["kubeflow"],
      }),
    password: z
      .string()
      .min(1)
      .meta({
        description: "Password of that user (set it with --secret).",
        examples: ["<secret>"],
      }),
  })
  .meta({ description: "An existing MySQL 8 server; no MySQL is deployed." });

export const ManagedDatabaseSchema = z
  .strictObject({
    kind: z.literal("managed"),
    storageGiB: sizeGiB(50).meta({ description: "Allocated storage.", examples: [100] }),
    instanceClass: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          "Instance class / tier / SKU. @default db.t4g.medium (AWS), db-custom-2-7680 (GCP), Standard_B2ms (Azure)",
        examples: ["db.m7g.large"],
      }),
    backupRetentionDays: z.int().min(1).max(35).default(7),
  })
  .meta({
    description:
      "The cloud's MySQL 8.0 (RDS, Cloud SQL, Azure Database for MySQL), private, encrypted, backed up and protected (cloud clusters only).",
  });

export const NoDatabaseSchema = z.strictObject({ kind: z.literal("none") }).meta({
  description:
    "No database: only for stacks that run none of Pipelines, Katib (on the platform database) and Model Registry.",
});

export const DatabaseSchema = z
  .discriminatedUnion(
    "kind",
    [InClusterDatabaseSchema, ExternalDatabaseSchema, ManagedDatabaseSchema, NoDatabaseSchema],
    { error: 'must have kind "inCluster", "external", "managed" or "none"' },
  )
  .prefault({ kind: "inCluster" });
