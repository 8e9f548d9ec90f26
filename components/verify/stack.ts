// Verify one stack as the cluster would see it. A tenants-only stack (layers: tenants) runs on the
// platform its platform stack installed: that stack is rendered too, as the context the checks look
// things up in (mesh settings, ServiceAccounts, CRDs), and only the tenants stack's own objects are
// judged.
import { parsePlatformConfig } from "../config/load";
import { readStackPlatformConfig } from "../plan/stackConfig";
import { describe as describeObject } from "../lib/kinds";
import { renderPlatform, RenderResult } from "../render/render";
import { chartDefaults } from "./chartDefaults";
import { verify } from "./index";
import { Violation } from "./types";

export interface StackVerification {
  render: RenderResult;
  violations: Violation[];
}

export async function verifyStack(stack: string): Promise<StackVerification> {
  const raw = readStackPlatformConfig(stack);
  const cfg = parsePlatformConfig(raw);
  const platformStack = cfg.layers === "tenants" ? cfg.platformStack?.split("/").pop() : undefined;
  const context = platformStack
    ? await renderPlatform(platformStack, readStackPlatformConfig(platformStack))
    : undefined;
  const render = await renderPlatform(stack, raw);
  if (!context) return { render, violations: verify({ ...render, chartDefaults }) };
  const own = new Set(render.objects.map((o) => describeObject(o.object)));
  const violations = verify({
    objects: [...context.objects.map((o) => ({ ...o, preexisting: true })), ...render.objects],
    registrations: [...context.registrations, ...render.registrations],
    chartValues: [...context.chartValues, ...render.chartValues],
    notRendered: [...context.notRendered, ...render.notRendered],
    chartDefaults,
  }).filter((v) => own.has(v.object));
  return { render, violations };
}
