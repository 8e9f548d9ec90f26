// The kubeflow-platform policy pack. Policies are exported objects in their own files (tested
// directly, listed in policies.ts); the pack is assembled only here.
//   pulumi preview --policy-pack policies --policy-pack-config policies/config.example.json
import { PolicyPack } from "@pulumi/policy";
import { POLICIES } from "./policies";

new PolicyPack("kubeflow-platform", { policies: POLICIES });
