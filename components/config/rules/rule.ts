// What a cross-section rule is. A file of its own, below the rule files and the list that registers
// them, so that each imports it without importing the other.
import type { RuleCtx } from "../issue";
import type { PlatformConfig } from "../sections/platform";

/** A rule across sections: its id (corpus cases name it), what it refuses and why, and the check. */
export interface CrossSectionRule {
  readonly id: string;
  readonly description: string;
  /** Reports each problem with issue(), at the path of the field to change. */
  check(cfg: PlatformConfig, ctx: RuleCtx): void;
}
