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

export interface Check {
  name: string;
  /** One line: what the check guarantees. */
  description: string;
  run(input: VerifyInput): Violation[];
}

/** A violation about one rendered object. */
export function violation(
  check: string,
  o: RenderedObject | { object: K8sObject; component: string },
  field: string,
  message: string,
  fix: string,
): Violation {
  const m = o.object.metadata;
  return {
    check,
    object: `${o.object.kind} ${m.namespace ? `${m.namespace}/` : ""}${m.name}`,
    component: o.component,
    field,
    message,
    fix,
  };
}
