// references: what one object names exists — pods' ServiceAccounts, volumes and env (pods.ts),
// Service hosts and ports (services.ts), VirtualServices, roleRefs, webhook Services, issuers and
// ConfigMap hosts (objects.ts), Gateway selectors (selectors.ts).
import { K8sObject } from "../../components/lib/k8s";
import { PodSpec } from "../../components/render/pods";
import {
  CheckCases,
  configMap,
  deployment,
  input,
  namespace,
  registration,
  RESTRICTED_CONTAINER,
  RESTRICTED_POD,
  service,
  SRC,
} from "./fixtures";

const cfg = configMap("cfg", "kubeflow", { a: "1" });
const mysql = service("mysql", "kubeflow-data", {
  selector: { app: "mysql" },
  ports: [{ port: 3306 }],
});
const W = "Deployment kubeflow/w spec.template.spec";
const C = `${W}.containers[name=web]`;

/** A Deployment "w" in kubeflow whose one container has these extra fields. */
const pod = (container: Record<string, unknown>, spec: Partial<PodSpec> = {}): K8sObject =>
  deployment("w", "kubeflow", { containers: [{ ...RESTRICTED_CONTAINER, ...container }], ...spec });
const env = (...vars: Record<string, unknown>[]) => pod({ env: vars });

const virtualService = (spec: Record<string, unknown>): K8sObject => ({
  apiVersion: "networking.istio.io/v1",
  kind: "VirtualService",
  metadata: { name: "vs", namespace: "kubeflow" },
  spec,
});
const binding = (roleRef: Record<string, string>): K8sObject => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "RoleBinding",
  metadata: { name: "b", namespace: "kubeflow" },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", ...roleRef },
});
const webhook = (svc: string): K8sObject => ({
  apiVersion: "admissionregistration.k8s.io/v1",
  kind: "MutatingWebhookConfiguration",
  metadata: { name: "m" },
  webhooks: [
    { name: "m.kubeflow.org", clientConfig: { service: { name: svc, namespace: "kubeflow" } } },
  ],
});
const certificate = (issuerRef: Record<string, string>, secretName = "tls"): K8sObject => ({
  apiVersion: "cert-manager.io/v1",
  kind: "Certificate",
  metadata: { name: "cert", namespace: "kubeflow" },
  spec: { secretName, issuerRef },
});
const gateway = (selector: Record<string, string>): K8sObject => ({
  apiVersion: "networking.istio.io/v1",
  kind: "Gateway",
  metadata: { name: "kubeflow-gateway", namespace: "kubeflow" },
  spec: { selector },
});
// A StatefulSet whose optional references are absent, whose claim is its own template's, and whose
// TLS Secret a Certificate issues at run time.
const statefulSet: K8sObject = {
  apiVersion: "apps/v1",
  kind: "StatefulSet",
  metadata: { name: "w", namespace: "kubeflow" },
  spec: {
    volumeClaimTemplates: [{ metadata: { name: "data" } }],
    template: {
      metadata: { labels: { app: "w" } },
      spec: {
        ...RESTRICTED_POD,
        containers: [
          {
            ...RESTRICTED_CONTAINER,
            env: [
              {
                name: "S",
                valueFrom: { secretKeyRef: { name: "maybe", key: "k", optional: true } },
              },
            ],
          },
        ],
        volumes: [
          { name: "t", secret: { secretName: "issued" } },
          { name: "d", persistentVolumeClaim: { claimName: "data" } },
          { name: "o", configMap: { name: "absent", optional: true } },
        ],
      },
    },
  },
};
const ingressPods = deployment(
  "istio-ingressgateway",
  "istio-system",
  {},
  { istio: "ingressgateway" },
);

export const referencesCases: CheckCases = {
  failing: [
    {
      given: "env naming a missing ConfigMap key, a missing Secret and a wrong Service port",
      input: input([
        cfg,
        mysql,
        env(
          { name: "A", valueFrom: { configMapKeyRef: { name: "cfg", key: "missing" } } },
          { name: "B", valueFrom: { secretKeyRef: { name: "nope", key: "k" } } },
          { name: "DB", value: "mysql.kubeflow-data.svc.cluster.local:3307" },
        ),
      ]),
      then: [
        [`${C}.env[A]`, "ConfigMap kubeflow/cfg has no key missing"],
        [`${C}.env[B]`, "Secret kubeflow/nope does not exist"],
        [`${C}.env[DB]`, "Service kubeflow-data/mysql has no port 3307 (has 3306)"],
      ],
    },
    {
      given: "env naming a Service that does not exist",
      input: input([env({ name: "DB", value: "mysql.kubeflow-data.svc:3306" })]),
      then: [[`${C}.env[DB]`, "Service kubeflow-data/mysql does not exist"]],
    },
    {
      given: "a pod running as a missing ServiceAccount, with missing volumes and envFrom",
      input: input([
        pod(
          { envFrom: [{ configMapRef: { name: "settings" } }] },
          {
            serviceAccountName: "runner",
            volumes: [
              { name: "s", secret: { secretName: "creds" } },
              { name: "d", persistentVolumeClaim: { claimName: "data" } },
            ],
          },
        ),
      ]),
      then: [
        [`${W}.serviceAccountName`, "ServiceAccount kubeflow/runner does not exist"],
        [`${W}.volumes[name=s]`, "Secret kubeflow/creds does not exist"],
        [`${W}.volumes[name=d]`, "PersistentVolumeClaim kubeflow/data does not exist"],
        [`${C}.envFrom`, "ConfigMap kubeflow/settings does not exist"],
      ],
    },
    {
      given: "a VirtualService naming a missing Gateway and routing to a missing Service",
      input: input([
        virtualService({
          gateways: ["kubeflow/kubeflow-gateway", "mesh"],
          http: [{ route: [{ destination: { host: "dashboard", port: { number: 80 } } }] }],
        }),
      ]),
      then: [
        [
          "VirtualService kubeflow/vs spec.gateways",
          "Gateway kubeflow/kubeflow-gateway does not exist",
        ],
        [
          "VirtualService kubeflow/vs spec.http[0].route.destination",
          "Service kubeflow/dashboard does not exist",
        ],
      ],
    },
    {
      given: "a RoleBinding to a Role that does not exist",
      input: input([binding({ kind: "Role", name: "editor" })]),
      then: [["RoleBinding kubeflow/b roleRef", "Role editor does not exist"]],
    },
    {
      given: "a RoleBinding to a ClusterRole that does not exist, every chart rendered",
      input: input([binding({ kind: "ClusterRole", name: "kubeflow-edit" })]),
      then: [["RoleBinding kubeflow/b roleRef", "ClusterRole kubeflow-edit does not exist"]],
    },
    {
      given: "a webhook whose Service does not exist",
      input: input([webhook("admission-webhook-service")]),
      then: [
        [
          "MutatingWebhookConfiguration m webhooks[name=m.kubeflow.org].clientConfig.service",
          "Service kubeflow/admission-webhook-service does not exist",
        ],
      ],
    },
    {
      given: "a Certificate whose ClusterIssuer does not exist",
      input: input([certificate({ kind: "ClusterIssuer", name: "kubeflow-self-signing-issuer" })]),
      then: [
        [
          "Certificate kubeflow/cert spec.issuerRef",
          "ClusterIssuer kubeflow-self-signing-issuer does not exist",
        ],
      ],
    },
    {
      given: "a ConfigMap naming a Service port that does not exist",
      input: input([
        mysql,
        configMap("pipeline-config", "kubeflow", { dbHost: "mysql.kubeflow-data.svc:3307" }),
      ]),
      then: [
        [
          "ConfigMap kubeflow/pipeline-config data.dbHost",
          "Service kubeflow-data/mysql has no port 3307",
        ],
      ],
    },
    {
      given: "a Gateway whose selector matches no pod",
      input: input([gateway({ istio: "ingress" }), ingressPods]),
      then: [["Gateway kubeflow/kubeflow-gateway spec.selector", "selects no gateway pod"]],
    },
  ],
  passing: [
    {
      given: "env naming an existing key and Service port",
      input: input([
        cfg,
        mysql,
        env(
          { name: "A", valueFrom: { configMapKeyRef: { name: "cfg", key: "a" } } },
          { name: "DB", value: "mysql.kubeflow-data.svc.cluster.local:3306" },
        ),
      ]),
    },
    {
      given: "optional references, a StatefulSet's own claim and a Secret a Certificate issues",
      input: input([
        certificate({ kind: "Issuer", name: "ca" }, "issued"),
        {
          apiVersion: "cert-manager.io/v1",
          kind: "Issuer",
          metadata: { name: "ca", namespace: "kubeflow" },
        },
        statefulSet,
      ]),
    },
    {
      given: "lookups in a namespace an unrendered chart writes into (unknown, not wrong)",
      input: input([env({ name: "DB", value: "mysql.kubeflow-data.svc:3306" })], {
        registrations: [
          registration(SRC, "kubernetes:kustomize/v2:Directory", "app"),
          {
            ...registration("urn:mysql-chart", "kubernetes:helm.sh/v4:Chart", "mysql"),
            inputs: { namespace: "kubeflow-data" },
          },
        ],
        notRendered: [
          { urn: "urn:mysql-chart", what: "chart mysql", reason: "not in the sources" },
        ],
      }),
    },
    {
      given: "bindings to built-in cluster roles, and a Gateway selecting the ingress pods",
      input: input([
        binding({ kind: "ClusterRole", name: "view" }),
        namespace("istio-system"),
        gateway({ istio: "ingressgateway" }),
        ingressPods,
      ]),
    },
  ],
};
