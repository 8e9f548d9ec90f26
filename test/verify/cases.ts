// Every check's table of cases, keyed by the registered check's name: the compiler refuses a
// registered check without an entry, and registry.test.ts refuses an entry with no failing case
// (PSA's TestFixtures: every registered check has fixtures).
import { CheckName } from "../../components/verify";
import { buildsCases } from "./builds.cases";
import { chartValuesCases } from "./chartValues.cases";
import { controllerFieldsCases } from "./controllerFields.cases";
import { defaultNamespaceCases } from "./defaultNamespace.cases";
import { duplicatesCases } from "./duplicates.cases";
import { CheckCases } from "./fixtures";
import { hpaReplicasCases } from "./hpaReplicas.cases";
import { imagesCases } from "./images.cases";
import { meshIdentityCases } from "./meshIdentity.cases";
import { orderingCases } from "./ordering.cases";
import { podSecurityCases } from "./podSecurity.cases";
import { referencesCases } from "./references.cases";
import { schemaCases } from "./schema.cases";
import { servedVersionsCases } from "./servedVersions.cases";
import { webhookReachabilityCases } from "./webhookReachability.cases";

export { RULE_CASES } from "./podSecurity.cases";

export const CHECK_CASES: Record<CheckName, CheckCases> = {
  builds: buildsCases,
  schema: schemaCases,
  "pod-security": podSecurityCases,
  ordering: orderingCases,
  "mesh-identity": meshIdentityCases,
  references: referencesCases,
  "webhook-reachability": webhookReachabilityCases,
  images: imagesCases,
  "controller-fields": controllerFieldsCases,
  "hpa-replicas": hpaReplicasCases,
  "chart-values": chartValuesCases,
  "default-namespace": defaultNamespaceCases,
  duplicates: duplicatesCases,
  "served-versions": servedVersionsCases,
};
