// The kubeflow-platform policy pack. Policies are exported objects in their own files (tested
// directly, listed in policies.ts); the pack is assembled only here.
// Its config is per stack: policies/config.json (the limits you tune) plus what the stack's plan
// knows (GPU pools, the platform's GPU capacity, the image mirror), written by
//   npm run plan -- --stack <name> --policies --policy-config policy-config.json
//   pulumi preview -s <name> --policy-pack policies --policy-pack-config policy-config.json
import { PolicyPack } from "@pulumi/policy";
import { POLICIES } from "./policies";

new PolicyPack("kubeflow-platform", { policies: POLICIES });
