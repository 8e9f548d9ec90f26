// Every kustomization builds: kustomize refuses an overlay whose patch names an object upstream no
// longer has, and `pulumi preview` fails with it. Charts whose archives are not in the sources are
// reported apart (they are not rendered, not broken).
import { defineCheck } from "../types";

export const builds = defineCheck({
  name: "builds",
  description:
    "every kustomization builds over the pinned tree; no chart or kustomization is registered around the render's builders",
  run: (input) =>
    input.notRendered
      .filter((n) => n.what.startsWith("kustomize"))
      .map((n) => ({
        object: n.what,
        component: n.urn.split("::").pop() ?? n.urn,
        field: "kustomization.yaml",
        message: n.reason,
        fix: "change the overlay (deletions, patches) to match the pinned upstream tree",
      })),
});
