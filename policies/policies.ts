// Every policy of the pack, in one list: the entry file builds the pack from it, tests run it.
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
