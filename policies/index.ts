// The kubeflow-platform policy pack. Policies are exported objects in their own files (tested
// directly); the pack is assembled only here.
//   pulumi preview --policy-pack policies --policy-pack-config policies/config.example.json
import { PolicyPack } from "@pulumi/policy";
import { gpuPoolsTaintedAndBounded, gpuQuotaWithinCapacity } from "./gpu";
import { imagesFromMirror } from "./images";
import { noExternalServicesInTenants, tenantNamespacesHaveLimitRange } from "./namespaces";
import { tenantHasQuota, tenantQuotaCeilings } from "./quota";

export const POLICIES = [
  tenantHasQuota,
  tenantQuotaCeilings,
  gpuQuotaWithinCapacity,
  tenantNamespacesHaveLimitRange,
  gpuPoolsTaintedAndBounded,
  noExternalServicesInTenants,
  imagesFromMirror,
];

new PolicyPack("kubeflow-platform", { policies: POLICIES });
