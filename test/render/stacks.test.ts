// The truth is the rendered platform: every shipped stack, rendered with real kustomize (and helm,
// where the sources hold chart archives) over the pinned sources, passes every verify check.
import { beforeAll, describe, expect, it } from "vitest";
import { listStacks } from "../../components/plan/stackConfig";
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
      // Only charts may be unrendered (the mirror has no chart templates), never a kustomization.
      expect(render.notRendered.filter((n) => !n.what.startsWith("chart"))).toEqual([]);
    }, 120_000);
});
