// Every verify check, in one list: the order of the report.
import { podSecurity } from "./checks/podSecurity";
import { Check, VerifyInput, Violation } from "./types";

export const CHECKS: Check[] = [podSecurity];

/** Run every check over a render. Pure. */
export function verify(input: VerifyInput, checks: Check[] = CHECKS): Violation[] {
  return checks.flatMap((c) => c.run(input));
}
