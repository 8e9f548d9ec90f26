// What every data service shares: its volume, its Service and the NetworkPolicy that admits only
// Kubeflow, the data namespace itself and tenants.
import { describe, expect, it } from "vitest";
import {
  DATA_NAMESPACE,
  dataNamespace,
  dataNetworkPolicy,
  dataService,
  dataVolumeClaim,
  restrictedPodSecurity,
} from "../../components/foundation/data";
import { byName } from "../mocks";
import { record } from "./record";

describe("data service objects (pure)", () => {
  it("a volume claim named <app>-data of the size asked, on the StorageClass only when given", () => {
    expect(dataVolumeClaim("minio", 20, "fast")).toMatchObject({
      metadata: { name: "minio-data", namespace: DATA_NAMESPACE },
      spec: {
        accessModes: ["ReadWriteOnce"],
        resources: { requests: { storage: "20Gi" } },
        storageClassName: "fast",
      },
    });
    expect(dataVolumeClaim("minio", 20).spec).not.toHaveProperty("storageClassName");
  });

  it("a Service selecting the app's pods on its one named port", () => {
    expect(dataService("mysql", 3306, "tcp-mysql")).toMatchObject({
      metadata: { name: "mysql", namespace: DATA_NAMESPACE },
      spec: {
        selector: { "app.kubernetes.io/name": "mysql" },
        ports: [{ name: "tcp-mysql", port: 3306, targetPort: 3306 }],
      },
    });
  });

  it("a NetworkPolicy admitting only kubeflow, kubeflow-data and profile namespaces, on the port", () => {
    const policy = dataNetworkPolicy("minio", 9000);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const ingress = (policy.spec as any).ingress;
    expect(ingress).toHaveLength(1);
    expect(ingress[0].ports).toEqual([{ port: 9000, protocol: "TCP" }]);
    expect(
      ingress[0].from.map(
        (f: { namespaceSelector: { matchLabels: object } }) => f.namespaceSelector.matchLabels,
      ),
    ).toEqual([
      { "kubernetes.io/metadata.name": "kubeflow" },
      { "kubernetes.io/metadata.name": DATA_NAMESPACE },
      { "app.kubernetes.io/part-of": "kubeflow-profile" },
    ]);
    expect(policy.spec).toMatchObject({
      podSelector: { matchLabels: { "app.kubernetes.io/name": "minio" } },
      policyTypes: ["Ingress"],
    });
  });

  it("a restricted pod security context, fsGroup only when volumes must be writable", () => {
    expect(restrictedPodSecurity(999, true)).toEqual({
      runAsNonRoot: true,
      runAsUser: 999,
      runAsGroup: 999,
      fsGroup: 999,
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(restrictedPodSecurity(999, false)).not.toHaveProperty("fsGroup");
  });
});

describe("dataNamespace", () => {
  it("is restricted, without sidecars, protected and retained", async () => {
    const regs = await record(() => dataNamespace("kubeflow-data", {}));
    const ns = byName(regs, "kubeflow-data");
    expect(ns).toMatchObject({ protect: true, retainOnDelete: true });
    expect(ns.inputs).toMatchObject({
      metadata: {
        name: DATA_NAMESPACE,
        labels: {
          "pod-security.kubernetes.io/enforce": "restricted",
          "istio-injection": "disabled",
        },
      },
    });
  });
});
