// The vocabulary every config rule and the error formatter share: where a problem is (a path), how a
// rule reports one (issue) and what its fix sets (Edit). A leaf: it imports nothing of the config,
// so a section, the cross-section rules and errors.ts can all use it without importing each other.
import { z } from "zod";

/** A path from the platform config's root: ["cluster", "gpuPools", 0, "nodeSelector", "x.y/z"]. */
export type ConfigPath = readonly (string | number)[];

/** A field a fix sets: `value` at the problem's own path, or at `path` (from the config's root). */
export interface Edit {
  value: unknown;
  path?: ConfigPath;
  secret?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rules attach at several levels
export type RuleCtx = z.RefinementCtx<any>;

/** Report a cross-field rule's problem: the path, what is wrong, the bad value and the fix. */
export function issue(
  ctx: RuleCtx,
  path: (string | number)[],
  message: string,
  input: unknown,
  fix: string,
  edits?: Edit[],
) {
  ctx.addIssue({ code: "custom", path, message, input, params: { fix, edits } });
}

/** The indexes of the values that repeat an earlier one, in order. Pure. */
export function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i);
    seen.add(v);
  });
  return out;
}
