// Upgrades run the migrations a release needs, and refuse what they cannot carry: the stack's
// recorded platformVersion against this release; Knative's storage-version migration, once per
// Knative release.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  storageMigrationJobName,
  storageMigrationPatch,
} from "../../components/migrations/knativeStorageVersion";
import {
  OLDEST_UPGRADE_FROM,
  PLATFORM_VERSION,
  checkUpgradePath,
} from "../../components/migrations/version";
import { kustomizeBuild } from "../../components/render/render";
import { manifests } from "../../components/versions";
import { LOCAL_CONFIG } from "../mocks";
import { SOURCES_DIR, sourcesAvailable } from "../render/sources";

describe("checkUpgradePath", () => {
  it("a new stack, the same release, a newer one and a patch rollback run", () => {
    expect(() => checkUpgradePath(undefined, "0.2.0")).not.toThrow();
    expect(() => checkUpgradePath("0.2.0", "0.2.0")).not.toThrow();
    expect(() => checkUpgradePath(OLDEST_UPGRADE_FROM, "0.2.0")).not.toThrow();
    expect(() => checkUpgradePath("0.2.3", "0.2.1")).not.toThrow();
  });

  it("a stack older than the oldest release it upgrades from is refused, naming both", () => {
    expect(() => checkUpgradePath("0.0.9", "0.2.0")).toThrow(
      /last deployed by kubeflow-platform 0\.0\.9; this release \(0\.2\.0\) upgrades from 0\.1\.0/,
    );
  });

  it("a stack a newer minor release migrated is refused: roll back by restoring state", () => {
    expect(() => checkUpgradePath("0.3.0", "0.2.0")).toThrow(
      /newer than this release.*Rolling back/,
    );
  });

  it("a recorded value that is no version is refused", () => {
    expect(() => checkUpgradePath("banana", "0.2.0")).toThrow(/"banana", not a version/);
  });

  it("the recorded version is the package's", () => {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"),
    );
    expect(PLATFORM_VERSION).toBe(pkg.version);
    expect(fs.readFileSync(path.join(__dirname, "..", "..", "index.ts"), "utf8")).toMatch(
      /platformVersion: PLATFORM_VERSION/,
    );
  });
});

describe("the program reads its own stack's record before registering anything", () => {
  it("GIVEN a stack last deployed by 0.0.1 WHEN the program runs THEN it refuses, registering nothing", async () => {
    const { buildPlatform } = await import("../../components/platform");
    const { PlatformSchema } = await import("../../components/config/schema");
    const { installRecorder } = await import("../../components/plan/recorder");
    const monitor = installRecorder({
      project: "kubeflow-platform",
      stack: "old",
      config: {},
      stackOutputs: (name) =>
        name === "organization/kubeflow-platform/old" ? { platformVersion: "0.0.1" } : {},
    });
    await expect(buildPlatform(PlatformSchema.parse(LOCAL_CONFIG))).rejects.toThrow(
      /platformVersion: the stack was last deployed by kubeflow-platform 0\.0\.1/,
    );
    // The StackReference is a read, not a registration.
    expect(monitor.registrations).toEqual([]);
  });
});

describe("Knative's storage-version migration", () => {
  it("is named for the Knative version: a new release runs it again, the same one does not", () => {
    expect(storageMigrationJobName("1.21.1")).toBe("storage-version-migration-serving-1-21-1");
    expect(storageMigrationJobName("1.22.0")).not.toBe(storageMigrationJobName("1.21.1"));
  });

  const run = sourcesAvailable("Knative storage-migration build");
  it.runIf(run)("builds with real kustomize: one Job, named, kept after it finishes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "knative-migration-"));
    const pin = manifests.knativeServingStorageMigration;
    const base = path.join(SOURCES_DIR!, "kubeflow-manifests", "26.03", pin.paths[0]);
    fs.writeFileSync(
      path.join(dir, "kustomization.yaml"),
      stringify({
        resources: [path.relative(dir, base)],
        patches: [
          {
            target: { kind: "Job", name: "storage-version-migration-serving" },
            patch: storageMigrationPatch(pin.version!),
          },
        ],
      }),
    );
    const objects = kustomizeBuild(dir);
    expect(objects.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      "Job knative-serving/storage-version-migration-serving-1-21-1",
    ]);
    expect(objects[0].metadata).not.toHaveProperty("generateName");
    expect(objects[0].spec).not.toHaveProperty("ttlSecondsAfterFinished");
    // The version in the catalog is the one upstream's Job carries.
    expect(objects[0].metadata.labels?.["app.kubernetes.io/version"]).toBe(pin.version);
  });
});
