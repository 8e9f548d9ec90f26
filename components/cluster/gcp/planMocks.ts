// What Google Cloud would compute for the GKE layer, as the offline plan's mock runtime answers it
// (components/plan/recorder.ts merges every cloud's): deterministic placeholders, never real values,
// for the outputs the program reads. A new GCP resource whose outputs are read gets its entry here.
type Props = Record<string, unknown>;

/** Outputs GCP computes, by resource type: the inputs are echoed, these are added. */
export const GCP_PLAN_OUTPUTS: Record<string, (name: string, inputs: Props) => Props> = {
  "gcp:container/cluster:Cluster": () => ({
    endpoint: "10.0.0.2",
    masterAuth: { clusterCaCertificate: "cGxhbg==" },
  }),
  "gcp:sql/databaseInstance:DatabaseInstance": () => ({ privateIpAddress: "10.100.0.3" }),
  "gcp:serviceaccount/account:Account": (_name, inputs) => ({
    email: `${String(inputs.accountId)}@${String(inputs.project)}.iam.gserviceaccount.com`,
    name: `projects/${String(inputs.project)}/serviceAccounts/${String(inputs.accountId)}`,
  }),
  "gcp:storage/hmacKey:HmacKey": () => ({ accessId: "GOOGPLAN", secret: "plan-hmac-secret" }),
};

/** Results of the GCP functions the program calls (invokes): none yet. */
export const GCP_PLAN_CALLS: Record<string, (inputs: Props) => Props> = {};
