// Pod Security: each rule on a bad pod names the field it forbids (as pod-security-admission's
// check_*_test.go tables), a pod per level passes with and without what Istio's injector adds,
// and the pod-security check's table of cases (podSecurity.cases.ts).
import { describe, expect, it } from "vitest";
import { injectedContainers, MeshSettings } from "../../components/render/istioInjection";
import { admittedSpec, podSecurity } from "../../components/verify/checks/podSecurity";
import { evaluatePodSecurity, POD_SECURITY_RULES } from "../../components/verify/podSecurity";
import { PodSpec } from "../../components/render/pods";
import { named, RESTRICTED_POD, tableTests } from "./fixtures";
import { podSecurityCases, RULE_CASES } from "./podSecurity.cases";

const rows = POD_SECURITY_RULES.flatMap((rule) =>
  RULE_CASES[rule.id].map((c) => ({ id: rule.id, level: rule.level, rule, ...c })),
);

describe("Pod Security rules", () => {
  it("every rule has a row", () => {
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(POD_SECURITY_RULES.map((r) => r.id)));
  });
  it.each(
    named(
      (r) => `${r.id} (${r.level}): GIVEN ${r.given} THEN it names ${r.fields.join(", ")}`,
      rows,
    ),
  )("%s", (_name, { rule, spec, fields }) => {
    expect(rule.check(spec).map((f) => f.field)).toEqual(fields);
    // Its level refusing it through the registry: registry.test.ts. Privileged admits anything.
    expect(evaluatePodSecurity(spec, "privileged")).toEqual([]);
  });
});

const CNI_MESH: MeshSettings = {
  cni: true,
  seccompProfile: { type: "RuntimeDefault" },
  proxyRequests: {},
};
const NO_CNI_MESH: MeshSettings = { ...CNI_MESH, cni: false };
// A pod that passes baseline but not restricted: no security context at all.
const BASELINE_POD: PodSpec = { containers: [{ name: "web" }] };

describe("a pod per level", () => {
  it.each<[string, PodSpec, "baseline" | "restricted"]>([
    ["the restricted pod", RESTRICTED_POD, "restricted"],
    [
      "the restricted pod with the injector's proxy and istio-validation (Istio CNI)",
      admittedSpec(RESTRICTED_POD, true, CNI_MESH),
      "restricted",
    ],
    ["a pod with no security context", BASELINE_POD, "baseline"],
    [
      "a pod with no security context, injected with Istio CNI",
      admittedSpec(BASELINE_POD, true, CNI_MESH),
      "baseline",
    ],
  ])("GIVEN %s THEN %s admits it", (_given, spec, level) => {
    expect(evaluatePodSecurity(spec, level)).toEqual([]);
  });
  it("GIVEN the pod with no security context THEN restricted refuses it", () => {
    expect(evaluatePodSecurity(BASELINE_POD, "restricted").map((f) => f.rule)).toEqual([
      "allowPrivilegeEscalation",
      "runAsNonRoot",
      "seccompRestricted",
      "capabilitiesRestricted",
    ]);
  });
  it("GIVEN Istio without CNI THEN even baseline refuses the injected istio-init (NET_ADMIN, NET_RAW)", () => {
    expect(injectedContainers(NO_CNI_MESH).initContainers.map((c) => c.name)).toEqual([
      "istio-init",
    ]);
    expect(
      evaluatePodSecurity(admittedSpec(RESTRICTED_POD, true, NO_CNI_MESH), "baseline"),
    ).toEqual([
      expect.objectContaining({
        rule: "capabilitiesBaseline",
        field: "initContainers[name=istio-init].securityContext.capabilities.add",
      }),
    ]);
  });
});

describe("pod-security", () => {
  tableTests(podSecurity, podSecurityCases);
});
