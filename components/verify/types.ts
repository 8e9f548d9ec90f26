// The shape every verify check shares: a pure function from the rendered platform to violations,
// each naming the object, the field and the fix (modelled on Kubernetes' pod-security-admission
// policy package: one check per file, all listed in one registry, table tests per rule).
import { K8sObject } from "../lib/k8s";
import { RenderedObject } from "../render/objects";
import { ChartValues, NotRendered } from "../render/render";
import { Registration } from "../plan/recorder";

export interface Violation {
  check: string;
  /** "Kind namespace/name" of the object at fault. */
  object: string;
  component: string;
  field: string;
  message: string;
  fix: string;
}

/** What a check finds: a violation without the check's name, which runCheck takes from the Check. */
export type Fault = Omit<Violation, "check">;

/** What the checks read: the rendered objects and what the program registered. */
export interface VerifyInput {
  objects: RenderedObject[];
  registrations: Registration[];
  chartValues: ChartValues[];
  notRendered: NotRendered[];
  /** values.yaml (and values.schema.json) of each pinned chart, by chart name and version. */
  chartDefaults?: (chart: string, version: string) => ChartDefaults | undefined;
}

export interface ChartDefaults {
  values: Record<string, unknown>;
  schema?: Record<string, unknown>;
  /** Subcharts (by alias or name): their keys are the subchart's, not checked against ours. */
  subcharts: string[];
}

export interface Check<Name extends string = string> {
  /** The name each of its violations carries, and its row in docs/verify.md. */
  name: Name;
  /** What the check guarantees, one Markdown sentence: its row in docs/verify.md's table. */
  description: string;
  /**
   * What it cannot see of what it guarantees (Markdown), beside the description in the table.
   * @default nothing beyond the limits every check shares (docs/verify.md, "What verify cannot see")
   */
  cannotSee?: string;
  run(input: VerifyInput): Fault[];
}

/** A check, its name kept as a literal type, so tables keyed by check name cover every check. */
export function defineCheck<Name extends string>(check: Check<Name>): Check<Name> {
  return check;
}

/** Run one check: its faults, each carrying the check's own name. Pure. */
export function runCheck(check: Check, input: VerifyInput): Violation[] {
  return check.run(input).map((f) => ({ check: check.name, ...f }));
}

/** A fault in one rendered object. */
export function fault(
  o: RenderedObject | { object: K8sObject; component: string },
  field: string,
  message: string,
  fix: string,
): Fault {
  const m = o.object.metadata;
  return {
    object: `${o.object.kind} ${m.namespace ? `${m.namespace}/` : ""}${m.name}`,
    component: o.component,
    field,
    message,
    fix,
  };
}
