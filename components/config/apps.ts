// Which Kubeflow applications a stack runs: a preset (`profile`) that individual settings under
// `components.<app>` override, each app with replicas and resource overrides. The resolved view
// (`resolveApps`) is what the program and the dependency rules use.
import { z } from "zod";
import {
  bytesQuantity,
  cpuQuantity,
  dnsLabel,
  hostname,
  port,
  quantityToNumber,
  stringMap,
} from "./fields";
import { issue } from "./issue";

export const APP_NAMES = [
  "pipelines",
  "notebooks",
  "katib",
  "trainer",
  "kserve",
  "knativeServing",
  "volumes",
  "tensorboards",
  "pvcViewer",
  "modelRegistry",
  "sparkOperator",
  "trainingOperator",
  "knativeEventing",
] as const;
export type AppName = (typeof APP_NAMES)[number];

const MINIMAL: AppName[] = ["pipelines", "notebooks"];
const STANDARD: AppName[] = [
  ...MINIMAL,
  "katib",
  "trainer",
  "kserve",
  "knativeServing",
  "volumes",
  "tensorboards",
];

/** The apps each preset turns on (the dashboard, profiles and PodDefaults are always on). */
export const PRESETS: Record<"minimal" | "standard" | "full", readonly AppName[]> = {
  minimal: MINIMAL,
  standard: STANDARD,
  full: APP_NAMES,
};

export const ResourceListSchema = z.strictObject({
  cpu: cpuQuantity()
    .optional()
    .meta({ examples: ["250m"] }),
  memory: bytesQuantity()
    .optional()
    .meta({ examples: ["512Mi"] }),
});

export const ResourcesSchema = z
  .strictObject({
    requests: ResourceListSchema.optional(),
    limits: ResourceListSchema.optional(),
  })
  .superRefine((r, ctx) => {
    // The API server refuses a container whose request is above its limit.
    for (const k of ["cpu", "memory"] as const) {
      const req = r.requests?.[k];
      const lim = r.limits?.[k];
      if (req && lim && quantityToNumber(req) > quantityToNumber(lim))
        issue(
          ctx,
          ["requests", k],
          `is above limits.${k} (${lim}): the API server refuses such a container`,
          req,
          `lower requests.${k} to at most ${lim}, or raise limits.${k}`,
        );
    }
  })
  .meta({
    description:
      "Requests and limits for the main container of each of the app's Deployments and StatefulSets (for charts: the controllers). @default lean requests set by the platform",
    examples: [{ requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "1Gi" } }],
  });

const appFields = {
  enabled: z
    .boolean()
    .optional()
    .meta({
      description: "Turn the app on or off. @default whether the profile includes it",
      examples: [true],
    }),
  replicas: z
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(10, { error: "must be at most 10" })
    .optional()
    .meta({ description: "Replicas of the app's Deployments. @default 1", examples: [2] }),
  resources: ResourcesSchema.optional(),
};

export const TolerationSchema = z.strictObject({
  key: z.string().min(1),
  operator: z.enum(["Exists", "Equal"]).default("Exists"),
  value: z.string().optional(),
  effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]).optional(),
});

/** A database of the app's own on a MySQL server we do not run. */
export const AppExternalDatabaseSchema = z
  .strictObject({
    kind: z.literal("external"),
    host: hostname().meta({ examples: ["mysql.example.com"] }),
    port: port().default(3306),
    name: z.string().regex(/^[A-Za-z0-9_]{1,64}$/, { error: "must be a MySQL database name" }),
    user: z.string().min(1),
    password: z.string().min(1).meta({ description: "Set it with --secret." }),
  })
  .meta({ description: "An existing database on another MySQL server." });

export const AppDatabaseSchema = z
  .discriminatedUnion(
    "kind",
    [
      z.strictObject({ kind: z.literal("platform") }).meta({
        description:
          "A database and user of its own on the platform database (created for you with the in-cluster MySQL).",
      }),
      AppExternalDatabaseSchema,
    ],
    { error: 'must have kind "platform" or "external"' },
  )
  .prefault({ kind: "platform" });

const app = <T extends z.core.$ZodLooseShape>(extra: T, description: string) =>
  z
    .strictObject({ ...appFields, ...extra })
    // Every field of an app is optional or defaulted, so {} is a valid input.
    .prefault({} as never)
    .meta({ description });

export const AppsSchema = z
  .strictObject({
    pipelines: app(
      {},
      "Kubeflow Pipelines (multi-user) on the platform database and object store.",
    ),
    notebooks: app(
      {
        images: z
          .array(
            z.string().regex(/^[^\s:@]+(:[^\s:@]+|@sha256:[0-9a-f]{64})$/, {
              error: "must be an image with a tag or digest",
            }),
          )
          .optional()
          .meta({
            description:
              "Images offered by the notebook spawner. @default upstream's Jupyter images of the release",
            examples: [["ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-full:v1.10.0"]],
          }),
        gpus: z
          .strictObject({
            enabled: z.boolean().default(false),
            tolerations: z.array(TolerationSchema).optional().meta({
              description:
                "Tolerations for GPU notebooks when the cluster config declares no GPU pool.",
            }),
            nodeSelector: stringMap().optional(),
          })
          .prefault({})
          .meta({
            description:
              "Offer GPUs in the spawner; each GPU pool of the cluster becomes a choice carrying its tolerations and node selector.",
          }),
      },
      "Notebook controller and Jupyter web app.",
    ),
    katib: app({ database: AppDatabaseSchema }, "Katib: controller, UI and DB manager."),
    trainer: app({}, "Kubeflow Trainer v2 with JobSet (official chart)."),
    kserve: app(
      {
        mode: z
          .enum(["serverless", "rawDeployment"], {
            error: 'must be "serverless" or "rawDeployment"',
          })
          .default("serverless")
          .meta({
            description: "serverless needs Knative Serving; rawDeployment uses plain Deployments.",
            examples: ["rawDeployment"],
          }),
      },
      "KServe controller (official charts) and the models web app.",
    ),
    knativeServing: app({}, "Knative Serving with its Istio networking layer and local gateway."),
    volumes: app({}, "Volumes web app."),
    tensorboards: app({}, "Tensorboard controller and web app."),
    pvcViewer: app({}, "PVC viewer controller."),
    modelRegistry: app({ database: AppDatabaseSchema }, "Model Registry server and UI."),
    sparkOperator: app({}, "Spark operator (official chart), watching tenant namespaces."),
    trainingOperator: app(
      {},
      "Training Operator v1 (TFJob, PyTorchJob, MPIJob, XGBoostJob, PaddleJob, JAXJob), for v1 jobs.",
    ),
    knativeEventing: app({}, "Knative Eventing (optional)."),
  })
  .prefault({});

export type AppsConfig = z.output<typeof AppsSchema>;
export type AppSettings = z.output<typeof AppsSchema>[AppName];

export const ProfileSchema = z
  .enum(["minimal", "standard", "full"], { error: 'must be "minimal", "standard" or "full"' })
  .default("minimal")
  .meta({
    description:
      "Preset of applications: minimal (dashboard, profiles, pipelines, notebooks), standard (+ katib, trainer, kserve, volumes, tensorboards), full (everything). components.<app>.enabled overrides it.",
    examples: ["standard"],
  });

export const ImagesSchema = z
  .strictObject({
    registry: z
      .string()
      .regex(/^[a-z0-9.-]+(:[0-9]+)?(\/[a-z0-9._-]+)*$/, {
        error: "must be a registry host with an optional path, such as registry.example.com/mirror",
      })
      .optional()
      .meta({
        description:
          "Mirror every image is pulled from: <registry>/<original host>/<path>:<tag>. @default the images' own registries",
        examples: ["registry.example.com/mirror"],
      }),
    pullSecret: dnsLabel()
      .optional()
      .meta({
        description:
          "Name of a docker-registry Secret (in every platform namespace) used to pull from the mirror.",
        examples: ["mirror-pull"],
      }),
  })
  .prefault({});

/** Whether one app runs: its own setting, else whether the preset includes it. Pure. */
export function appEnabled(profile: keyof typeof PRESETS, apps: AppsConfig, name: string): boolean {
  const settings = (apps as Partial<Record<string, AppSettings>>)[name];
  return settings?.enabled ?? (PRESETS[profile] as readonly string[]).includes(name);
}

/** Whether each app runs, from the preset and the explicit settings. Pure. */
export function enabledApps(profile: keyof typeof PRESETS, apps: AppsConfig): Set<AppName> {
  return new Set(APP_NAMES.filter((a) => appEnabled(profile, apps, a)));
}

/** Apps with a database of their own: those whose settings have `database` (derived, never spelled). */
export type DatabaseApp = {
  [A in AppName]: AppsConfig[A] extends { database: unknown } ? A : never;
}[AppName];

const APP_DEFAULTS = AppsSchema.parse({}) as Record<AppName, object>;
export const DATABASE_APPS = APP_NAMES.filter(
  (a): a is DatabaseApp => "database" in APP_DEFAULTS[a],
);

/** The enabled apps that keep their database on the platform's server. Pure. */
export function appsOnPlatformDatabase(
  profile: keyof typeof PRESETS,
  apps: AppsConfig,
): DatabaseApp[] {
  const on = enabledApps(profile, apps);
  return DATABASE_APPS.filter((a) => on.has(a) && apps[a].database.kind === "platform");
}

/** Whether any enabled app uses the platform's database (Pipelines always does). Pure. */
export function needsPlatformDatabase(profile: keyof typeof PRESETS, apps: AppsConfig): boolean {
  return (
    enabledApps(profile, apps).has("pipelines") || appsOnPlatformDatabase(profile, apps).length > 0
  );
}
