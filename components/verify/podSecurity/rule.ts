// One Pod Security Standards rule, as Kubernetes' pod-security-admission (policy/check_*.go)
// defines it for version "latest": the level it belongs to and what it forbids in a pod spec.
import { allContainers, Container, PodSpec } from "../../render/pods";

export type Level = "privileged" | "baseline" | "restricted";

export interface Finding {
  /** Field path inside the pod spec. */
  field: string;
  message: string;
  fix: string;
}

export interface PodSecurityRule {
  id: string;
  level: Exclude<Level, "privileged">;
  check(spec: PodSpec): Finding[];
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
