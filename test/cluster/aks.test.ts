// AKS as its operators expect: egress through a NAT gateway we own on our subnet (AKS refuses its
// managed one on a custom subnet), a kubeconfig that signs in without a human, the role
// assignments Azure RBAC and a custom VNet need, GPU pools the device plugin and the GPU PodDefault
// agree on, and deletionProtection driving Pulumi's protect (Azure has no per-resource guard here).
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  AKS_AAD_SERVER_ID,
  AZURE_ROLES,
  aksOutboundType,
  deployerPrincipalType,
  aksPoolSettings,
  kubeloginArgs,
  nonInteractiveKubeconfig,
} from "../../components/cluster/azure";
import { devicePluginValues } from "../../components/cluster/gpu";
import { AzureClusterSchema, NodePoolSchema } from "../../components/config/clusters";
import { gpuPoolsOf } from "../../components/config/schema";
import { AKS_EXEC_KUBECONFIG, AZURE_PLAN_IDS } from "../../components/cluster/azure/planMocks";
import { Registration } from "../../components/plan/recorder";
import { readStackPlatformConfig } from "../../components/plan/stackConfig";
import { byName, plan } from "../mocks";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const VNET =
  "/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/hub";

function azureConfig(cluster: Json = {}): Json {
  const cfg = readStackPlatformConfig("azure-dev") as Json;
  return { ...cfg, cluster: { ...cfg.cluster, ...cluster } };
}

let dev: Registration[];
beforeAll(async () => {
  dev = await plan(azureConfig(), "azure-dev");
});
const inputs = (regs: Registration[], n: string) => byName(regs, n).inputs as Json;

describe("AKS egress", () => {
  it("our VNet: a NAT gateway with a static Standard public IP on the node subnet, outboundType userAssignedNATGateway", () => {
    const nat = byName(dev, "cluster-nat");
    expect(nat.type).toBe("azure-native:network:NatGateway");
    expect(nat.inputs).toMatchObject({ sku: { name: "Standard" } });
    const ip = byName(dev, "cluster-egress-ip");
    expect(ip.inputs).toMatchObject({
      sku: { name: "Standard" },
      publicIPAllocationMethod: "Static",
    });
    expect(nat.inputs.publicIpAddresses).toEqual([{ id: `${ip.name}-id` }]);
    expect(inputs(dev, "cluster-nodes").natGateway).toEqual({ id: "cluster-nat-id" });
    expect(inputs(dev, "cluster-aks").networkProfile).toMatchObject({
      outboundType: "userAssignedNATGateway",
    });
    expect(JSON.stringify(dev)).not.toContain("managedNATGateway");
  });

  it("the user's subnet: the load balancer, and no NAT gateway of ours", async () => {
    const regs = await plan(
      azureConfig({
        network: {
          existingNodeSubnetId: `${VNET}/subnets/aks`,
          existingMysqlSubnetId: `${VNET}/subnets/mysql`,
        },
      }),
      "azure-existing",
    );
    expect(inputs(regs, "cluster-aks").networkProfile.outboundType).toBe("loadBalancer");
    expect(regs.some((r) => r.type === "azure-native:network:NatGateway")).toBe(false);
    expect(aksOutboundType({ network: { cidr: "10.30.0.0/16" } })).toBe("userAssignedNATGateway");
  });
});

describe("AKS kubeconfig: kubelogin without a human", () => {
  const aksArgs = parse(AKS_EXEC_KUBECONFIG).users[0].user.exec.args as string[];

  it("AKS's own args log in with the device code (what is being replaced)", () => {
    expect(aksArgs.slice(-2)).toEqual(["--login", "devicecode"]);
  });

  it.each([
    ["azurecli", ["get-token", "--login", "azurecli", "--server-id", AKS_AAD_SERVER_ID]],
    [
      "workloadidentity",
      ["get-token", "--login", "workloadidentity", "--server-id", AKS_AAD_SERVER_ID],
    ],
    [
      "spn",
      [
        "get-token",
        "--login",
        "spn",
        "--server-id",
        AKS_AAD_SERVER_ID,
        "--tenant-id",
        AZURE_PLAN_IDS.tenant,
        "--environment",
        "AzurePublicCloud",
      ],
    ],
  ] as const)("%s", (mode, expected) => {
    expect(kubeloginArgs(aksArgs, mode)).toEqual(expected);
    const out = parse(nonInteractiveKubeconfig(AKS_EXEC_KUBECONFIG, mode));
    expect(out.users[0].user.exec).toMatchObject({ command: "kubelogin", args: expected });
    expect(out.users[0].user.exec.args).not.toContain("devicecode");
    // Everything else is AKS's: server, CA, context.
    expect(out.clusters).toEqual(parse(AKS_EXEC_KUBECONFIG).clusters);
    expect(out["current-context"]).toBe("plan-aks");
  });

  it("a kubeconfig without a kubelogin user is refused with the reason", () => {
    expect(() => nonInteractiveKubeconfig("apiVersion: v1\nkind: Config\n", "azurecli")).toThrow(
      /no kubelogin exec user/,
    );
    expect(() => kubeloginArgs(["get-token", "--login", "devicecode"], "azurecli")).toThrow(
      /--server-id/,
    );
  });

  it("the config key: azurecli by default; a bad mode names the choices", () => {
    const base = azureConfig().cluster;
    expect(AzureClusterSchema.parse(base).kubeloginMode).toBe("azurecli");
    const bad = AzureClusterSchema.safeParse({ ...base, kubeloginMode: "devicecode" });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain(
      'must be \\"azurecli\\", \\"workloadidentity\\" or \\"spn\\"',
    );
  });
});

describe("AKS role assignments", () => {
  const role = (id: string) =>
    `/subscriptions/${AZURE_PLAN_IDS.subscription}/providers/Microsoft.Authorization/roleDefinitions/${id}`;

  it("the identity running Pulumi is AKS RBAC Cluster Admin on the cluster, before anything is applied", () => {
    const a = byName(dev, "cluster-deployer-cluster-admin");
    expect(a.type).toBe("azure-native:authorization:RoleAssignment");
    expect(a.inputs).toEqual({
      principalId: AZURE_PLAN_IDS.deployer,
      principalType: "User",
      roleDefinitionId: role("b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b"),
      scope: "cluster-aks-id",
    });
    expect(byName(dev, "istio").dependsOn).toContain(a.urn);
  });

  it("the deployer's principal type: a service principal for spn and workload identity, else as configured", () => {
    expect(deployerPrincipalType({ kubeloginMode: "azurecli" })).toBe("User");
    expect(deployerPrincipalType({ kubeloginMode: "workloadidentity" })).toBe("ServicePrincipal");
    expect(deployerPrincipalType({ kubeloginMode: "spn" })).toBe("ServicePrincipal");
    expect(
      deployerPrincipalType({
        kubeloginMode: "azurecli",
        deployerPrincipalType: "ServicePrincipal",
      }),
    ).toBe("ServicePrincipal");
  });

  it("the cluster's system-assigned identity is Network Contributor on the node subnet (ours or the user's)", async () => {
    expect(byName(dev, "cluster-subnet-network-contributor").inputs).toEqual({
      principalId: AZURE_PLAN_IDS.clusterIdentity,
      principalType: "ServicePrincipal",
      roleDefinitionId: role("4d97b98b-1d4f-4787-a291-c67834d212e7"),
      scope: "cluster-nodes-id",
    });
    const regs = await plan(
      azureConfig({
        network: {
          existingNodeSubnetId: `${VNET}/subnets/aks`,
          existingMysqlSubnetId: `${VNET}/subnets/mysql`,
        },
      }),
      "azure-existing",
    );
    expect(inputs(regs, "cluster-subnet-network-contributor").scope).toBe(`${VNET}/subnets/aks`);
    expect(AZURE_ROLES).toEqual({
      aksRbacClusterAdmin: "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b",
      networkContributor: "4d97b98b-1d4f-4787-a291-c67834d212e7",
    });
  });
});

describe("AKS GPU pools agree with the device plugin and the GPU PodDefault", () => {
  const cluster = AzureClusterSchema.parse(azureConfig().cluster);
  const gpuPool = cluster.nodePools.find((p) => p.role === "gpu")!;
  const settings = aksPoolSettings(gpuPool, cluster.zones);
  const labels = settings.nodeLabels as Record<string, string>;
  const [taintKey, rest] = settings.nodeTaints[0].split("=");
  const [taintValue, taintEffect] = rest.split(":");

  it("the device plugin's node selection matches the pool's labels and it tolerates the taint", () => {
    const v = devicePluginValues() as Json;
    // Whichever way the values select nodes: nodeSelector, or required node affinity terms.
    const terms: Json[] =
      v.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ??
      [];
    const required = [
      ...Object.entries((v.nodeSelector ?? {}) as Record<string, string>).map(([key, value]) => ({
        key,
        operator: "In",
        values: [value],
      })),
      ...terms.flatMap((t) => (t.matchExpressions ?? []) as Json[]),
    ];
    expect(required.length).toBeGreaterThan(0);
    for (const r of required)
      if (r.operator === "In") expect(r.values, r.key).toContain(labels[r.key]);
      else if (r.operator === "Exists") expect(labels[r.key], r.key).toBeDefined();
      else throw new Error(`operator ${r.operator} on ${r.key}: not modelled by this test`);
    expect(
      (v.tolerations as Json[]).some(
        (t) =>
          t.key === taintKey &&
          t.effect === taintEffect &&
          (t.operator === "Exists" || t.value === taintValue),
      ),
    ).toBe(true);
  });

  it("the GPU PodDefault's selector and toleration match the pool, which scales from zero", () => {
    const [pool] = gpuPoolsOf(cluster);
    for (const [k, val] of Object.entries(pool.nodeSelector)) expect(labels[k], k).toBe(val);
    expect(pool.tolerations).toEqual([{ key: taintKey, operator: "Exists", effect: taintEffect }]);
    // Scale from zero: the labels and taint are the pool's own (AKS API properties), not set on nodes.
    expect(settings).toMatchObject({ enableAutoScaling: true, minCount: 0, mode: "User" });
    const planned = inputs(dev, `cluster-${gpuPool.name}`);
    expect(planned).toMatchObject({
      nodeLabels: labels,
      nodeTaints: settings.nodeTaints,
      minCount: 0,
    });
  });

  it("a pool name with dashes is a valid AKS pool name; labels keep the real name", () => {
    const p = NodePoolSchema.parse({
      name: "gpu-a100-large-x",
      role: "gpu",
      machineType: "Standard_NC24ads_A100_v4",
      minSize: 0,
      maxSize: 1,
    });
    const s = aksPoolSettings(p, ["1"]);
    expect((s.nodeLabels as Json)["kubeflow-platform/pool"]).toBe("gpu-a100-large-x");
  });
});

describe("AKS deletion protection follows cluster.deletionProtection", () => {
  const guarded = [
    "cluster-group",
    "cluster-vnet",
    "cluster-aks",
    "cluster-mysql",
    "cluster-db-admin-password",
  ];

  it("true by default: Pulumi protect on the group, VNet, cluster, database and its password", () => {
    for (const n of guarded) expect(byName(dev, n).protect, n).toBe(true);
  });

  it("false: nothing of the cloud layer protected, so `pulumi up` then `pulumi destroy` works", async () => {
    const regs = await plan(azureConfig({ deletionProtection: false }), "azure-dev");
    for (const n of guarded) expect(byName(regs, n).protect, n).toBe(false);
    expect(
      regs.filter((r) => r.type.startsWith("azure-native:") && r.protect).map((r) => r.name),
    ).toEqual([]);
    // Pulumi's protect is the only guard: the stack creates no management lock.
    expect(regs.some((r) => r.type.includes("managementLock"))).toBe(false);
  });
});
