// The truth is the rendered platform: every shipped stack, rendered with real kustomize (and helm,
// where the sources hold chart archives) over the pinned sources, passes every verify check.
import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../components/config/load";
import { footprint } from "../../components/plan/footprint";
import { listStacks, readStackPlatformConfig } from "../../components/plan/stackConfig";
import { renderedFootprint } from "../../components/render/footprint";
import { topComponent } from "../../components/render/render";
import { verifyStack } from "../../components/verify/stack";
import { SOURCES_DIR, sourcesAvailable } from "./sources";

const run = sourcesAvailable("render tests of every stack");

describe.runIf(run)("every shipped stack, rendered for real", () => {
  beforeAll(() => {
    process.env.KUBEFLOW_PLATFORM_SOURCES = SOURCES_DIR;
  });

  for (const stack of listStacks())
    it(`${stack}: every kustomization builds and verify finds nothing`, async () => {
      const { render, violations } = await verifyStack(stack);
      expect(violations.map((v) => `${v.check}: ${v.object} ${v.field}: ${v.message}`)).toEqual([]);
      // With a sources directory nothing is fetched: every overlay names local paths only.
      for (const r of render.registrations.filter(
        (x) => x.type === "kubernetes:kustomize/v2:Directory",
      ))
        expect(
          fs.readFileSync(path.join(String(r.inputs.directory), "kustomization.yaml"), "utf8"),
        ).not.toMatch(/https?:\/\//);
      // Only charts may be unrendered (the mirror has no chart templates), never a kustomization.
      expect(render.notRendered.filter((n) => !n.what.startsWith("chart"))).toEqual([]);
      // The plan's footprint is what renders: per component that rendered whole, the same requests
      // (main and other containers, and one proxy per meshed replica).
      const byUrn = new Map(render.registrations.map((r) => [r.urn, r]));
      const partial = new Set(render.notRendered.map((n) => topComponent(n.urn, byUrn)));
      const rendered = new Map(
        renderedFootprint(render.objects, render.chartValues).map((r) => [r.component, r]),
      );
      const planned = footprint(parsePlatformConfig(readStackPlatformConfig(stack)));
      for (const row of planned) {
        const component =
          row.component === "kubeflow core"
            ? "kubeflow"
            : row.component.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        if (partial.has(component)) continue;
        const got = rendered.get(component);
        expect({ component, cpuMillis: got?.cpuMillis, memoryMiB: got?.memoryMiB }).toEqual({
          component,
          cpuMillis: row.cpuMillis,
          memoryMiB: row.memoryMiB,
        });
      }
    }, 120_000);
});
