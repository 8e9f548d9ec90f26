// Every registered check and Pod Security rule has a failing case, and each case fails through the
// registry itself (verify() over CHECKS, evaluatePodSecurity over POD_SECURITY_RULES), as
// pod-security-admission's TestFixtures requires fixtures of every registered check. Neither list
// may be empty, and the case tables name exactly what is registered, so nothing passes vacuously.
// (A missing entry is a compile error too; the `?.` below make it a named failure at run time.)
import { describe, expect, it } from "vitest";
import { CHECKS, verify } from "../../components/verify";
import { evaluatePodSecurity, POD_SECURITY_RULES } from "../../components/verify/podSecurity";
import { CHECK_CASES, RULE_CASES } from "./cases";
import { named } from "./fixtures";

const checkNames = CHECKS.map((c) => c.name);
const ruleIds = POD_SECURITY_RULES.map((r) => r.id);
const failing = checkNames.flatMap((check) =>
  (CHECK_CASES[check]?.failing ?? []).map((c) => ({ check, ...c })),
);
const ruleRows = POD_SECURITY_RULES.flatMap((r) =>
  (RULE_CASES[r.id] ?? []).map((c) => ({ id: r.id, level: r.level, ...c })),
);

describe("the check registry", () => {
  it("registers checks, and the case table names exactly them", () => {
    expect(checkNames.length).toBeGreaterThan(0);
    expect(new Set(checkNames).size).toBe(checkNames.length);
    expect(Object.keys(CHECK_CASES).sort()).toEqual([...checkNames].sort());
  });
  it.each(checkNames)("%s has a failing case", (check) => {
    expect(CHECK_CASES[check]?.failing.length).toBeGreaterThan(0);
  });
  it.each(
    named((c) => `${c.check}: GIVEN ${c.given} THEN verify() reports it under ${c.check}`, failing),
  )("%s", (_name, { check, input, then }) => {
    expect(then.length).toBeGreaterThan(0);
    const reported = verify(input)
      .filter((v) => v.check === check)
      .map((v) => `${v.object} ${v.field}`);
    expect(reported).toEqual(then.map(([at]) => at));
  });
});

describe("the Pod Security rule registry", () => {
  it("registers rules, and the case table names exactly them", () => {
    expect(ruleIds.length).toBeGreaterThan(0);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    expect(Object.keys(RULE_CASES).sort()).toEqual([...ruleIds].sort());
  });
  it.each(ruleIds)("%s has a failing case", (id) => {
    expect(RULE_CASES[id]?.length).toBeGreaterThan(0);
  });
  it.each(
    named(
      (r) => `${r.id}: GIVEN ${r.given} THEN evaluatePodSecurity at ${r.level} reports it`,
      ruleRows,
    ),
  )("%s", (_name, { id, level, spec, fields }) => {
    expect(fields.length).toBeGreaterThan(0);
    expect(
      evaluatePodSecurity(spec, level)
        .filter((f) => f.rule === id)
        .map((f) => f.field),
    ).toEqual(fields);
  });
});
