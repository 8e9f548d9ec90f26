// A managed service outside the cluster: ExternalName for a DNS name, a selector-less Service and
// an EndpointSlice for an IP (cluster DNS answers no CNAME to an IP-shaped ExternalName).
import { describe, expect, it } from "vitest";
import { addressTypeOf, externalServiceObjects } from "../../components/foundation/externalService";

const base = {
  name: "mysql",
  namespace: "kubeflow-data",
  labels: { app: "mysql" },
  port: 3306,
  portName: "mysql",
};

describe("externalServiceObjects", () => {
  it("a DNS name (RDS endpoint, Azure flexible server FQDN): one ExternalName Service, no slice", () => {
    const o = externalServiceObjects({ ...base, host: "db.mysql.database.azure.com" });
    expect(o.service.spec).toEqual({
      type: "ExternalName",
      externalName: "db.mysql.database.azure.com",
    });
    expect(o.endpointSlice).toBeUndefined();
  });

  it("an IPv4 address (Cloud SQL private IP): a Service without selector and its EndpointSlice", () => {
    const o = externalServiceObjects({ ...base, host: "10.100.0.3", addressType: "IPv4" });
    expect(o.service.spec).toEqual({
      type: "ClusterIP",
      ports: [{ name: "mysql", port: 3306, targetPort: 3306, protocol: "TCP" }],
    });
    expect(o.endpointSlice).toEqual({
      metadata: {
        name: "mysql",
        namespace: "kubeflow-data",
        labels: {
          app: "mysql",
          "kubernetes.io/service-name": "mysql",
          "endpointslice.kubernetes.io/managed-by": "kubeflow-platform",
        },
      },
      addressType: "IPv4",
      ports: [{ name: "mysql", port: 3306, protocol: "TCP" }],
      endpoints: [{ addresses: ["10.100.0.3"], conditions: { ready: true } }],
    });
  });

  it("the slice's port name is the Service's (kube-proxy matches them by name)", () => {
    const o = externalServiceObjects({ ...base, host: "fd00::3", addressType: "IPv6" });
    const svcPorts = (o.service.spec as { ports: { name: string }[] }).ports.map((p) => p.name);
    expect((o.endpointSlice!.ports as { name: string }[]).map((p) => p.name)).toEqual(svcPorts);
    expect(o.endpointSlice!.addressType).toBe("IPv6");
  });

  it("addressTypeOf tells addresses from names", () => {
    expect(addressTypeOf("10.1.2.3")).toBe("IPv4");
    expect(addressTypeOf("fd00::3")).toBe("IPv6");
    expect(addressTypeOf("mysql.managed.invalid")).toBeUndefined();
    expect(addressTypeOf("10.1.2.3.nip.io")).toBeUndefined();
    expect(addressTypeOf("999.1.2.3")).toBeUndefined();
  });
});
