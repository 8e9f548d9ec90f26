// The node pools of a cloud cluster (system, CPU and GPU), then the rules every cloud shares plus
// each cloud's own GPU machine types: the rule sits under the fields it checks.
import { z } from "zod";
import { AWS_GPU_INSTANCES, AZURE_GPU_VM_SIZES, GCP_ACCELERATORS } from "../../lib/gpuTypes";
import { dnsLabel, sizeGiB } from "../fields";
import { RuleCtx, issue } from "../issue";
import { MACHINE_TYPE, wrongCloudSize } from "../machineTypes";

const count = () =>
  z.int({ error: "must be a whole number" }).min(0, { error: "must not be negative" });

export const NodePoolSchema = z.strictObject({
  name: dnsLabel().meta({ description: "Pool name.", examples: ["gpu-a10g"] }),
  role: z
    .enum(["system", "cpu", "gpu"], { error: 'must be "system", "cpu" or "gpu"' })
    .default("cpu")
    .meta({
      description:
        "system runs the platform; cpu and gpu run tenants' work (gpu pools are tainted nvidia.com/gpu:NoSchedule).",
      examples: ["gpu"],
    }),
  machineType: z
    .string()
    .min(1)
    .meta({
      description: "Instance type (AWS), machine type (GCP) or VM size (Azure).",
      examples: ["g5.2xlarge"],
    }),
  gpu: z
    .strictObject({
      type: z
        .string()
        .min(1)
        .meta({ examples: ["nvidia-l4"] }),
      count: z.int().min(1).default(1),
    })
    .optional()
    .meta({
      description:
        "GKE accelerator of a GPU pool (type and count per node). AWS and Azure infer GPUs from the machine type.",
    }),
  minSize: count().meta({
    description: "Fewest nodes; GPU and CPU pools can scale to zero.",
    examples: [0],
  }),
  maxSize: z
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .meta({ description: "Most nodes: the autoscaler's bound.", examples: [4] }),
  desiredSize: count().optional().meta({
    description:
      "Nodes at creation; afterwards the cluster autoscaler owns the size. @default minSize (at least 1 for system pools)",
  }),
  diskGiB: sizeGiB(100).meta({ description: "Node disk size.", examples: [200] }),
});
export type NodePool = z.output<typeof NodePoolSchema>;

/** GPUs per node of a pool, or 0 for a CPU pool. Pure. */
export function gpusPerNode(kind: "aws" | "gcp" | "azure", pool: NodePool): number {
  if (pool.role !== "gpu") return 0;
  if (kind === "gcp") return pool.gpu?.count ?? 0;
  return (kind === "aws" ? AWS_GPU_INSTANCES : AZURE_GPU_VM_SIZES)[pool.machineType] ?? 0;
}

/** Node pool rules every cloud shares, plus the cloud's own GPU machine types. */
export function checkNodePools(kind: "aws" | "gcp" | "azure", pools: NodePool[], ctx: RuleCtx) {
  if (!pools.some((p) => p.role === "system"))
    issue(
      ctx,
      ["nodePools"],
      "needs a pool with role system for the platform itself",
      pools.length,
      "add a pool with role: system",
    );
  const names = new Set<string>();
  pools.forEach((p, i) => {
    if (names.has(p.name))
      issue(
        ctx,
        ["nodePools", i, "name"],
        "duplicate pool name",
        p.name,
        "give each pool its own name",
      );
    names.add(p.name);
    if (p.minSize > p.maxSize)
      issue(
        ctx,
        ["nodePools", i, "minSize"],
        `must not exceed maxSize (${p.maxSize})`,
        p.minSize,
        "lower minSize or raise maxSize",
      );
    if (p.desiredSize !== undefined && (p.desiredSize < p.minSize || p.desiredSize > p.maxSize))
      issue(
        ctx,
        ["nodePools", i, "desiredSize"],
        `must be between minSize and maxSize (${p.minSize}-${p.maxSize})`,
        p.desiredSize,
        "change desiredSize",
      );
    const wrongCloud = wrongCloudSize(kind, "machine", p.machineType);
    if (wrongCloud)
      issue(
        ctx,
        ["nodePools", i, "machineType"],
        wrongCloud,
        p.machineType,
        "use one of the cluster's cloud, e.g.",
        [{ value: MACHINE_TYPE[kind].example }],
      );
    if (p.role === "system" && p.minSize < 1)
      issue(
        ctx,
        ["nodePools", i, "minSize"],
        "a system pool needs at least one node",
        p.minSize,
        "set minSize to 1 or more",
      );
    if (p.role !== "gpu") {
      if (p.gpu)
        issue(
          ctx,
          ["nodePools", i, "gpu"],
          'only applies to pools with role "gpu"',
          p.gpu,
          "remove it or set role: gpu",
        );
      return;
    }
    if (wrongCloud) return;
    if (kind === "aws" && !(p.machineType in AWS_GPU_INSTANCES))
      issue(
        ctx,
        ["nodePools", i, "machineType"],
        "is not an AWS instance type with NVIDIA GPUs",
        p.machineType,
        `use one of ${Object.keys(AWS_GPU_INSTANCES).slice(0, 6).join(", ")}, ...`,
      );
    if (kind === "azure" && !(p.machineType in AZURE_GPU_VM_SIZES))
      issue(
        ctx,
        ["nodePools", i, "machineType"],
        "is not an Azure VM size with NVIDIA GPUs",
        p.machineType,
        `use one of ${Object.keys(AZURE_GPU_VM_SIZES).slice(0, 4).join(", ")}, ...`,
      );
    if (kind === "gcp") {
      if (!p.gpu)
        issue(
          ctx,
          ["nodePools", i, "gpu"],
          "a GKE GPU pool needs an accelerator",
          undefined,
          "name the accelerator and how many each node has",
          [{ value: { type: "nvidia-l4", count: 1 } }],
        );
      else if (!(p.gpu.type in GCP_ACCELERATORS))
        issue(
          ctx,
          ["nodePools", i, "gpu", "type"],
          "is not a GKE NVIDIA accelerator type",
          p.gpu.type,
          `use one of ${Object.keys(GCP_ACCELERATORS).join(", ")}`,
        );
      else if (!GCP_ACCELERATORS[p.gpu.type].includes(p.machineType.split("-")[0]))
        issue(
          ctx,
          ["nodePools", i, "machineType"],
          `cannot carry ${p.gpu.type}`,
          p.machineType,
          `use a ${GCP_ACCELERATORS[p.gpu.type].join(" or ")} machine type`,
        );
    }
  });
}
