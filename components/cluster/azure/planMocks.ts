// What Azure would compute for the AKS layer, as the offline plan's mock runtime answers it
// (components/plan/recorder.ts merges every cloud's): deterministic placeholders, never real values,
// for the outputs the program reads. A new Azure resource whose outputs are read gets its entry here.
type Props = Record<string, unknown>;

/** Placeholder Entra ID object ids of the plan (never real ones). */
export const AZURE_PLAN_IDS = {
  deployer: "00000000-0000-0000-0000-00000000d001",
  clusterIdentity: "00000000-0000-0000-0000-00000000c001",
  subscription: "00000000-0000-0000-0000-0000000000a1",
  tenant: "00000000-0000-0000-0000-0000000000b1",
};

/** The cluster's OIDC issuer, which tenants' federated identities trust. */
export const PLAN_AKS_OIDC_ISSUER = "https://plan.oic.prod-aks.azure.com/PLAN/";

/**
 * The kubeconfig AKS returns for format: exec on a managed-Entra-ID cluster: a kubelogin user
 * logging in with the device code (the shape `az aks get-credentials --format exec` writes).
 */
export const AKS_EXEC_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: plan-aks
    cluster:
      server: https://plan-aks.hcp.westeurope.azmk8s.io:443
      certificate-authority-data: cGxhbg==
contexts:
  - name: plan-aks
    context: { cluster: plan-aks, user: clusterUser_plan_plan-aks }
current-context: plan-aks
users:
  - name: clusterUser_plan_plan-aks
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: kubelogin
        args: [get-token, --environment, AzurePublicCloud, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630, --client-id, 80faf920-1908-4b52-b5ef-a8e7bedfc67a, --tenant-id, ${AZURE_PLAN_IDS.tenant}, --login, devicecode]
        env: null
        installHint: "kubelogin is not installed"
        provideClusterInfo: false
`;

/** Outputs Azure computes, by resource type: the inputs are echoed, these are added. */
export const AZURE_PLAN_OUTPUTS: Record<string, (name: string, inputs: Props) => Props> = {
  "azure-native:containerservice:ManagedCluster": (name, inputs) => ({
    name: inputs.resourceName ?? name,
    oidcIssuerProfile: { enabled: true, issuerURL: PLAN_AKS_OIDC_ISSUER },
    identity: { type: "SystemAssigned", principalId: AZURE_PLAN_IDS.clusterIdentity },
  }),
  "azure-native:dbformysql:Server": (name, inputs) => ({
    name: inputs.serverName ?? name,
    fullyQualifiedDomainName: `${String(inputs.serverName ?? name)}.mysql.database.azure.com`,
  }),
};

/** Results of the Azure functions the program calls (invokes), by token. */
export const AZURE_PLAN_CALLS: Record<string, (inputs: Props) => Props> = {
  "azure-native:containerservice:listManagedClusterUserCredentials": () => ({
    kubeconfigs: [
      { name: "clusterUser", value: Buffer.from(AKS_EXEC_KUBECONFIG).toString("base64") },
    ],
  }),
  "azure-native:authorization:getClientConfig": () => ({
    clientId: "00000000-0000-0000-0000-00000000e001",
    objectId: AZURE_PLAN_IDS.deployer,
    subscriptionId: AZURE_PLAN_IDS.subscription,
    tenantId: AZURE_PLAN_IDS.tenant,
  }),
};
