// oauth2-proxy: Dex's OIDC client behind the gateway, its cookie and client secrets generated.
import { describe, expect, it } from "vitest";
import { DEX_ISSUER, OIDC_CLIENT_ID } from "../../components/foundation/dex";
import { oauth2ProxyConfigFile } from "../../components/foundation/oauth2Proxy";
import { SECRET_PLACEHOLDER } from "../../components/plan/recorder";
import { charts } from "../../components/versions";
import { byName, names, plan, under } from "../mocks";

/** The TOML-ish key = value lines of the config file. */
function settings(file: string): Record<string, string> {
  return Object.fromEntries(
    file
      .trim()
      .split("\n")
      .map((l) => l.split(" = ", 2) as [string, string]),
  );
}

describe("oauth2-proxy config file (pure)", () => {
  const s = settings(oauth2ProxyConfigFile());

  it("talks to Dex in-cluster but sends browsers to the gateway's /dex path", () => {
    expect(s.provider).toBe('"oidc"');
    expect(s.oidc_issuer_url).toBe(`"${DEX_ISSUER}"`);
    expect(s.skip_oidc_discovery).toBe("true");
    expect(s.login_url).toBe('"/dex/auth"');
    expect(s.redeem_url).toBe(`"${DEX_ISSUER}/token"`);
  });

  it("forwards the token for Istio to verify, and lets Dex's own paths through", () => {
    expect(s.set_authorization_header).toBe("true");
    expect(s.skip_auth_routes).toContain("^/dex/");
    expect(s.cookie_secure).toBe("true");
    expect(s.relative_redirect_url).toBe("true");
  });
});

describe("OAuth2Proxy component", () => {
  it("registers the chart with generated secrets, never plain text", async () => {
    const regs = under(await plan(), "oauth2-proxy");
    expect(names(regs)).toEqual([
      "oauth2-proxy-chart",
      "oauth2-proxy-cookie-secret",
      "oauth2-proxy-namespace",
    ]);
    // 32 characters: oauth2-proxy needs a 16, 24 or 32-byte cookie secret.
    expect(byName(regs, "oauth2-proxy-cookie-secret").inputs).toMatchObject({ length: 32 });
    const chart = byName(regs, "oauth2-proxy-chart");
    expect(chart.inputs).toMatchObject({ version: charts.oauth2Proxy.version });
    const config = (chart.inputs.values as { config: Record<string, unknown> }).config;
    expect(config).toMatchObject({
      clientID: OIDC_CLIENT_ID,
      clientSecret: SECRET_PLACEHOLDER,
      cookieSecret: SECRET_PLACEHOLDER,
    });
  });
});
