// pod-security: the check (every pod as the Istio injector mutates it, at its namespace's level,
// and the pods controllers create in meshed namespaces) and each Pod Security rule on its own: a
// pod that passes restricted, with the one field the rule forbids set.
import { PodSpec } from "../../components/render/pods";
import { PodSecurityRuleId } from "../../components/verify/podSecurity";
import {
  CheckCases,
  deployment,
  enforcing,
  input,
  istiod,
  RESTRICTED_CONTAINER,
  RESTRICTED_POD,
} from "./fixtures";

const meshedRestricted = enforcing("kubeflow", "restricted", true);
const web = deployment("web", "kubeflow");
// Knative's shape: seccomp on each container, none on the pod (the proxy inherits nothing).
const perContainerSeccomp = deployment("web", "kubeflow", {
  securityContext: {},
  containers: [
    {
      ...RESTRICTED_CONTAINER,
      securityContext: {
        ...RESTRICTED_CONTAINER.securityContext,
        seccompProfile: { type: "RuntimeDefault" },
      },
    },
  ],
});
const hostPath = deployment("web", "kubeflow", {
  volumes: [{ name: "h", hostPath: { path: "/" } }],
});
const POD = "Deployment kubeflow/web spec.template.spec";
const INIT = `${POD}.initContainers[name=istio-init].securityContext`;
const NS_INIT = "Namespace kubeflow initContainers[name=istio-init].securityContext";

export const podSecurityCases: CheckCases = {
  failing: [
    {
      given: "Istio without CNI and a meshed pod in a restricted namespace",
      input: input([meshedRestricted, web], { chartValues: istiod(false, true) }),
      // istio-init runs as root with NET_ADMIN and NET_RAW: refused in the pod, and in every pod
      // a controller creates in the namespace.
      then: [
        [
          `${INIT}.capabilities.add`,
          'refused by Pod Security "restricted" in kubeflow: adds NET_ADMIN, NET_RAW (capabilitiesBaseline)',
        ],
        [`${INIT}.runAsNonRoot`, "may run as root (runAsNonRoot)"],
        [`${INIT}.runAsUser`, "runs as UID 0 (runAsUser)"],
        [`${INIT}.capabilities.add`, "adds NET_ADMIN, NET_RAW (capabilitiesRestricted)"],
        [
          `${NS_INIT}.capabilities.add`,
          "pods created in this restricted namespace are refused once meshed: adds NET_ADMIN, NET_RAW (capabilitiesBaseline)",
        ],
        [`${NS_INIT}.runAsNonRoot`, "may run as root (runAsNonRoot)"],
        [`${NS_INIT}.runAsUser`, "runs as UID 0 (runAsUser)"],
        [`${NS_INIT}.capabilities.add`, "adds NET_ADMIN, NET_RAW (capabilitiesRestricted)"],
      ],
    },
    {
      given: "per-container seccomp only (Knative's shape) and no proxy seccomp",
      input: input([meshedRestricted, perContainerSeccomp], { chartValues: istiod(true, false) }),
      then: [
        [
          `${POD}.initContainers[name=istio-validation].securityContext.seccompProfile`,
          "no RuntimeDefault or Localhost seccomp profile (seccompRestricted)",
        ],
        [
          `${POD}.containers[name=istio-proxy].securityContext.seccompProfile`,
          "no RuntimeDefault or Localhost seccomp profile (seccompRestricted)",
        ],
      ],
    },
    {
      given: "a hostPath volume in a baseline namespace",
      input: input([enforcing("kubeflow", "baseline"), hostPath]),
      then: [
        [
          `${POD}.volumes[name=h].hostPath`,
          'refused by Pod Security "baseline" in kubeflow: hostPath volume (hostPathVolumes)',
        ],
      ],
    },
  ],
  passing: [
    {
      given:
        "Istio with CNI and a proxy seccomp profile, the same pod in a meshed restricted namespace",
      input: input([meshedRestricted, web], { chartValues: istiod(true, true) }),
    },
    {
      given: "Knative's per-container seccomp with a proxy seccomp profile",
      input: input([meshedRestricted, perContainerSeccomp], { chartValues: istiod(true, true) }),
    },
    { given: "a hostPath volume in a namespace that enforces no level", input: input([hostPath]) },
  ],
};

/** A rule's bad pod: the restricted pod with one field changed, and the fields the rule names. */
export interface RuleCase {
  given: string;
  spec: PodSpec;
  /** THEN: every finding of the rule, as field paths inside the pod spec. */
  fields: [string, ...string[]];
}

const pod = (change: Partial<PodSpec>): PodSpec => ({
  ...structuredClone(RESTRICTED_POD),
  ...change,
});
const withContainer = (
  securityContext: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) =>
  pod({
    containers: [
      {
        ...RESTRICTED_CONTAINER,
        ...extra,
        securityContext: { ...RESTRICTED_CONTAINER.securityContext, ...securityContext },
      },
    ],
  });
const C = "containers[name=web]";

export const RULE_CASES: Record<PodSecurityRuleId, RuleCase[]> = {
  hostNamespaces: [
    { given: "hostNetwork", spec: pod({ hostNetwork: true }), fields: ["hostNetwork"] },
    {
      given: "hostPID and hostIPC",
      spec: pod({ hostPID: true, hostIPC: true }),
      fields: ["hostPID", "hostIPC"],
    },
  ],
  privileged: [
    {
      given: "a privileged container",
      spec: withContainer({ privileged: true }),
      fields: [`${C}.securityContext.privileged`],
    },
  ],
  capabilitiesBaseline: [
    {
      given: "a container adding SYS_ADMIN",
      spec: withContainer({ capabilities: { drop: ["ALL"], add: ["SYS_ADMIN"] } }),
      fields: [`${C}.securityContext.capabilities.add`],
    },
  ],
  hostPathVolumes: [
    {
      given: "a hostPath volume",
      spec: pod({ volumes: [{ name: "h", hostPath: { path: "/" } }] }),
      fields: ["volumes[name=h].hostPath"],
    },
  ],
  hostPorts: [
    {
      given: "a host port",
      spec: withContainer({}, { ports: [{ containerPort: 8080, hostPort: 80 }] }),
      fields: [`${C}.ports[containerPort=8080].hostPort`],
    },
  ],
  seccompBaseline: [
    {
      given: "an Unconfined container",
      spec: withContainer({ seccompProfile: { type: "Unconfined" } }, {}),
      fields: [`${C}.securityContext.seccompProfile.type`],
    },
    {
      given: "an Unconfined pod",
      spec: pod({ securityContext: { seccompProfile: { type: "Unconfined" } } }),
      fields: ["securityContext.seccompProfile.type"],
    },
  ],
  procMount: [
    {
      given: "an Unmasked /proc",
      spec: withContainer({ procMount: "Unmasked" }),
      fields: [`${C}.securityContext.procMount`],
    },
  ],
  sysctls: [
    {
      given: "an unsafe sysctl",
      spec: pod({
        securityContext: {
          seccompProfile: { type: "RuntimeDefault" },
          sysctls: [
            { name: "kernel.msgmax", value: "1" },
            { name: "net.ipv4.tcp_syncookies", value: "1" },
          ],
        },
      }),
      fields: ["securityContext.sysctls[name=kernel.msgmax]"],
    },
  ],
  volumeTypes: [
    {
      given: "an nfs volume",
      spec: pod({ volumes: [{ name: "n", nfs: { server: "s", path: "/" } }] }),
      fields: ["volumes[name=n].nfs"],
    },
  ],
  allowPrivilegeEscalation: [
    {
      given: "a container that does not set allowPrivilegeEscalation",
      spec: pod({
        containers: [
          {
            ...RESTRICTED_CONTAINER,
            securityContext: { runAsNonRoot: true, capabilities: { drop: ["ALL"] } },
          },
        ],
      }),
      fields: [`${C}.securityContext.allowPrivilegeEscalation`],
    },
  ],
  runAsNonRoot: [
    {
      given: "a container with runAsNonRoot false",
      spec: withContainer({ runAsNonRoot: false }),
      fields: [`${C}.securityContext.runAsNonRoot`],
    },
    {
      given: "neither the pod nor the container setting runAsNonRoot",
      spec: pod({
        containers: [
          {
            ...RESTRICTED_CONTAINER,
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
          },
        ],
      }),
      fields: [`${C}.securityContext.runAsNonRoot`],
    },
  ],
  runAsUser: [
    {
      given: "a container running as UID 0",
      spec: withContainer({ runAsUser: 0 }),
      fields: [`${C}.securityContext.runAsUser`],
    },
    {
      given: "a pod running as UID 0",
      spec: pod({ securityContext: { seccompProfile: { type: "RuntimeDefault" }, runAsUser: 0 } }),
      fields: ["securityContext.runAsUser"],
    },
  ],
  seccompRestricted: [
    {
      given: "no seccomp profile on the pod or the container",
      spec: pod({ securityContext: {} }),
      fields: [`${C}.securityContext.seccompProfile`],
    },
  ],
  capabilitiesRestricted: [
    {
      given: "a container that does not drop ALL",
      spec: withContainer({ capabilities: {} }),
      fields: [`${C}.securityContext.capabilities.drop`],
    },
    {
      given: "a container adding NET_RAW",
      spec: withContainer({ capabilities: { drop: ["ALL"], add: ["NET_RAW"] } }),
      fields: [`${C}.securityContext.capabilities.add`],
    },
  ],
};
