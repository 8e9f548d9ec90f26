// One Pod Security Standards rule, as Kubernetes' pod-security-admission (policy/check_*.go)
// defines it for version "latest": the level it belongs to and what it forbids in a pod spec. Each
// rule's file opens, as upstream's do, with the fields it restricts and the values it allows.
import { allContainers, Container, PodSpec } from "../../render/pods";

export type Level = "privileged" | "baseline" | "restricted";

export interface Finding {
  /** Field path inside the pod spec. */
  field: string;
  message: string;
  fix: string;
}

export interface PodSecurityRule<Id extends string = string> {
  /** Upstream's check name, less its level suffix where one rule has a baseline and a restricted form. */
  id: Id;
  level: Exclude<Level, "privileged">;
  check(spec: PodSpec): Finding[];
}

/** A rule, its id kept as a literal type, so tables keyed by rule id cover every rule. */
export function defineRule<Id extends string>(rule: PodSecurityRule<Id>): PodSecurityRule<Id> {
  return rule;
}

/** Each container with its field path, e.g. containers[name=istio-proxy]. */
export function containersOf(spec: PodSpec): { path: string; c: Container }[] {
  return allContainers(spec).map(({ list, container }) => ({
    path: `${list}[name=${container.name}]`,
    c: container,
  }));
}

export function sc(c: Container): Record<string, unknown> {
  return (c.securityContext ?? {}) as Record<string, unknown>;
}

/** A container's capabilities, absent lists as empty. */
export function capabilitiesOf(c: Container): { add: string[]; drop: string[] } {
  const v = (sc(c).capabilities ?? {}) as { add?: string[]; drop?: string[] };
  return { add: v.add ?? [], drop: v.drop ?? [] };
}

/** The seccomp profile type of a pod or container security context, if it sets one. */
export function seccompType(
  securityContext: Record<string, unknown> | undefined,
): string | undefined {
  return (securityContext?.seccompProfile as { type?: string } | undefined)?.type;
}
