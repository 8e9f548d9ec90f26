// GPU machine types per cloud: one table, kept in the policy pack (which must not import from
// outside its folder) and shared with the program from here.
export {
  AWS_GPU_INSTANCES,
  AZURE_GPU_VM_SIZES,
  GCP_ACCELERATORS,
} from "../../policies/facts/gpuTypes";
