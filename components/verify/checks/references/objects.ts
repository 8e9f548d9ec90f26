// What other objects name: a VirtualService's gateways and route destinations, a binding's role,
// a webhook's Service, a cert-manager Certificate's issuer, and the Service hosts in a ConfigMap.
import { RenderedObject } from "../../../render/objects";
import { has, key, ObjectIndex, Ref } from "../../objectIndex";
import { serviceHost } from "./services";

// Cluster roles every cluster has.
const BUILTIN_CLUSTER_ROLES = /^(cluster-admin|admin|edit|view|system:.+)$/;

type Route = { destination?: { host?: string; port?: { number?: number } } };

function virtualServiceRefs(o: RenderedObject, ix: ObjectIndex): Ref[] {
  const ns = o.object.metadata.namespace;
  const spec = (o.object.spec ?? {}) as Record<string, unknown>;
  const out: Ref[] = [];
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
  return out;
}

function roleRefs(o: RenderedObject, ix: ObjectIndex): Ref[] {
  const ref = o.object.roleRef as { kind: string; name: string };
  const ok =
    ref.kind === "Role"
      ? has(ix, "Role", o.object.metadata.namespace, ref.name)
      : BUILTIN_CLUSTER_ROLES.test(ref.name) ||
        ix.byKey.has(key("ClusterRole", undefined, ref.name)) ||
        !ix.complete;
  return ok
    ? []
    : [
        {
          field: "roleRef",
          message: `${ref.kind} ${ref.name} does not exist`,
          fix: "bind an existing role",
        },
      ];
}

function webhookServiceRefs(o: RenderedObject, ix: ObjectIndex): Ref[] {
  const out: Ref[] = [];
  for (const w of (o.object.webhooks ?? []) as {
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
  return out;
}

function issuerRefs(o: RenderedObject, ix: ObjectIndex): Ref[] {
  const ref = (o.object.spec as { issuerRef?: { kind?: string; name: string } } | undefined)
    ?.issuerRef;
  if (!ref) return [];
  const kind = ref.kind ?? "Issuer";
  const exists =
    kind === "ClusterIssuer"
      ? ix.byKey.has(key("ClusterIssuer", undefined, ref.name))
      : has(ix, "Issuer", o.object.metadata.namespace, ref.name);
  return exists
    ? []
    : [
        {
          field: "spec.issuerRef",
          message: `${kind} ${ref.name} does not exist`,
          fix: "name an existing issuer",
        },
      ];
}

function configMapHosts(o: RenderedObject, ix: ObjectIndex): Ref[] {
  return Object.entries((o.object.data ?? {}) as Record<string, string>).flatMap(([k, v]) =>
    typeof v === "string" ? serviceHost(v, `data.${k}`, ix) : [],
  );
}

/** What one object (not a pod template) names that is not there. Pure. */
export function objectRefs(o: RenderedObject, ix: ObjectIndex): Ref[] {
  const obj = o.object;
  return [
    ...(obj.kind === "VirtualService" ? virtualServiceRefs(o, ix) : []),
    ...((obj.kind === "RoleBinding" || obj.kind === "ClusterRoleBinding") && obj.roleRef
      ? roleRefs(o, ix)
      : []),
    ...(/WebhookConfiguration$/.test(obj.kind) ? webhookServiceRefs(o, ix) : []),
    ...(obj.kind === "Certificate" && obj.apiVersion.startsWith("cert-manager.io")
      ? issuerRefs(o, ix)
      : []),
    ...(obj.kind === "ConfigMap" ? configMapHosts(o, ix) : []),
  ];
}
