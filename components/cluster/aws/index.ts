// The EKS cluster layer's public face: the component and the facts other modules read.
export { EksCluster, EksClusterArgs } from "./eksCluster";
export { PIPELINES_SERVICE_ACCOUNTS } from "./bucket";
export { AWS_INGRESS_ANNOTATIONS } from "./network";
export { AWS_STORAGE_CLASS } from "./storage";
