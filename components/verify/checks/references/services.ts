// Service hosts: a value naming <service>.<namespace>.svc[.cluster.local][:port] (in env, ConfigMaps
// and VirtualService routes) names a Service that exists, and a port it has.
import { has, key, ObjectIndex, Ref } from "../../objectIndex";

const SERVICE_HOST = /^([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?(?::(\d+))?$/;

/** A value naming <service>.<namespace>.svc[:port]: that Service (and port) must exist. Pure. */
export function serviceHost(value: string, field: string, ix: ObjectIndex): Ref[] {
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
