// GKE as its operators expect: the control plane reaches every webhook we install on private
// nodes, the APIs the stack needs are enabled (and documented) exactly, the nodes' service account
// has GKE's node role, the managed MySQL's private IP is reached through an EndpointSlice, Istio CNI
// knows GKE, and deletionProtection drives Pulumi's protect and the cloud's own guards.
import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  GKE_CONTROL_PLANE_PORTS,
  GKE_NODE_ROLES,
  WEBHOOK_PORTS,
  gkeRequiredApis,
} from "../../components/cluster/gcp";
import { Registration } from "../../components/plan/recorder";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import { byName, plan } from "../mocks";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const NODE_SA = "kubeflow-platform-gcp-dev-node@acme-kubeflow-dev.iam.gserviceaccount.com";

function gcpConfig(cluster: Json = {}): Json {
  const cfg = readStackPlatformConfig("gcp-dev") as Json;
  return { ...cfg, cluster: { ...cfg.cluster, ...cluster } };
}

let dev: Registration[];
beforeAll(async () => {
  dev = await plan(gcpConfig(), "gcp-dev");
});
const inputs = (n: string) => byName(dev, n).inputs as Json;

describe("GKE private nodes: the control plane reaches the platform's webhooks", () => {
  it("one rule from the master range to the node pools' service account, on exactly the webhook ports", () => {
    const rule = dev.filter((r) => r.type === "gcp:compute/firewall:Firewall");
    expect(rule.map((r) => r.name)).toEqual(["cluster-webhooks"]);
    expect(rule[0].inputs).toMatchObject({
      direction: "INGRESS",
      sourceRanges: ["172.16.0.0/28"],
      targetServiceAccounts: [NODE_SA],
      allows: [{ protocol: "tcp", ports: ["15017", "9443", "8443", "4443"] }],
    });
    // Exactly that source and those ports: nothing else is opened.
    expect(Object.keys(rule[0].inputs.allows as object[])).toHaveLength(1);
    expect(rule[0].inputs).not.toHaveProperty("sourceTags");
    // The rule targets the identity every node pool runs as.
    const pools = dev.filter((r) => r.type === "gcp:container/nodePool:NodePool");
    expect(pools.length).toBe(2);
    for (const p of pools) expect((p.inputs as Json).nodeConfig.serviceAccount).toBe(NODE_SA);
    // The platform waits for the rule (its webhooks are called on the first install).
    expect(inputs("cluster-gke").privateClusterConfig.masterIpv4CidrBlock).toBe("172.16.0.0/28");
    expect(byName(dev, "istio").dependsOn).toContain(rule[0].urn);
  });

  it("follows network.masterCidr and the user's network", async () => {
    const regs = await plan(
      gcpConfig({
        network: {
          masterCidr: "172.31.0.16/28",
          existingNetwork: "projects/acme-kubeflow-dev/global/networks/shared",
          existingSubnetwork: "projects/acme-kubeflow-dev/regions/europe-west4/subnetworks/k8s",
        },
      }),
      "gcp-dev",
    );
    expect(byName(regs, "cluster-webhooks").inputs).toMatchObject({
      network: "projects/acme-kubeflow-dev/global/networks/shared",
      sourceRanges: ["172.31.0.16/28"],
    });
  });

  it("the ports: webhook ports GKE does not already open, each with its source; none duplicated", () => {
    const ports = WEBHOOK_PORTS.map((p) => p.port);
    expect(new Set(ports).size).toBe(ports.length);
    for (const p of WEBHOOK_PORTS) {
      expect(GKE_CONTROL_PLANE_PORTS).not.toContain(p.port);
      expect(p.source.length).toBeGreaterThan(20);
    }
  });
});

describe("GKE prerequisites", () => {
  const all = gkeRequiredApis(
    { rwxStorageClass: true },
    { database: { kind: "managed" }, objectStore: { kind: "managed" } },
  );

  it("the stack enables exactly the APIs this config needs, and never disables them on destroy", () => {
    const enabled = dev
      .filter((r) => r.type === "gcp:projects/service:Service")
      .map((r) => r.inputs as Json);
    // gcp-dev: rwxStorageClass, managed database and bucket: every API.
    expect(enabled.map((s) => s.service).sort()).toEqual(Object.keys(all).sort());
    for (const s of enabled) expect(s).toMatchObject({ disableOnDestroy: false });
    // The cluster and the database wait for them.
    const apiUrns = dev.filter((r) => r.type === "gcp:projects/service:Service").map((r) => r.urn);
    expect(byName(dev, "cluster-gke").dependsOn).toEqual(expect.arrayContaining(apiUrns));
    expect(byName(dev, "cluster-mysql").dependsOn).toEqual(expect.arrayContaining(apiUrns));
  });

  it("Filestore, Cloud SQL and Storage APIs only when used", () => {
    const base = gkeRequiredApis(
      { rwxStorageClass: false },
      { database: { kind: "none" }, objectStore: { kind: "minio" } },
    );
    expect(Object.keys(base)).not.toContain("file.googleapis.com");
    expect(Object.keys(base)).not.toContain("sqladmin.googleapis.com");
    expect(Object.keys(base)).toEqual(
      expect.arrayContaining(["container.googleapis.com", "compute.googleapis.com"]),
    );
  });

  it("docs/gcp.md names every API the stack enables, and no other", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "gcp.md"), "utf8");
    const named = new Set([...doc.matchAll(/`([a-z]+\.googleapis\.com)`/g)].map((m) => m[1]));
    expect([...named].sort()).toEqual(Object.keys(all).sort());
  });

  it("the node service account has GKE's node role and Artifact Registry read, nothing more", () => {
    const roles = dev
      .filter(
        (r) =>
          r.type === "gcp:projects/iAMMember:IAMMember" &&
          (r.inputs as Json).member === `serviceAccount:${NODE_SA}`,
      )
      .map((r) => (r.inputs as Json).role);
    expect(roles.sort()).toEqual(
      ["roles/artifactregistry.reader", "roles/container.defaultNodeServiceAccount"].sort(),
    );
    expect(GKE_NODE_ROLES).toHaveLength(2);
  });
});

describe("GKE platform wiring", () => {
  it("the platform reaches Cloud SQL's private IP through a selector-less Service and an EndpointSlice", () => {
    const service = inputs("mysql-service");
    expect(service.spec).toEqual({
      type: "ClusterIP",
      ports: [{ name: "mysql", port: 3306, targetPort: 3306, protocol: "TCP" }],
    });
    expect(service.spec).not.toHaveProperty("selector");
    const slice = byName(dev, "mysql-endpoints");
    expect(slice.type).toBe("kubernetes:discovery.k8s.io/v1:EndpointSlice");
    expect(slice.inputs).toMatchObject({
      metadata: {
        name: "mysql",
        namespace: "kubeflow-data",
        labels: { "kubernetes.io/service-name": "mysql" },
      },
      addressType: "IPv4",
      ports: [{ name: "mysql", port: 3306, protocol: "TCP" }],
      endpoints: [{ addresses: ["10.100.0.3"] }],
    });
  });

  it("Istio CNI gets GKE's platform and bin dir on GKE", () => {
    expect(inputs("istio-cni").values).toMatchObject({
      global: { platform: "gke" },
      cni: { cniBinDir: "/home/kubernetes/bin" },
    });
  });
});

describe("GKE deletion protection follows cluster.deletionProtection", () => {
  const guarded = ["cluster-network", "cluster-gke", "cluster-mysql", "cluster-db-admin-password"];
  const cloudGuards = (regs: Registration[]) => ({
    cluster: byName(regs, "cluster-gke").inputs.deletionProtection,
    sql: byName(regs, "cluster-mysql").inputs.deletionProtection,
    sqlSettings: (byName(regs, "cluster-mysql").inputs as Json).settings.deletionProtectionEnabled,
  });

  it("true by default: Pulumi protect and the cloud's guards on every stateful resource", () => {
    for (const n of guarded) expect(byName(dev, n).protect, n).toBe(true);
    expect(dev.find((r) => r.type === "gcp:storage/bucket:Bucket")!.protect).toBe(true);
    expect(cloudGuards(dev)).toEqual({ cluster: true, sql: true, sqlSettings: true });
  });

  it("false: nothing protected, so `pulumi up` then `pulumi destroy` can remove the stack", async () => {
    const regs = await plan(gcpConfig({ deletionProtection: false }), "gcp-dev");
    for (const n of guarded) expect(byName(regs, n).protect, n).toBe(false);
    expect(regs.filter((r) => r.type.startsWith("gcp:") && r.protect)).toEqual([]);
    expect(cloudGuards(regs)).toEqual({ cluster: false, sql: false, sqlSettings: false });
  });
});
