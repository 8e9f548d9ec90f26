// The random stand-in (a test double for the engine tiers): passwords honour every input, ids
// encode their bytes, and any input change, keepers included, replaces.
import bcrypt from "bcryptjs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { standInProvider, typeOfUrn } from "../../components/engine/randomStandIn/provider";
import {
  canonical,
  checkId,
  checkPassword,
  DEFAULT_SPECIAL,
  generatePassword,
  ID_TYPE,
  idOutputs,
  PASSWORD_INPUTS,
  PASSWORD_TYPE,
  replacedInputs,
} from "../../components/engine/randomStandIn/random";

const count = (s: string, re: RegExp) => [...s].filter((c) => re.test(c)).length;
const escape = (s: string) => s.replace(/[\\\]^-]/g, "\\$&");

describe("random stand-in: password inputs", () => {
  it("fill the real provider's defaults (every class on, no minimums)", () => {
    const { inputs, failures } = checkPassword({ length: 16 });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({
      length: 16,
      lower: true,
      upper: true,
      numeric: true,
      special: true,
      minLower: 0,
      minUpper: 0,
      minNumeric: 0,
      minSpecial: 0,
    });
  });

  it("take the deprecated `number` when `numeric` is not given", () => {
    expect(checkPassword({ length: 8, number: false }).inputs.numeric).toBe(false);
    expect(checkPassword({ length: 8, number: false, numeric: true }).inputs.numeric).toBe(true);
  });

  it.each([
    [{}, "length"],
    [{ length: 0 }, "length"],
    [{ length: 4, minUpper: 3, minLower: 2 }, "length"],
    [{ length: 4, minSpecial: -1 }, "minSpecial"],
    [{ length: 4, lower: false, upper: false, numeric: false, special: false }, "lower"],
  ])("reject %j on %s", (raw, property) => {
    expect(checkPassword(raw).failures.map((f) => f.property)).toContain(property);
  });
});

describe("random stand-in: passwords", () => {
  it("honour length, the classes and every minimum", () => {
    fc.assert(
      fc.property(
        fc.record({
          length: fc.integer({ min: 1, max: 64 }),
          lower: fc.boolean(),
          upper: fc.boolean(),
          numeric: fc.boolean(),
          special: fc.boolean(),
          minLower: fc.integer({ min: 0, max: 4 }),
          minUpper: fc.integer({ min: 0, max: 4 }),
          minNumeric: fc.integer({ min: 0, max: 4 }),
          minSpecial: fc.integer({ min: 0, max: 4 }),
        }),
        (raw) => {
          const { inputs, failures } = checkPassword(raw);
          fc.pre(failures.length === 0);
          const p = generatePassword(inputs);
          expect(p).toHaveLength(inputs.length);
          expect(count(p, /[a-z]/)).toBeGreaterThanOrEqual(inputs.minLower);
          expect(count(p, /[A-Z]/)).toBeGreaterThanOrEqual(inputs.minUpper);
          expect(count(p, /[0-9]/)).toBeGreaterThanOrEqual(inputs.minNumeric);
          const specials = new RegExp(`[${escape(DEFAULT_SPECIAL)}]`);
          expect(count(p, specials)).toBeGreaterThanOrEqual(inputs.minSpecial);
          // A class that is off appears only as far as its minimum asks (as upstream).
          if (!inputs.special) expect(count(p, specials)).toBe(inputs.minSpecial);
          if (!inputs.upper) expect(count(p, /[A-Z]/)).toBe(inputs.minUpper);
        },
      ),
    );
  });

  it("use only letters and digits with special: false, as the program asks", () => {
    const p = generatePassword(checkPassword({ length: 200, special: false }).inputs);
    expect(p).toMatch(/^[A-Za-z0-9]{200}$/);
  });

  it("draw special characters from overrideSpecial when it is set", () => {
    const { inputs } = checkPassword({
      length: 50,
      lower: false,
      upper: false,
      numeric: false,
      overrideSpecial: "_%",
    });
    expect(generatePassword(inputs)).toMatch(/^[_%]{50}$/);
  });

  it("are random, not derived from the inputs", () => {
    const { inputs } = checkPassword({ length: 32 });
    expect(generatePassword(inputs)).not.toBe(generatePassword(inputs));
  });
});

describe("random stand-in: ids", () => {
  it("encode the bytes as hex, base64, base64url and decimal, prefixed; the id is not", () => {
    const out = idOutputs(Buffer.from([0xfb, 0xff, 0x01, 0x02]), "p-");
    expect(out).toEqual({
      id: "-_8BAg",
      hex: "p-fbff0102",
      b64Url: "p--_8BAg",
      b64Std: "p-+/8BAg==",
      dec: `p-${0xfbff0102}`,
    });
  });

  it("need a positive byteLength", () => {
    expect(checkId({ byteLength: 4 }).failures).toEqual([]);
    expect(checkId({}).failures.map((f) => f.property)).toEqual(["byteLength"]);
  });
});

describe("random stand-in: diff", () => {
  const olds = { ...checkPassword({ length: 8, keepers: { a: "1", b: "2" } }).inputs, result: "x" };

  it("replaces on a keepers change and on any other input change", () => {
    const news = checkPassword({ length: 8, keepers: { a: "1", b: "3" } }).inputs;
    expect(replacedInputs(PASSWORD_INPUTS, olds, news)).toEqual(["keepers"]);
    const longer = checkPassword({ length: 9, keepers: { a: "1", b: "2" } }).inputs;
    expect(replacedInputs(PASSWORD_INPUTS, olds, longer)).toEqual(["length"]);
  });

  it("ignores the outputs and the order of keepers' keys", () => {
    const news = checkPassword({ length: 8, keepers: { b: "2", a: "1" } }).inputs;
    expect(replacedInputs(PASSWORD_INPUTS, olds, news)).toEqual([]);
    expect(canonical({ b: [1, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
  });
});

describe("random stand-in: provider", () => {
  const provider = standInProvider("0.0.0-test");
  const urn = (type: string) => `urn:pulumi:s::p::kubeflow-platform:foundation:Dex$${type}::n`;

  it("reads the type from the URN, parents and all", () => {
    expect(typeOfUrn(urn(PASSWORD_TYPE))).toBe(PASSWORD_TYPE);
  });

  it("creates a password with a bcrypt hash of its result", async () => {
    const { id, outs } = await provider.create!(urn(PASSWORD_TYPE), { length: 24, special: false });
    expect(id).toBe("none");
    expect(outs.result).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(bcrypt.compareSync(outs.result, outs.bcryptHash)).toBe(true);
    expect(outs.length).toBe(24);
  });

  it("creates an id of byteLength bytes", async () => {
    const { id, outs } = await provider.create!(urn(ID_TYPE), { byteLength: 4 });
    expect(outs.hex).toMatch(/^[0-9a-f]{8}$/);
    expect(Buffer.from(id, "base64url").toString("hex")).toBe(outs.hex);
    expect(outs).not.toHaveProperty("id");
  });

  it("reports no change for the same inputs and a replacement for new keepers", async () => {
    const { outs } = await provider.create!(urn(PASSWORD_TYPE), { length: 8, keepers: { k: "1" } });
    const same = (
      await provider.check!(urn(PASSWORD_TYPE), outs, { length: 8, keepers: { k: "1" } })
    ).inputs;
    expect(await provider.diff!("none", urn(PASSWORD_TYPE), outs, same)).toMatchObject({
      changes: false,
    });
    const next = (
      await provider.check!(urn(PASSWORD_TYPE), outs, { length: 8, keepers: { k: "2" } })
    ).inputs;
    expect(await provider.diff!("none", urn(PASSWORD_TYPE), outs, next)).toMatchObject({
      changes: true,
      replaces: ["keepers"],
    });
  });

  it("refuses a type it does not serve, naming it and the fix", async () => {
    await expect(
      provider.check!(urn("random:index/randomUuid:RandomUuid"), {}, {}),
    ).rejects.toThrow(/not random:index\/randomUuid:RandomUuid.*Fix/);
  });
});
