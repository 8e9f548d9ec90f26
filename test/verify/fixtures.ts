// Shared builders for the verify tests (GIVEN / WHEN / THEN tables): rendered objects and the
// VerifyInput around them, workloads, namespaces and Istio chart values; and the shape of a check's
// table of cases, which <check>.cases.ts files fill and <check>.test.ts and registry.test.ts run.
import { expect, it } from "vitest";
import { K8sObject } from "../../components/lib/k8s";
import { Registration } from "../../components/plan/recorder";
import { RenderedObject } from "../../components/render/objects";
import { PodSpec } from "../../components/render/pods";
import { ChartValues } from "../../components/render/render";
import { Check, runCheck, VerifyInput } from "../../components/verify/types";
import { charts } from "../../components/versions";

export const SRC = "urn:pulumi:t::p::kubernetes:kustomize/v2:Directory::app";

/** An object as the render yields it: from the kustomization SRC, component "app". */
export function rendered(object: K8sObject, extra: Partial<RenderedObject> = {}): RenderedObject {
  const ns = object.metadata.namespace ? `${object.metadata.namespace}/` : "";
  return {
    object,
    urn: `${SRC}$kubernetes:${object.apiVersion}:${object.kind}::app:${ns}${object.metadata.name}`,
    component: "app",
    origin: "kustomize",
    source: SRC,
    dependsOn: [],
    ...extra,
  };
}

/** A registration as the recorder yields it. */
export function registration(urn: string, type: string, name: string): Registration {
  return {
    urn,
    type,
    name,
    parent: "",
    custom: false,
    inputs: {},
    dependsOn: [],
    protect: false,
    retainOnDelete: false,
    deletedWith: "",
    transforms: 1,
    aliases: [],
  };
}

/** What the checks read: these objects, the kustomization SRC they came from, and the rest. */
export function input(
  objects: (RenderedObject | K8sObject)[],
  rest: Partial<Omit<VerifyInput, "objects">> = {},
): VerifyInput {
  return {
    objects: objects.map((o) =>
      "object" in o && "urn" in o ? (o as RenderedObject) : rendered(o as K8sObject),
    ),
    registrations: [registration(SRC, "kubernetes:kustomize/v2:Directory", "app")],
    chartValues: [],
    notRendered: [],
    ...rest,
  };
}

export function namespace(name: string, labels: Record<string, string> = {}): K8sObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } };
}

/** A namespace enforcing a Pod Security level, meshed or not. */
export function enforcing(
  name: string,
  level: "baseline" | "restricted",
  meshed = false,
): K8sObject {
  return namespace(name, {
    "pod-security.kubernetes.io/enforce": level,
    ...(meshed ? { "istio-injection": "enabled" } : {}),
  });
}

/** A container that passes Pod Security "restricted" once the pod sets a seccomp profile. */
export const RESTRICTED_CONTAINER = {
  name: "web",
  image: "ghcr.io/kubeflow/kubeflow/central-dashboard:v1.10.0",
  securityContext: {
    allowPrivilegeEscalation: false,
    runAsNonRoot: true,
    capabilities: { drop: ["ALL"] },
  },
};

/** A pod spec that passes Pod Security "restricted" on its own. */
export const RESTRICTED_POD: PodSpec = {
  securityContext: { seccompProfile: { type: "RuntimeDefault" } },
  containers: [RESTRICTED_CONTAINER],
};

/** A Deployment in `ns` running `spec` (default: the restricted pod), pods labelled `labels`. */
export function deployment(
  name: string,
  ns: string,
  spec: Partial<PodSpec> = {},
  labels: Record<string, string> = { app: name },
): K8sObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns },
    spec: {
      template: { metadata: { labels }, spec: { ...structuredClone(RESTRICTED_POD), ...spec } },
    },
  };
}

export function service(name: string, ns: string, spec: Record<string, unknown> = {}): K8sObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns }, spec };
}

export function configMap(name: string, ns: string, data: Record<string, string>): K8sObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: ns }, data };
}

/** The istiod (and, with CNI, the cni) chart values: Istio CNI on or off, a proxy seccomp or none. */
export function istiod(cni: boolean, proxySeccomp: boolean): ChartValues[] {
  return [
    {
      urn: "istiod",
      pin: charts.istiod,
      values: {
        pilot: { cni: { enabled: cni } },
        global: { proxy: proxySeccomp ? { seccompProfile: { type: "RuntimeDefault" } } : {} },
      },
    },
    ...(cni ? [{ urn: "cni", pin: charts.istioCni, values: {} }] : []),
  ];
}

/** THEN: a violation at "<Kind ns/name> <field>" whose message contains the second string. */
export type Expected = [at: string, message: string];

export interface FailingCase {
  /** GIVEN: the situation, as the test name states it. */
  given: string;
  input: VerifyInput;
  /** THEN: every violation the check reports, in order (never none: a failing case fails). */
  then: [Expected, ...Expected[]];
}

export interface PassingCase {
  given: string;
  input: VerifyInput;
}

/** A check's table: bad objects with what it reports, and good ones it passes. */
export interface CheckCases {
  failing: FailingCase[];
  passing: PassingCase[];
}

/** Table rows with their test names in full (it.each's $field placeholders shorten long strings). */
export const named = <T>(name: (row: T) => string, rows: T[]) =>
  rows.map((r) => [name(r), r] as const);

/** What one check reports, as [at, message] pairs. */
export function found(check: Check, i: VerifyInput): [string, string][] {
  return runCheck(check, i).map((v) => [`${v.object} ${v.field}`, v.message]);
}

/** The table tests of one check: each failing case reports exactly its THEN, each passing nothing. */
export function tableTests(check: Check, cases: CheckCases): void {
  it("has a failing and a passing case", () => {
    expect(cases.failing.length).toBeGreaterThan(0);
    expect(cases.passing.length).toBeGreaterThan(0);
  });
  it.each(named((c) => c.given, cases.failing))(
    "GIVEN %s THEN it is reported",
    (_given, { input: i, then }) => {
      expect(found(check, i)).toEqual(then.map(([at, m]) => [at, expect.stringContaining(m)]));
    },
  );
  it.each(named((c) => c.given, cases.passing))(
    "GIVEN %s THEN it passes",
    (_given, { input: i }) => {
      expect(found(check, i)).toEqual([]);
    },
  );
}
