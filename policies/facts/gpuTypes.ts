// GPU machine types per cloud and how many NVIDIA GPUs each has: used to validate GPU pools, to
// size GPU capacity (policy pack, notebooks) and to label nodes. Lives in the policy pack, which
// must be self-contained (`pulumi policy publish` uploads only its folder); the program re-exports
// it from components/lib.

/** AWS instance types with NVIDIA GPUs. */
export const AWS_GPU_INSTANCES: Record<string, number> = {
  "g4dn.xlarge": 1,
  "g4dn.2xlarge": 1,
  "g4dn.4xlarge": 1,
  "g4dn.8xlarge": 1,
  "g4dn.12xlarge": 4,
  "g4dn.16xlarge": 1,
  "g5.xlarge": 1,
  "g5.2xlarge": 1,
  "g5.4xlarge": 1,
  "g5.8xlarge": 1,
  "g5.12xlarge": 4,
  "g5.16xlarge": 1,
  "g5.24xlarge": 4,
  "g5.48xlarge": 8,
  "g6.xlarge": 1,
  "g6.2xlarge": 1,
  "g6.4xlarge": 1,
  "g6.8xlarge": 1,
  "g6.12xlarge": 4,
  "g6.24xlarge": 4,
  "g6.48xlarge": 8,
  "g6e.xlarge": 1,
  "g6e.12xlarge": 4,
  "g6e.48xlarge": 8,
  "p3.2xlarge": 1,
  "p3.8xlarge": 4,
  "p3.16xlarge": 8,
  "p4d.24xlarge": 8,
  "p5.48xlarge": 8,
};

/** Azure VM sizes with NVIDIA GPUs. */
export const AZURE_GPU_VM_SIZES: Record<string, number> = {
  Standard_NC4as_T4_v3: 1,
  Standard_NC8as_T4_v3: 1,
  Standard_NC16as_T4_v3: 1,
  Standard_NC64as_T4_v3: 4,
  Standard_NC24ads_A100_v4: 1,
  Standard_NC48ads_A100_v4: 2,
  Standard_NC96ads_A100_v4: 4,
  Standard_NC40ads_H100_v5: 1,
  Standard_NC80adis_H100_v5: 2,
  Standard_ND96asr_v4: 8,
  Standard_ND96amsr_A100_v4: 8,
  Standard_ND96isr_H100_v5: 8,
};

/** GKE accelerator types and the machine families that can carry them. */
export const GCP_ACCELERATORS: Record<string, string[]> = {
  "nvidia-tesla-t4": ["n1"],
  "nvidia-tesla-v100": ["n1"],
  "nvidia-l4": ["g2"],
  "nvidia-tesla-a100": ["a2"],
  "nvidia-a100-80gb": ["a2"],
  "nvidia-h100-80gb": ["a3"],
};
