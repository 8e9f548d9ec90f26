// The rules that read more than one section of the config, registered in one list, as Pod Security
// admission registers its checks. A rule inside one section sits under that section's fields
// (../sections/*); these need two or more (an app and the database, a tenant and the object store,
// the layers and the stacks they read), so they run on the whole platform object, and only once
// every section has parsed: zod reports them after a config's field errors are fixed.
//
// The platform schema (../schema.ts) runs them in this order, which is the order of the problems a
// user sees. Each rule has a case in the invalid config corpus (test/config/corpus.cases.ts, tagged
// with its id), and a test fails when one has none.
import {
  kserveServerlessNeedsKnative,
  appsNeedADatabase,
  gpuNotebooksNeedAGpuPool,
  appDatabaseNeedsTheApp,
} from "./apps";
import {
  reattachNeedsMysqlCredentials,
  azureExistingVnetMysqlSubnet,
  databaseClassOfTheClusterCloud,
  managedDatabaseNeedsACloudCluster,
  managedBucketNeedsAwsOrGcp,
} from "./data";
import {
  existingClusterNamesItsContext,
  contextOrCurrentContext,
  clusterLayerNeedsACloudCluster,
  clusterStackOnlyWithAPlatform,
  tenantsLayerNeedsAPlatformStack,
  platformStackOnlyWithTenantsLayer,
} from "./stacks";
import {
  defaultTenantNameTaken,
  gpuQuotaNeedsAGpuPool,
  tenantS3KeysRequired,
  tenantKeysOnlyWithPerTenantS3,
  tenantNamesUnique,
} from "./tenancy";
import type { CrossSectionRule } from "./rule";

export type { CrossSectionRule };

export const CROSS_SECTION_RULES = [
  kserveServerlessNeedsKnative,
  appsNeedADatabase,
  gpuNotebooksNeedAGpuPool,
  appDatabaseNeedsTheApp,
  defaultTenantNameTaken,
  reattachNeedsMysqlCredentials,
  azureExistingVnetMysqlSubnet,
  databaseClassOfTheClusterCloud,
  existingClusterNamesItsContext,
  contextOrCurrentContext,
  managedDatabaseNeedsACloudCluster,
  managedBucketNeedsAwsOrGcp,
  clusterLayerNeedsACloudCluster,
  clusterStackOnlyWithAPlatform,
  tenantsLayerNeedsAPlatformStack,
  platformStackOnlyWithTenantsLayer,
  gpuQuotaNeedsAGpuPool,
  tenantS3KeysRequired,
  tenantKeysOnlyWithPerTenantS3,
  tenantNamesUnique,
] as const satisfies readonly CrossSectionRule[];

/** The id a corpus case names to say which cross-section rule it breaks. */
export type CrossSectionRuleId = (typeof CROSS_SECTION_RULES)[number]["id"];
