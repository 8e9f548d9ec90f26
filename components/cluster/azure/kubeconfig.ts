// The AKS kubeconfig without a human in the loop. listManagedClusterUserCredentials(format: exec)
// returns a kubelogin exec user with `--login devicecode`, which waits for someone to open a browser:
// no CI run and no first `pulumi up` completes. The user is rewritten to a non-interactive login
// mode, as `kubelogin convert-kubeconfig -l <mode>` would (azure.github.io/kubelogin, "Login
// modes" and "convert-kubeconfig"): get-token --login <mode> --server-id <AKS AAD server app>, and
// for spn the tenant and environment; the credentials come from the environment.
import { parse, stringify } from "yaml";
import { AzureCluster } from "../../config/clusters";

export type KubeloginMode = AzureCluster["kubeloginMode"];

/** The AKS AAD server application every managed-AAD cluster's token is issued for. */
export const AKS_AAD_SERVER_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";

/** The flags each mode keeps from AKS's get-token arguments. */
const KEPT_FLAGS: Record<KubeloginMode, string[]> = {
  // The az login session knows the tenant; the device-code client id would be wrong here.
  azurecli: ["--server-id"],
  // AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE come from the environment.
  workloadidentity: ["--server-id"],
  // AAD_SERVICE_PRINCIPAL_CLIENT_ID / _SECRET from the environment; tenant and cloud from AKS.
  spn: ["--server-id", "--tenant-id", "--environment"],
};

/** `--flag value` pairs of an argument list. Pure. */
function flagValues(args: string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++)
    if (args[i].startsWith("--") && i + 1 < args.length && !args[i + 1].startsWith("--"))
      values.set(args[i], args[++i]);
  return values;
}

/** kubelogin's get-token arguments for a mode, from the arguments AKS returned. Pure. */
export function kubeloginArgs(aksArgs: string[], mode: KubeloginMode): string[] {
  const values = flagValues(aksArgs);
  if (!aksArgs.includes("get-token") || values.get("--server-id") === undefined)
    throw new Error(
      `the AKS kubeconfig's kubelogin user has no "get-token --server-id": ${aksArgs.join(" ")}`,
    );
  return [
    "get-token",
    "--login",
    mode,
    ...KEPT_FLAGS[mode].flatMap((f) => (values.has(f) ? [f, values.get(f)!] : [])),
  ];
}

/** The kubeconfig with every kubelogin user signing in with `mode`. Pure. */
export function nonInteractiveKubeconfig(kubeconfig: string, mode: KubeloginMode): string {
  const config = parse(kubeconfig) as {
    users?: { name: string; user?: { exec?: { command?: string; args?: string[] } } }[];
  };
  const users = (config.users ?? []).filter((u) => u.user?.exec?.command === "kubelogin");
  if (users.length === 0)
    throw new Error(
      "the AKS kubeconfig has no kubelogin exec user: was it listed with format: exec on a cluster with Entra ID (aadProfile.managed)?",
    );
  for (const u of users) u.user!.exec!.args = kubeloginArgs(u.user!.exec!.args ?? [], mode);
  return stringify(config);
}
