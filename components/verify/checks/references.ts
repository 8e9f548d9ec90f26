// References: what one object names, another must be. Pods' Secrets, ConfigMaps (and their keys),
// PVCs and ServiceAccounts; Service hosts and ports named in env, ConfigMaps and VirtualServices;
// VirtualServices' gateways; roleRefs; webhook services; certificate issuers; Gateway and
// NetworkPolicy selectors (with the labels Istio's injector adds). Lookups in namespaces that an
// unrendered chart writes into are skipped (unknown, not wrong).
import { RenderedObject } from "../../render/objects";
import { isInjected } from "../../render/istioInjection";
import { allContainers, namespacesOf, PodTemplate, podTemplates } from "../../render/pods";
import { Check, violation, Violation, VerifyInput } from "../types";
import { everythingRendered, unrenderedNamespaces } from "../unrendered";

const SERVICE_HOST = /^([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?(?::(\d+))?$/;
// Cluster roles every cluster has.
const BUILTIN_CLUSTER_ROLES = /^(cluster-admin|admin|edit|view|system:.+)$/;

interface Index {
  byKey: Map<string, RenderedObject>;
  unknownNs: Set<string>;
  complete: boolean;
  /** Secrets cert-manager or controllers create at run time: Certificate secretName. */
  issuedSecrets: Set<string>;
}

const key = (kind: string, ns: string | undefined, name: string) => `${kind}/${ns ?? ""}/${name}`;

function indexOf(input: VerifyInput): Index {
  const byKey = new Map<string, RenderedObject>();
  const issuedSecrets = new Set<string>();
  for (const o of input.objects) {
    byKey.set(key(o.object.kind, o.object.metadata.namespace, o.object.metadata.name), o);
    const secretName = (o.object.spec as { secretName?: string } | undefined)?.secretName;
    if (o.object.kind === "Certificate" && secretName)
      issuedSecrets.add(`${o.object.metadata.namespace}/${secretName}`);
  }
  return {
    byKey,
    unknownNs: unrenderedNamespaces(input),
    complete: everythingRendered(input),
    issuedSecrets,
  };
}

function has(ix: Index, kind: string, ns: string | undefined, name: string): boolean {
  return ix.byKey.has(key(kind, ns, name)) || (ns !== undefined && ix.unknownNs.has(ns));
}

type Ref = { field: string; message: string; fix: string };

/** Keys of a ConfigMap or Secret, or undefined when they cannot be known (redacted, controller-filled). */
function keysOf(o: RenderedObject): Set<string> | undefined {
  const maps = ["data", "binaryData", "stringData"].map((f) => o.object[f]);
  if (maps.some((m) => typeof m === "string")) return undefined;
  if (o.object.kind === "Secret" && maps.every((m) => m === undefined)) return undefined;
  return new Set(maps.flatMap((m) => Object.keys((m ?? {}) as object)));
}

function podRefs(pod: PodTemplate, ix: Index): Ref[] {
  const ns = pod.namespace;
  const out: Ref[] = [];
  const need = (kind: string, name: string, field: string, keyName?: string) => {
    if (kind === "Secret" && ix.issuedSecrets.has(`${ns}/${name}`)) return;
    const target = ix.byKey.get(key(kind, ns, name));
    if (!target) {
      if (!has(ix, kind, ns, name))
        out.push({
          field,
          message: `${kind} ${ns}/${name} does not exist`,
          fix: `create ${kind} ${name} in ${ns}, or fix the name`,
        });
      return;
    }
    const keys = keyName ? keysOf(target) : undefined;
    if (keyName && keys && !keys.has(keyName))
      out.push({
        field,
        message: `${kind} ${ns}/${name} has no key ${keyName}`,
        fix: `add ${keyName} to ${kind} ${name}`,
      });
  };
  const spec = pod.spec;
  const sa = spec.serviceAccountName ?? spec.serviceAccount;
  if (sa && sa !== "default") need("ServiceAccount", sa, `${pod.path}.serviceAccountName`);
  const claims = new Set(
    (
      (pod.owner.object.spec as { volumeClaimTemplates?: { metadata: { name: string } }[] })
        .volumeClaimTemplates ?? []
    ).map((t) => t.metadata.name),
  );
  for (const v of spec.volumes ?? []) {
    const vol = v as {
      name: string;
      secret?: { secretName: string; optional?: boolean };
      configMap?: { name: string; optional?: boolean };
      persistentVolumeClaim?: { claimName: string };
    };
    if (vol.secret && !vol.secret.optional)
      need("Secret", vol.secret.secretName, `${pod.path}.volumes[name=${vol.name}]`);
    if (vol.configMap && !vol.configMap.optional)
      need("ConfigMap", vol.configMap.name, `${pod.path}.volumes[name=${vol.name}]`);
    if (vol.persistentVolumeClaim && !claims.has(vol.persistentVolumeClaim.claimName))
      need(
        "PersistentVolumeClaim",
        vol.persistentVolumeClaim.claimName,
        `${pod.path}.volumes[name=${vol.name}]`,
      );
  }
  for (const { list, container } of allContainers(spec)) {
    const at = `${pod.path}.${list}[name=${container.name}]`;
    for (const e of container.envFrom ?? []) {
      const ref = e as {
        configMapRef?: { name: string; optional?: boolean };
        secretRef?: { name: string; optional?: boolean };
      };
      if (ref.configMapRef && !ref.configMapRef.optional)
        need("ConfigMap", ref.configMapRef.name, `${at}.envFrom`);
      if (ref.secretRef && !ref.secretRef.optional)
        need("Secret", ref.secretRef.name, `${at}.envFrom`);
    }
    for (const e of container.env ?? []) {
      const from = e.valueFrom as
        | {
            configMapKeyRef?: { name: string; key: string; optional?: boolean };
            secretKeyRef?: { name: string; key: string; optional?: boolean };
          }
        | undefined;
      if (from?.configMapKeyRef && !from.configMapKeyRef.optional)
        need(
          "ConfigMap",
          from.configMapKeyRef.name,
          `${at}.env[${e.name}]`,
          from.configMapKeyRef.key,
        );
      if (from?.secretKeyRef && !from.secretKeyRef.optional)
        need("Secret", from.secretKeyRef.name, `${at}.env[${e.name}]`, from.secretKeyRef.key);
      if (e.value) out.push(...serviceHost(e.value, `${at}.env[${e.name}]`, ix));
    }
  }
  return out;
}

/** A value naming <service>.<namespace>.svc[:port]: that Service (and port) must exist. */
function serviceHost(value: string, field: string, ix: Index): Ref[] {
  const m = SERVICE_HOST.exec(value.trim());
  if (!m) return [];
  const [, name, ns, port] = m;
  const svc = ix.byKey.get(key("Service", ns, name));
  if (!svc)
    return has(ix, "Service", ns, name)
      ? []
      : [
          {
            field,
            message: `Service ${ns}/${name} does not exist`,
            fix: `point ${field} at an existing Service`,
          },
        ];
  const ports = ((svc.object.spec as { ports?: { port: number }[] }).ports ?? []).map(
    (p) => p.port,
  );
  return port && !ports.includes(Number(port))
    ? [
        {
          field,
          message: `Service ${ns}/${name} has no port ${port} (has ${ports.join(", ")})`,
          fix: "use one of the Service's ports",
        },
      ]
    : [];
}

type Route = { destination?: { host?: string; port?: { number?: number } } };

function objectRefs(o: RenderedObject, ix: Index): Ref[] {
  const obj = o.object;
  const ns = obj.metadata.namespace;
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  const out: Ref[] = [];
  if (obj.kind === "VirtualService") {
    for (const g of (spec.gateways as string[] | undefined) ?? []) {
      if (g === "mesh") continue;
      const [gns, gname] = g.includes("/") ? g.split("/") : [ns, g];
      if (!has(ix, "Gateway", gns, gname))
        out.push({
          field: "spec.gateways",
          message: `Gateway ${gns}/${gname} does not exist`,
          fix: "name an existing Gateway",
        });
    }
    for (const [i, h] of ((spec.http as { route?: Route[] }[] | undefined) ?? []).entries())
      for (const r of h.route ?? []) {
        const host = r.destination?.host ?? "";
        const full = host.includes(".") ? host : `${host}.${ns}.svc`;
        const port = r.destination?.port?.number;
        out.push(
          ...serviceHost(
            port
              ? `${full.replace(/\.cluster\.local$/, "")}:${port}`
              : full.replace(/\.cluster\.local$/, ""),
            `spec.http[${i}].route.destination`,
            ix,
          ),
        );
      }
  }
  if ((obj.kind === "RoleBinding" || obj.kind === "ClusterRoleBinding") && obj.roleRef) {
    const ref = obj.roleRef as { kind: string; name: string };
    const ok =
      ref.kind === "Role"
        ? has(ix, "Role", ns, ref.name)
        : BUILTIN_CLUSTER_ROLES.test(ref.name) ||
          ix.byKey.has(key("ClusterRole", undefined, ref.name)) ||
          !ix.complete;
    if (!ok)
      out.push({
        field: "roleRef",
        message: `${ref.kind} ${ref.name} does not exist`,
        fix: "bind an existing role",
      });
  }
  if (/WebhookConfiguration$/.test(obj.kind))
    for (const w of (obj.webhooks ?? []) as {
      name: string;
      clientConfig?: { service?: { name: string; namespace: string } };
    }[]) {
      const s = w.clientConfig?.service;
      if (s && !has(ix, "Service", s.namespace, s.name))
        out.push({
          field: `webhooks[name=${w.name}].clientConfig.service`,
          message: `Service ${s.namespace}/${s.name} does not exist`,
          fix: "name the webhook's Service",
        });
    }
  if (obj.kind === "Certificate" && obj.apiVersion.startsWith("cert-manager.io")) {
    const ref = spec.issuerRef as { kind?: string; name: string } | undefined;
    const kind = ref?.kind ?? "Issuer";
    if (
      ref &&
      !(kind === "ClusterIssuer"
        ? ix.byKey.has(key("ClusterIssuer", undefined, ref.name))
        : has(ix, "Issuer", ns, ref.name))
    )
      out.push({
        field: "spec.issuerRef",
        message: `${kind} ${ref.name} does not exist`,
        fix: "name an existing issuer",
      });
  }
  if (obj.kind === "ConfigMap")
    for (const [k, v] of Object.entries((obj.data ?? {}) as Record<string, string>))
      if (typeof v === "string") out.push(...serviceHost(v, `data.${k}`, ix));
  return out;
}

/** The labels a pod carries once admitted: its own, plus the injector's canonical name. Pure. */
function admittedLabels(pod: PodTemplate, injected: boolean): Record<string, string> {
  if (!injected || pod.labels["service.istio.io/canonical-name"]) return pod.labels;
  const canonical =
    pod.labels["app.kubernetes.io/name"] ?? pod.labels.app ?? pod.owner.object.metadata.name;
  return { ...pod.labels, "service.istio.io/canonical-name": canonical };
}

type PolicyRule = { from?: Record<string, unknown>[]; ports?: { port?: number | string }[] };
type Policy = {
  podSelector?: { matchLabels?: Record<string, string> };
  policyTypes?: string[];
  ingress?: PolicyRule[];
};

const matches = (sel: Record<string, string> | undefined, labels: Record<string, string>) =>
  Object.entries(sel ?? {}).every(([k, v]) => labels[k] === v);

/** Whether an ingress rule lets the API server (outside every namespace) reach a port. Pure. */
function admitsApiServer(rule: PolicyRule, port: number, portName?: string): boolean {
  const portOk =
    !rule.ports?.length ||
    rule.ports.some((p) => p.port === undefined || p.port === port || p.port === portName);
  const fromAnywhere =
    !rule.from?.length ||
    rule.from.some((f) => {
      const block = f.ipBlock as { cidr?: string } | undefined;
      return (
        block?.cidr === "0.0.0.0/0" ||
        (f.namespaceSelector !== undefined &&
          Object.keys(f.namespaceSelector as object).length === 0 &&
          !f.podSelector)
      );
    });
  return portOk && fromAnywhere;
}

/**
 * Webhooks reachable under an enforcing CNI: when a NetworkPolicy isolates a webhook's pods, one
 * of the policies selecting them must let the API server in on the webhook's port. (Upstream's
 * kubeflow-system policies select Istio canonical names: a pod labelled otherwise is isolated by
 * default-allow-same-namespace and its webhook times out.)
 */
function webhookReachability(
  input: VerifyInput,
  ix: Index,
  pods: { p: PodTemplate; labels: Record<string, string> }[],
): Violation[] {
  const out: Violation[] = [];
  const policies = input.objects.filter((o) => o.object.kind === "NetworkPolicy");
  for (const cfg of input.objects) {
    if (!/WebhookConfiguration$/.test(cfg.object.kind)) continue;
    for (const w of (cfg.object.webhooks ?? []) as {
      name: string;
      clientConfig?: { service?: { name: string; namespace: string; port?: number } };
    }[]) {
      const s = w.clientConfig?.service;
      const svc = s && ix.byKey.get(key("Service", s.namespace, s.name));
      if (!s || !svc) continue;
      const spec = svc.object.spec as {
        selector?: Record<string, string>;
        ports?: { port: number; targetPort?: number | string }[];
      };
      const target = (spec.ports ?? []).find((p) => p.port === (s.port ?? 443))?.targetPort;
      for (const { p, labels } of pods) {
        if (p.namespace !== s.namespace || !spec.selector || !matches(spec.selector, labels))
          continue;
        const named = allContainers(p.spec)
          .flatMap(({ container }) => container.ports ?? [])
          .find((cp) => cp.name === target || cp.containerPort === target);
        const port = typeof target === "number" ? target : (named?.containerPort ?? s.port ?? 443);
        const isolating = policies.filter((n) => {
          const ps = n.object.spec as Policy;
          return (
            n.object.metadata.namespace === s.namespace &&
            (ps.policyTypes ?? ["Ingress"]).includes("Ingress") &&
            matches(ps.podSelector?.matchLabels, labels)
          );
        });
        if (!isolating.length) continue;
        if (
          isolating.some((n) =>
            ((n.object.spec as Policy).ingress ?? []).some((r) =>
              admitsApiServer(r, port, named?.name),
            ),
          )
        )
          continue;
        out.push(
          violation(
            "references",
            p.owner,
            `${p.path} (NetworkPolicy)`,
            `webhook ${w.name} is unreachable: NetworkPolicies ${isolating.map((n) => n.object.metadata.name).join(", ")} isolate its pods and none admits port ${port} from the API server`,
            "label the pods as the namespace's webhook policy selects (e.g. service.istio.io/canonical-name), or allow the port",
          ),
        );
      }
    }
  }
  return out;
}

function selectorRefs(input: VerifyInput, ix: Index): Violation[] {
  const namespaces = namespacesOf(input.objects);
  const pods = podTemplates(input.objects).map((p) => ({
    p,
    labels: admittedLabels(p, isInjected(namespaces.get(p.namespace), p)),
  }));
  const out: Violation[] = webhookReachability(input, ix, pods);
  for (const o of input.objects) {
    const spec = (o.object.spec ?? {}) as { selector?: Record<string, string> };
    if (
      o.object.kind === "Gateway" &&
      o.object.apiVersion.startsWith("networking.istio.io") &&
      spec.selector &&
      ix.unknownNs.size === 0 &&
      !pods.some(({ labels }) => matches(spec.selector, labels))
    )
      out.push(
        violation(
          "references",
          o,
          "spec.selector",
          "selects no gateway pod",
          "match the gateway Deployment's pod labels",
        ),
      );
  }
  return out;
}

export const references: Check = {
  name: "references",
  description:
    "what an object names (Secrets, ConfigMaps, keys, PVCs, ServiceAccounts, Services and ports, gateways, roles, issuers, selectors) exists",
  run(input) {
    const ix = indexOf(input);
    const out: Violation[] = [];
    for (const pod of podTemplates(input.objects))
      for (const r of podRefs(pod, ix))
        out.push(violation("references", pod.owner, r.field, r.message, r.fix));
    for (const o of input.objects)
      for (const r of objectRefs(o, ix))
        out.push(violation("references", o, r.field, r.message, r.fix));
    return [...out, ...selectorRefs(input, ix)];
  },
};
