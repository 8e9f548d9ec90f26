// A platform stack that reads a cluster stack plans offline against that cluster's planned facts
// (cluster/<cloud>/plannedFacts.ts). Each cloud's planned facts are held against the facts its
// cluster component really makes from the same config: every fact has a planned value, and what
// follows from config is equal.
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { EksCluster } from "../../components/cluster/aws";
import { PLAN_OIDC_ISSUER, PLAN_OIDC_PROVIDER_ARN } from "../../components/cluster/aws/planMocks";
import { plannedEksFacts } from "../../components/cluster/aws/plannedFacts";
import { AksCluster } from "../../components/cluster/azure";
import { PLAN_AKS_OIDC_ISSUER } from "../../components/cluster/azure/planMocks";
import { plannedAksFacts } from "../../components/cluster/azure/plannedFacts";
import { ClusterFacts, stackClusterName } from "../../components/cluster/facts";
import { GkeCluster } from "../../components/cluster/gcp";
import { plannedGkeFacts } from "../../components/cluster/gcp/plannedFacts";
import { parsePlatformConfig } from "../../components/config/load";
import { PlatformConfig } from "../../components/config/schema";
import { PROJECT, referencedStackOutputs } from "../../components/plan/evaluate";
import { Registration, installRecorder, settle } from "../../components/plan/recorder";
import {
  readStackPlatformConfig,
  readStackProviderConfig,
} from "../../components/plan/stackConfig";

type Cloud = "aws" | "gcp" | "azure";
const DEPLOYED = { host: "mysql.managed.invalid", secret: "[secret]", clusterName: "" };

/** The stack's config with every optional fact switched on (managed data services, RWX). */
function fullConfig(stack: string, cloud: Cloud): PlatformConfig {
  const raw = readStackPlatformConfig(stack) as Record<string, Record<string, unknown>>;
  return parsePlatformConfig({
    ...raw,
    cluster: { ...raw.cluster, rwxStorageClass: true },
    database: { kind: "managed" },
    // Azure's object store is MinIO (Pipelines cannot use Blob storage).
    objectStore: cloud === "azure" ? raw.objectStore : { kind: "managed" },
  });
}

/** The facts the cluster component makes, built under the plan's mock runtime. */
async function realFacts(stack: string, cfg: PlatformConfig): Promise<ClusterFacts> {
  return (await realCluster(stack, cfg)).facts;
}

async function realCluster(
  stack: string,
  cfg: PlatformConfig,
): Promise<{ facts: ClusterFacts; registrations: Registration[] }> {
  const monitor = installRecorder({
    project: PROJECT,
    stack,
    config: readStackProviderConfig(stack),
  });
  const data = { database: cfg.database, objectStore: cfg.objectStore };
  const c = cfg.cluster;
  const component =
    c.kind === "aws"
      ? new EksCluster("cluster", { ...data, cluster: c })
      : c.kind === "gcp"
        ? new GkeCluster("cluster", { ...data, cluster: c })
        : c.kind === "azure"
          ? new AksCluster("cluster", { ...data, cluster: c })
          : undefined;
  if (!component) throw new Error(`${stack} is not a cloud stack`);
  await settle();
  return { facts: component.facts, registrations: monitor.registrations };
}

function plannedFacts(cfg: PlatformConfig, clusterName: string): Record<string, unknown> {
  const data = { database: cfg.database, objectStore: cfg.objectStore };
  const deployed = { ...DEPLOYED, clusterName };
  const c = cfg.cluster;
  if (c.kind === "aws") return plannedEksFacts({ ...data, cluster: c }, deployed);
  if (c.kind === "gcp") return plannedGkeFacts({ ...data, cluster: c }, deployed);
  if (c.kind === "azure") return plannedAksFacts({ ...data, cluster: c }, deployed);
  throw new Error("not a cloud cluster");
}

/** Each entry's value as the plan resolves it; undefined where the plan cannot know it. */
async function resolvedEntries(value: Record<string, unknown>): Promise<Record<string, unknown>> {
  // Output's own promise (internal): apply would never run for an unknown value.
  const known = (v: unknown) =>
    (pulumi.output(v) as unknown as { promise(): Promise<unknown> }).promise();
  const entries = await Promise.all(
    Object.entries(value).map(async ([k, v]) => [k, await known(v)] as const),
  );
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

const CLOUDS: [string, Cloud][] = [
  ["aws-dev", "aws"],
  ["gcp-dev", "gcp"],
  ["azure-dev", "azure"],
];

// Where the planned value still differs in shape from the deployed one. Each changes what a
// platform stack reading the cluster stack plans, so closing it is a change of the plan itself:
// - AWS: the Pipelines IRSA role (workloadIdentity) is not planned, so the plan keeps the key env;
// - GCP: Cloud SQL's host is a private IP (hostAddressType IPv4), planned as a DNS name.
const KNOWN_GAPS: Record<Cloud, string[]> = {
  aws: ["managedObjectStore.workloadIdentity"],
  gcp: ["managedDatabase.hostAddressType"],
  azure: [],
};

/** Every key path, one level into object facts ("managedDatabase.host"). */
function keyPaths(facts: Record<string, unknown>): string[] {
  return Object.entries(facts).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) && !pulumi.Output.isInstance(v)
      ? [k, ...Object.keys(v).map((sub) => `${k}.${sub}`)]
      : [k],
  );
}

describe.each(CLOUDS)("planned facts of a %s-like cluster stack", (stack, cloud) => {
  it("name a planned value for every fact the cluster exports", async () => {
    const cfg = fullConfig(stack, cloud);
    const real = keyPaths((await realFacts(stack, cfg)) as unknown as Record<string, unknown>);
    const planned = keyPaths(plannedFacts(cfg, ""));
    expect(real).toContain("gpuPools");
    expect(real.filter((k) => !planned.includes(k))).toEqual(KNOWN_GAPS[cloud]);
  });

  it.each([true, false])(
    "equal the cluster's where config decides them (rwxStorageClass %s)",
    async (rwx) => {
      const full = fullConfig(stack, cloud);
      const cfg = { ...full, cluster: { ...full.cluster, rwxStorageClass: rwx } } as PlatformConfig;
      const real = await realFacts(stack, cfg);
      const planned = plannedFacts(cfg, stackClusterName());
      for (const key of ["storageClass", "rwxStorageClass", "gpuPools", "ingressAnnotations"])
        expect(planned[key], key).toEqual(real[key as keyof ClusterFacts]);
      const db = planned.managedDatabase as Record<string, unknown>;
      expect({ port: db.port, adminUser: db.adminUser }).toEqual({
        port: real.managedDatabase!.port,
        adminUser: real.managedDatabase!.adminUser,
      });
    },
  );
});

describe("planned tenant identity", () => {
  it("is what each cluster's plan resolves it to, so tenants' trust reads the same", async () => {
    for (const [stack, cloud] of CLOUDS) {
      const cfg = fullConfig(stack, cloud);
      const real = await resolvedEntries((await realFacts(stack, cfg)).tenantIdentity!);
      const planned = plannedFacts(cfg, stackClusterName()).tenantIdentity as object;
      expect(Object.keys(real).length, stack).toBeGreaterThan(0);
      expect(planned, stack).toMatchObject(real);
    }
    // The plan cannot know the resource group's name output; it is the name the group is given.
    const azure = await realCluster("azure-dev", fullConfig("azure-dev", "azure"));
    const group = azure.registrations.find((r) => r.type.endsWith("resources:ResourceGroup"))!;
    expect(plannedFacts(fullConfig("azure-dev", "azure"), stackClusterName())).toMatchObject({
      tenantIdentity: { resourceGroup: group.inputs.resourceGroupName },
    });
    // The mocks are where those values come from.
    expect(PLAN_OIDC_PROVIDER_ARN).toContain(PLAN_OIDC_ISSUER);
    expect(PLAN_AKS_OIDC_ISSUER).toMatch(/^https:\/\//);
  });
});

describe("a cluster stack read by a platform stack (referencedStackOutputs)", () => {
  it("exports its cloud's planned facts and its identifier", () => {
    const out = referencedStackOutputs("organization/kubeflow-platform/cluster-aws-prod");
    const cfg = parsePlatformConfig(readStackPlatformConfig("cluster-aws-prod"));
    expect(out.clusterFacts).toEqual({
      ...plannedFacts(cfg, "kubeflow-platform-cluster-aws-prod"),
      clusterIdentifier: "aws-cluster",
    });
  });
});
