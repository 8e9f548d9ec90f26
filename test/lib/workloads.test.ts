// Replicas and requests on upstream workloads, and the footprint they add up to.
import { describe, expect, it } from "vitest";
import { K8sObject } from "../../components/lib/k8s";
import { appFootprint, mergeResources, workloadSettings } from "../../components/lib/workloads";

const defaults = { workloads: 3, requests: { cpu: "20m", memory: "64Mi" } };
const deployment = (): K8sObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "d" },
  spec: {
    replicas: 1,
    template: {
      spec: {
        containers: [
          {
            name: "main",
            resources: { requests: { cpu: "500m" }, limits: { cpu: "10m", memory: "1Gi" } },
          },
          { name: "kube-rbac-proxy", resources: { requests: { cpu: "5m" } } },
        ],
      },
    },
  },
});
type Spec = { replicas: number; template: { spec: { containers: { resources: unknown }[] } } };

describe("workloadSettings (pure)", () => {
  it("sets the platform's requests on the main container and keeps limits at or above them", () => {
    const out = workloadSettings(defaults, {})(deployment()).spec as Spec;
    expect(out.template.spec.containers[0].resources).toEqual({
      requests: { cpu: "20m", memory: "64Mi" },
      limits: { cpu: "20m", memory: "1Gi" },
    });
    // Sidecars keep upstream's.
    expect(out.template.spec.containers[1].resources).toEqual({ requests: { cpu: "5m" } });
    expect(out.replicas).toBe(1);
  });

  it("applies the user's replicas and resources", () => {
    const out = workloadSettings(defaults, {
      replicas: 2,
      resources: { requests: { memory: "256Mi" }, limits: { memory: "512Mi" } },
    })(deployment()).spec as Spec;
    expect(out.replicas).toBe(2);
    expect(out.template.spec.containers[0].resources).toEqual({
      requests: { cpu: "20m", memory: "256Mi" },
      limits: { cpu: "20m", memory: "512Mi" },
    });
  });

  it("leaves other kinds alone", () => {
    const svc: K8sObject = { apiVersion: "v1", kind: "Service", metadata: { name: "s" } };
    expect(workloadSettings(defaults, { replicas: 3 })(svc)).toBe(svc);
  });

  it("mergeResources: no limits stay no limits", () => {
    expect(mergeResources(undefined, { cpu: "10m" }, undefined)).toEqual({
      requests: { cpu: "10m" },
    });
  });
});

describe("appFootprint (pure)", () => {
  it("multiplies requests by workloads and replicas", () => {
    expect(appFootprint(defaults, {})).toEqual({ cpuMillis: 60, memoryMiB: 192 });
    expect(appFootprint(defaults, { replicas: 2, resources: { requests: { cpu: "1" } } })).toEqual({
      cpuMillis: 6000,
      memoryMiB: 384,
    });
  });
});
