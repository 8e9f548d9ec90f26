// TEST DOUBLE. The engine tiers' stand-in for the pulumi-random provider plugin: used only by
// `npm run engine` (tier 1 render, tier 2 cluster), never by a real deployment, which keeps
// @pulumi/random and its real plugin. Why a stand-in: the real plugin is Terraform-bridged and
// cannot be built from the Go module proxy (components/engine/pins.ts, `random`).
//
// It serves the two resources the program uses, with the inputs and outputs of @pulumi/random
// 4.21.2 (the program reads RandomPassword.result and .bcryptHash, and RandomId.hex):
//   random:index/randomPassword:RandomPassword, modelled on terraform-provider-random's
//     random_password (every class's minimum first, the rest from all enabled classes, shuffled;
//     `length` at least the sum of the minimums; bcrypt of the result, cost 10);
//   random:index/randomId:RandomId (byteLength random bytes as hex, base64 and decimal, each with
//     the prefix; the id is the unprefixed base64url).
// Every input forces replacement, as in the real provider, so a change of `keepers` replaces.
// What the engine tiers prove about the Kubernetes side does not depend on random's internals;
// anything about random's own behaviour is modelled here, not real.
// This file holds the pure parts; provider.ts wires them to the engine's gRPC interface.
import { randomBytes, randomInt } from "crypto";

export const PASSWORD_TYPE = "random:index/randomPassword:RandomPassword";
export const ID_TYPE = "random:index/randomId:RandomId";

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const NUMERIC = "0123456789";
/** terraform-provider-random's default special characters. */
export const DEFAULT_SPECIAL = "!@#$%&*()-_=+[]{}<>:?";

export interface PasswordInputs {
  length: number;
  lower: boolean;
  upper: boolean;
  numeric: boolean;
  special: boolean;
  minLower: number;
  minUpper: number;
  minNumeric: number;
  minSpecial: number;
  overrideSpecial?: string;
  keepers?: Record<string, unknown>;
}

export interface IdInputs {
  byteLength: number;
  prefix?: string;
  keepers?: Record<string, unknown>;
}

export const PASSWORD_INPUTS = [
  "length",
  "lower",
  "upper",
  "numeric",
  "number",
  "special",
  "minLower",
  "minUpper",
  "minNumeric",
  "minSpecial",
  "overrideSpecial",
  "keepers",
] as const;
export const ID_INPUTS = ["byteLength", "prefix", "keepers"] as const;

export interface Failure {
  property: string;
  reason: string;
}

function bool(v: unknown, dflt: boolean): boolean {
  return typeof v === "boolean" ? v : dflt;
}

function int(v: unknown, dflt: number): number {
  return typeof v === "number" && Number.isFinite(v) ? v : dflt;
}

/**
 * The password inputs with the provider's defaults filled in, or the failures (as the real
 * provider's validators report them). `number` is the deprecated name of `numeric`. Pure.
 */
export function checkPassword(raw: Record<string, unknown>): {
  inputs: PasswordInputs;
  failures: Failure[];
} {
  const numeric = bool(raw.numeric, bool(raw.number, true));
  const inputs: PasswordInputs = {
    length: int(raw.length, NaN),
    lower: bool(raw.lower, true),
    upper: bool(raw.upper, true),
    numeric,
    special: bool(raw.special, true),
    minLower: int(raw.minLower, 0),
    minUpper: int(raw.minUpper, 0),
    minNumeric: int(raw.minNumeric, 0),
    minSpecial: int(raw.minSpecial, 0),
    ...(typeof raw.overrideSpecial === "string" ? { overrideSpecial: raw.overrideSpecial } : {}),
    ...(raw.keepers && typeof raw.keepers === "object"
      ? { keepers: raw.keepers as Record<string, unknown> }
      : {}),
  };
  const failures: Failure[] = [];
  if (!Number.isInteger(inputs.length) || inputs.length < 1)
    failures.push({ property: "length", reason: "length must be an integer of at least 1" });
  for (const k of ["minLower", "minUpper", "minNumeric", "minSpecial"] as const)
    if (!Number.isInteger(inputs[k]) || inputs[k] < 0)
      failures.push({ property: k, reason: `${k} must be an integer of at least 0` });
  const mins = inputs.minLower + inputs.minUpper + inputs.minNumeric + inputs.minSpecial;
  if (failures.length === 0 && inputs.length < mins)
    failures.push({
      property: "length",
      reason: `length (${inputs.length}) must be at least the sum of the minimums (${mins})`,
    });
  if (!inputs.lower && !inputs.upper && !inputs.numeric && !inputs.special)
    failures.push({
      property: "lower",
      reason: "at least one of lower, upper, numeric and special must be true",
    });
  return { inputs, failures };
}

/** The special characters in force. Pure. */
export function specialChars(inputs: Pick<PasswordInputs, "overrideSpecial">): string {
  return inputs.overrideSpecial ? inputs.overrideSpecial : DEFAULT_SPECIAL;
}

/**
 * A password as random_password makes one: each class's minimum (a minimum counts even when its
 * class is off, as upstream does), the rest from every enabled class, then shuffled.
 * `pick(n)` returns an integer in [0, n). Pure given `pick`.
 */
export function generatePassword(
  inputs: PasswordInputs,
  pick: (n: number) => number = (n) => randomInt(n),
): string {
  const special = specialChars(inputs);
  const all =
    (inputs.upper ? UPPER : "") +
    (inputs.lower ? LOWER : "") +
    (inputs.numeric ? NUMERIC : "") +
    (inputs.special ? special : "");
  const out: string[] = [];
  const take = (chars: string, n: number) => {
    for (let i = 0; i < n; i++) out.push(chars[pick(chars.length)]);
  };
  take(NUMERIC, inputs.minNumeric);
  take(LOWER, inputs.minLower);
  take(UPPER, inputs.minUpper);
  take(special, inputs.minSpecial);
  take(all, inputs.length - out.length);
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.join("");
}

/** The id inputs, or the failures. Pure. */
export function checkId(raw: Record<string, unknown>): { inputs: IdInputs; failures: Failure[] } {
  const inputs: IdInputs = {
    byteLength: int(raw.byteLength, NaN),
    ...(typeof raw.prefix === "string" ? { prefix: raw.prefix } : {}),
    ...(raw.keepers && typeof raw.keepers === "object"
      ? { keepers: raw.keepers as Record<string, unknown> }
      : {}),
  };
  const failures =
    Number.isInteger(inputs.byteLength) && inputs.byteLength >= 1
      ? []
      : [{ property: "byteLength", reason: "byteLength must be an integer of at least 1" }];
  return { inputs, failures };
}

export interface IdOutputs {
  id: string;
  hex: string;
  b64Url: string;
  b64Std: string;
  dec: string;
}

/** random_id's outputs of the given bytes: each encoding prefixed; the id is not. Pure. */
export function idOutputs(bytes: Buffer, prefix = ""): IdOutputs {
  const b64Url = bytes.toString("base64url");
  return {
    id: b64Url,
    hex: prefix + bytes.toString("hex"),
    b64Url: prefix + b64Url,
    b64Std: prefix + bytes.toString("base64"),
    dec: prefix + BigInt(`0x${bytes.toString("hex")}`).toString(10),
  };
}

export function randomIdBytes(byteLength: number): Buffer {
  return randomBytes(byteLength);
}

/**
 * The inputs whose change replaces the resource (all of them, as in the real provider), comparing
 * the new inputs with the old state. Pure.
 */
export function replacedInputs(keys: readonly string[], olds: object, news: object): string[] {
  const o = olds as Record<string, unknown>;
  const n = news as Record<string, unknown>;
  return keys.filter((k) => canonical(o[k]) !== canonical(n[k]));
}

/** JSON with sorted keys (a map's order on the wire is not meaningful). Pure. */
export function canonical(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}
