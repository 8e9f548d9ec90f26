// Entry point: read and validate the stack config (nothing is registered when it is bad), then
// build the platform and export what operators need to log in.
import { loadPlatformConfig } from "./components/config/load";
import { buildPlatform } from "./components/platform";

const platform = buildPlatform(loadPlatformConfig());

export const kubeContext = platform.context;
export const dashboardUrl = platform.dashboardUrl;
/** Log in with these (pulumi stack output --show-secrets staticUserPasswords). */
export const staticUserPasswords = platform.staticUserPasswords;
export const tenants = platform.tenants;
