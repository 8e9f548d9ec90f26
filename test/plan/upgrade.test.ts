// Upgrades keep state: bumping every pinned version replaces or deletes no stateful resource, the
// diff flags one that would be, and stateful URNs only change with an alias.
import * as fs from "fs";
import * as path from "path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { diffPlans, formatDiff, isStateful } from "../../components/plan/diff";
import { Registration } from "../../components/plan/recorder";
import { planJson } from "../../components/plan/report";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import * as versions from "../../components/versions";
import { plan } from "../mocks";

// gcp-dev, azure-dev, aws-dev and cluster-aws-prod: the cloud layers keep their URNs too.
const STACKS = [
  "local",
  "full",
  "platform-dev",
  "tenants-dev",
  "gcp-dev",
  "azure-dev",
  "aws-dev",
  "cluster-aws-prod",
];
const SNAPSHOT = path.join(__dirname, "stateful-urns.json");

/** Every version in the catalog moved on: chart versions, image tags, the manifests tag. */
function bumpEverything(): () => void {
  const saved = JSON.stringify({
    charts: versions.charts,
    images: versions.images,
    manifests: versions.manifests,
    kf: versions.kubeflowManifests,
  });
  const bump = (v: string) => v.replace(/(\d+)(\D*)$/, (_m, n, rest) => `${Number(n) + 1}${rest}`);
  for (const c of Object.values(versions.charts) as { version: string; images: string[] }[]) {
    c.version = bump(c.version);
    c.images = c.images.map(bump);
  }
  const images = versions.images as unknown as Record<string, string>;
  for (const k of Object.keys(images)) images[k] = bump(images[k]);
  (versions.kubeflowManifests as { ref: string }).ref = "26.10";
  return () => {
    // Restore in place: other modules hold references to these objects.
    const s = JSON.parse(saved);
    for (const [k, v] of Object.entries(s.charts))
      Object.assign((versions.charts as Record<string, object>)[k], v);
    Object.assign(versions.images, s.images);
    Object.assign(versions.kubeflowManifests, s.kf);
  };
}

async function planOf(stack: string): Promise<Registration[]> {
  return plan(readStackPlatformConfig(stack), stack);
}

let current: Record<string, Registration[]>;
beforeAll(async () => {
  current = {};
  for (const s of STACKS) current[s] = await planOf(s);
});

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe("upgrading every pinned version", () => {
  it.each(STACKS)(
    "%s: no stateful resource is replaced or deleted, and their URNs stay",
    async (stack) => {
      restore = bumpEverything();
      const bumped = await planOf(stack);
      restore();
      restore = undefined;
      const diffs = diffPlans(planJson(stack, current[stack]), planJson(stack, bumped));
      expect(diffs.flatMap((d) => d.dangerous)).toEqual([]);
      const statefulUrns = (regs: Registration[]) =>
        regs
          .filter(isStateful)
          .map((r) => r.urn)
          .sort();
      expect(statefulUrns(bumped)).toEqual(statefulUrns(current[stack]));
      // The bump did change something (the test is not vacuous).
      expect(diffs.flatMap((d) => [...d.modified, ...d.replaced]).length).toBeGreaterThan(0);
    },
  );
});

describe("the plan diff", () => {
  it("reports additions, removals and modifications per component", async () => {
    const before = current.local;
    const after = await plan(
      {
        ...(readStackPlatformConfig("local") as object),
        tenants: [{ name: "team-new", owner: "n@example.com" }],
      },
      "local",
    );
    const diffs = diffPlans(planJson("local", before), planJson("local", after));
    const tenants = diffs.find((d) => d.component === "tenants")!;
    expect(tenants.added).toEqual(
      expect.arrayContaining(["tenants-team-new-namespace", "tenants-team-new-profile"]),
    );
    expect(diffs.flatMap((d) => d.dangerous)).toEqual([]);
  });

  it("flags in red a stateful resource that would be replaced or deleted", () => {
    const before = current.local;
    const after = before
      .filter((r) => r.name !== "minio-data")
      .map((r) =>
        r.name === "mysql-data"
          ? {
              ...r,
              inputs: {
                ...r.inputs,
                spec: { ...(r.inputs.spec as object), storageClassName: "other" },
              },
            }
          : r,
      );
    const diffs = diffPlans(planJson("local", before), planJson("local", after));
    expect(diffs.flatMap((d) => d.dangerous).sort()).toEqual([
      "minio-data (removed; kept in the cluster)",
      "mysql-data (replaced)",
    ]);
    const text = formatDiff(diffs);
    expect(text).toContain("\x1b[31m  !! STATEFUL: mysql-data (replaced)");
    expect(formatDiff(diffs, false)).not.toContain("\x1b[");
  });

  it("a rename with an alias is the same resource", () => {
    const before = current.local;
    const renamed = before.map((r) =>
      r.name === "mysql-data"
        ? {
            ...r,
            urn: r.urn.replace("mysql-data", "mysql-volume"),
            name: "mysql-volume",
            aliases: [r.urn],
          }
        : r,
    );
    expect(diffPlans(planJson("local", before), planJson("local", renamed))).toEqual([]);
  });
});

describe("stateful URNs", () => {
  it("match the snapshot; a renamed one must be an alias of its new resource", () => {
    const now = Object.fromEntries(
      STACKS.map((s) => [
        s,
        current[s]
          .filter(isStateful)
          .map((r) => r.urn)
          .sort(),
      ]),
    );
    if (process.env.UPDATE_SNAPSHOT)
      fs.writeFileSync(SNAPSHOT, JSON.stringify(now, null, 2) + "\n");
    const snapshot = JSON.parse(fs.readFileSync(SNAPSHOT, "utf8")) as Record<string, string[]>;
    for (const s of STACKS) {
      const aliases = new Set(current[s].flatMap((r) => r.aliases));
      const lost = snapshot[s].filter((u) => !now[s].includes(u) && !aliases.has(u));
      expect(
        lost,
        `${s}: stateful URNs gone without an alias (add aliases, or UPDATE_SNAPSHOT=1 if intended)`,
      ).toEqual([]);
      const unknown = now[s].filter((u) => !snapshot[s].includes(u));
      expect(
        unknown,
        `${s}: new stateful resources; run UPDATE_SNAPSHOT=1 npx vitest run test/plan/upgrade.test.ts`,
      ).toEqual([]);
    }
  });
});
