// GIVEN an invalid config WHEN the program evaluates it THEN it fails with a message naming the
// path (and the fix) AND registers nothing. Every cross-section rule has a case that breaks it.
import { describe, expect, it } from "vitest";
import { ConfigError, pathText } from "../../components/config/errors";
import { CROSS_SECTION_RULES } from "../../components/config/rules";
import { PlatformObjectSchema } from "../../components/config/schema";
import { evaluatePlatform } from "../../components/plan/evaluate";
import { currentRecorder } from "../../components/plan/recorder";
import { minimalConfig, tenant } from "../fixtures/configs";
import { CORPUS } from "./corpus.cases";

describe("invalid config corpus", () => {
  it("has at least 40 cases", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CORPUS)("%s", async (_desc, config, path, { provider = {}, message } = {}) => {
    // WHEN the program evaluates the config under the recording mock runtime
    const error = await evaluatePlatform("corpus", config, provider).then(
      () => undefined,
      (e: unknown) => e,
    );
    // THEN it fails with a ConfigError naming the path, the value and a fix
    expect(error).toBeInstanceOf(ConfigError);
    const problem = (error as ConfigError).problems.find((p) => p.path === path);
    expect(problem, `problems: ${(error as ConfigError).message}`).toBeDefined();
    if (message !== undefined) expect(problem!.message).toContain(message);
    expect(problem!.fix.length).toBeGreaterThan(5);
    expect((error as ConfigError).message).toContain(path);
    // AND nothing was registered
    expect(currentRecorder()!.registrations).toHaveLength(0);
  });

  it("control: the current context, asked for explicitly, plans", async () => {
    await evaluatePlatform("corpus", { cluster: { kind: "existing", useCurrentContext: true } });
    expect(currentRecorder()!.registrations.length).toBeGreaterThan(20);
  });

  it("control: a valid config does register resources through the same recorder", async () => {
    await evaluatePlatform("corpus", { ...minimalConfig, tenants: [tenant] });
    expect(currentRecorder()!.registrations.length).toBeGreaterThan(20);
  });

  it("reports every problem at once", async () => {
    const error = (await evaluatePlatform("corpus", {
      ...minimalConfig,
      ingres: {},
      tenants: [{ name: "X", owner: "y" }],
    }).catch((e) => e)) as ConfigError;
    expect(error.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        "platform.ingres",
        "platform.tenants[0].name",
        "platform.tenants[0].owner",
      ]),
    );
  });

  it("reports a section's cross-field rule together with another section's errors", async () => {
    // GIVEN a type error in auth, an ingress conflict and a tenant whose defaults exceed its quota
    const error = (await evaluatePlatform("corpus", {
      ...minimalConfig,
      auth: { staticUsers: "alice@example.com" },
      ingress: { serviceType: "ClusterIP", httpsNodePort: 30443 },
      tenants: [{ name: "team-a", owner: "a@example.com", quota: { cpu: "500m" } }],
    }).catch((e) => e)) as ConfigError;
    // THEN all three are reported in one run
    expect(error.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        "platform.auth.staticUsers",
        "platform.ingress.httpsNodePort",
        "platform.tenants[0].containerDefaults.cpuLimit",
      ]),
    );
  });

  it("never echoes a secret value", async () => {
    const error = (await evaluatePlatform("corpus", {
      ...minimalConfig,
      database: { kind: "external", host: "db.example.com", user: "kf", password: 12345 },
    }).catch((e) => e)) as ConfigError;
    expect(error.message).toContain("platform.database.password");
    expect(error.message).not.toContain("12345");
  });

  it("suggests the key a typo meant", async () => {
    const error = (await evaluatePlatform("corpus", { ...minimalConfig, objectStor: {} }).catch(
      (e) => e,
    )) as ConfigError;
    expect(error.message).toContain('did you mean "objectStore"');
  });
});

describe("cross-section rules", () => {
  it("are listed (the corpus below covers each)", () => {
    expect(CROSS_SECTION_RULES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CROSS_SECTION_RULES.map((r) => [r.id, r] as const))(
    "%s has a corpus case that breaks it",
    (id, rule) => {
      // GIVEN the corpus cases tagged with the rule
      const cases = CORPUS.filter(([, , , options]) => options?.rule === id);
      expect(
        cases.map(([desc]) => desc),
        `tag a case in corpus.cases.ts with rule: "${id}"`,
      ).not.toEqual([]);
      // WHEN each is checked by the platform object and this rule alone
      const alone = PlatformObjectSchema.superRefine((cfg, ctx) => rule.check(cfg, ctx));
      for (const [desc, config, path, options] of cases) {
        const issues = alone.safeParse(config).error?.issues ?? [];
        const messages = issues.filter((i) => pathText(i.path) === path).map((i) => i.message);
        // THEN the rule itself reports the case's path, with its message
        expect(options?.message, `${desc}: give the rule's message fragment`).toBeTruthy();
        expect(messages, desc).toContainEqual(expect.stringContaining(options!.message!));
      }
    },
  );
});
