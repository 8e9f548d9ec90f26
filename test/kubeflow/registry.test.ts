// One module per application and one registry (components/kubeflow/registry.ts): the registry is
// tied to the config's names, every reader takes what it knows of an app from its module, and an
// app registered in one line shows up in the footprint, the image list, the docs, the dashboard
// and the tenants' objects.
import { describe, expect, it } from "vitest";
import {
  APP_NAMES,
  AppsConfig,
  DATABASE_APPS,
  PRESETS,
  needsPlatformDatabase,
} from "../../components/config/apps";
import { parsePlatformConfig } from "../../components/config/load";
import { PlatformConfig, TenantSchema } from "../../components/config/schema";
import { usesPlatformDatabase } from "../../components/foundation/dataServices";
import { AppModule } from "../../components/kubeflow/app";
import { buildApps } from "../../components/kubeflow/apps";
import { dashboardMenu } from "../../components/kubeflow/dashboardLinks";
import { KATIB } from "../../components/kubeflow/katib";
import {
  APPS,
  appTenantObjects,
  dataNeeds,
  enabledModules,
} from "../../components/kubeflow/registry";
import { footprint } from "../../components/plan/footprint";
import { stackImages } from "../../components/plan/imageList";
import { componentsMarkdown } from "../../components/plan/referenceDocs";
import { tenantLayerFacts } from "../../components/tenants/facts";
import { tenantObjects } from "../../components/tenants/podDefaults";
import { FAKE_TRACKER, FAKE_TRACKER_IMAGE, FAKE_TRACKER_OWN_IMAGE, withApp } from "./fakeApp";

const TEST_APPS = withApp(APPS, FAKE_TRACKER);

/** A config with the fake app turned on, as `components.fakeTracker.enabled: true` would. */
function withFake(raw: Record<string, unknown> = {}): PlatformConfig {
  const cfg = parsePlatformConfig({ cluster: { kind: "existing", context: "c" }, ...raw });
  const components = { ...cfg.components, fakeTracker: { enabled: true } } as AppsConfig;
  return { ...cfg, components };
}

describe("the registry", () => {
  it("has one module per configured app, in config's order, each under its own name", () => {
    expect(Object.keys(APPS)).toEqual([...APP_NAMES]);
    for (const [key, m] of Object.entries(APPS)) expect(m.name).toBe(key);
  });

  it("the compiler ties it to config: a missing or unknown name, a database not declared", () => {
    const withoutKatib: Omit<typeof APPS, "katib"> = APPS;
    // @ts-expect-error: katib is in config's APP_NAMES, so the registry must have its module.
    const missing: typeof APPS = withoutKatib;
    // @ts-expect-error: fakeTracker is not in config's APP_NAMES.
    const unknown: typeof APPS = { ...APPS, fakeTracker: FAKE_TRACKER };
    // @ts-expect-error: katib's settings have a database, so its module must declare one.
    const noDatabase: AppModule<"katib"> = { ...KATIB, database: undefined };
    // @ts-expect-error: notebooks' settings have none, so its module may not declare one.
    const database: AppModule<"notebooks"> = { ...APPS.notebooks, database: KATIB.database };
    expect([missing, unknown, noDatabase, database].length).toBe(4);
  });

  it("the apps with a database of their own are the ones config gives a database setting", () => {
    expect(DATABASE_APPS).toEqual(["katib", "modelRegistry"]);
    expect(
      Object.values(APPS)
        .filter((m) => m.database)
        .map((m) => m.name),
    ).toEqual(DATABASE_APPS);
  });

  it("what the apps need of the database agrees with config's rules, app by app and per preset", () => {
    // Each app alone (serverless KServe needs Knative: rawDeployment stands alone).
    const none: Record<string, Record<string, unknown>> = {
      ...Object.fromEntries(APP_NAMES.map((a) => [a, { enabled: false }])),
      kserve: { enabled: false, mode: "rawDeployment" },
    };
    const configs = [
      ...APP_NAMES.map((a) => ({ components: { ...none, [a]: { ...none[a], enabled: true } } })),
      ...Object.keys(PRESETS).map((profile) => ({ profile })),
      {
        profile: "full",
        components: {
          katib: {
            database: {
              kind: "external",
              host: "db.example.com",
              name: "katib",
              user: "k",
              password: "p",
            },
          },
        },
      },
    ];
    for (const raw of configs) {
      const cfg = parsePlatformConfig({ cluster: { kind: "existing", context: "c" }, ...raw });
      expect(usesPlatformDatabase(dataNeeds(cfg)), JSON.stringify(raw)).toBe(
        needsPlatformDatabase(cfg.profile, cfg.components),
      );
    }
  });
});

describe("an app registered in one line (test/kubeflow/fakeApp.ts)", () => {
  const cfg = withFake();

  it("is enabled by its setting, like any app", () => {
    expect(enabledModules(cfg, TEST_APPS).map((m) => m.name)).toContain("fakeTracker");
    expect(enabledModules(cfg).map((m) => m.name)).not.toContain("fakeTracker");
  });

  it("appears in the footprint with its requests and its proxy", () => {
    expect(footprint(cfg, TEST_APPS)).toContainEqual({
      component: "fakeTracker",
      cpuMillis: 30 + 10,
      memoryMiB: 128 + 64,
    });
    expect(footprint(cfg).map((r) => r.component)).not.toContain("fakeTracker");
  });

  it("appears in the image list: its artifacts' images and its own", () => {
    const images = stackImages(cfg, TEST_APPS);
    expect(images).toEqual(expect.arrayContaining([FAKE_TRACKER_IMAGE, FAKE_TRACKER_OWN_IMAGE]));
    expect(stackImages(cfg)).not.toContain(FAKE_TRACKER_IMAGE);
  });

  it("appears in docs/components.md as a row of its own", () => {
    const row = componentsMarkdown(TEST_APPS)
      .split("\n")
      .find((l) => l.startsWith("| `fakeTracker` |"));
    expect(row).toBe(
      "| `fakeTracker` | Fake experiment tracker | chart `fake-tracker` 1.2.3 (https://charts.example.com) |  | `enabled`, `replicas`, `resources` | Istio | `test/kubeflow/fakeApp.ts` |",
    );
    expect(componentsMarkdown()).not.toContain("fakeTracker");
  });

  it("gets its dashboard link when installed, and loses upstream's when not", () => {
    const links = { menuLinks: [{ type: "item", link: "/jupyter/", text: "Notebooks" }] };
    const menu = dashboardMenu(links, new Set(["notebooks", "fakeTracker"]), TEST_APPS);
    expect((menu.menuLinks as { text: string }[]).map((l) => l.text)).toEqual([
      "Notebooks",
      "Fake tracker",
    ]);
    const upstream = { menuLinks: [{ link: "/fake-tracker/", text: "Fake tracker" }] };
    expect(dashboardMenu(upstream, new Set(), TEST_APPS).menuLinks).toEqual([]);
  });

  it("gives every tenant its objects: plain data in the platform's facts, stamped per tenant", () => {
    const objects = appTenantObjects(cfg, TEST_APPS);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(["PodDefault/fake-tracker"]);
    const facts = tenantLayerFacts(cfg, [], undefined, objects);
    // Plain data: it survives the trip through a StackReference's JSON.
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
    const team = TenantSchema.parse({ name: "team-a", owner: "a@example.com" });
    const [pd] = tenantObjects(team, facts);
    expect(pd.metadata).toMatchObject({ name: "fake-tracker", namespace: "team-a" });
    expect(appTenantObjects(cfg)).toEqual([]);
    expect(tenantLayerFacts(cfg, []).appObjects).toBeUndefined();
  });

  it("is built by the builder with its settings, in registry order", () => {
    const built: string[] = [];
    const spy: AppModule = {
      ...FAKE_TRACKER,
      build: (ctx) => {
        built.push(JSON.stringify(ctx.settings));
        return { component: {} as never };
      },
    };
    const result = buildApps(
      { apps: [spy], components: cfg.components, gpuPools: [], data: { appDatabases: {} } },
      { base: [], mesh: [], data: [] },
      {},
    );
    expect(built).toEqual(['{"enabled":true}']);
    expect(result.controllers).toHaveLength(1);
  });
});
