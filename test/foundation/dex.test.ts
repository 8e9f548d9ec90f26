// Dex: generated static-user passwords (only bcrypt hashes reach the cluster), connectors passed
// through, the OIDC client oauth2-proxy uses.
import * as pulumi from "@pulumi/pulumi";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { AuthSchema } from "../../components/config/schema";
import {
  DEX_ISSUER,
  OIDC_CLIENT_ID,
  dexConfig,
  usernameFor,
} from "../../components/foundation/dex";
import { SECRET_PLACEHOLDER } from "../../components/plan/recorder";
import { LOCAL_CONFIG, byName, names, plan, under } from "../mocks";

const auth = AuthSchema.parse({
  staticUsers: [{ email: "alice@example.com" }],
  connectors: [
    {
      type: "github",
      id: "github",
      name: "GitHub",
      config: { clientID: "id", clientSecret: "s", orgs: [{ name: "acme" }] },
    },
  ],
});

describe("dex config (pure)", () => {
  const hash = bcrypt.hashSync("correct horse", 4);
  const config = dexConfig({
    auth,
    hostname: "kubeflow.example.com",
    staticPasswords: [{ email: "alice@example.com", username: "alice", hash }],
    clientSecret: "client-secret",
  }) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it("keeps only the bcrypt hash of a static password", () => {
    expect(config.enablePasswordDB).toBe(true);
    const [user] = config.staticPasswords;
    expect(user).toMatchObject({ email: "alice@example.com", username: "alice" });
    expect(bcrypt.compareSync("correct horse", user.hash)).toBe(true);
    expect(JSON.stringify(config)).not.toContain("correct horse");
  });

  it("registers oauth2-proxy as a client with a relative redirect", () => {
    expect(config.issuer).toBe(DEX_ISSUER);
    expect(config.staticClients).toEqual([
      expect.objectContaining({
        id: OIDC_CLIENT_ID,
        secret: "client-secret",
        redirectURIs: ["/oauth2/callback"],
      }),
    ]);
  });

  it("passes connectors through, with the callback on the configured host", () => {
    expect(config.connectors).toEqual([
      {
        type: "github",
        id: "github",
        name: "GitHub",
        config: {
          redirectURI: "https://kubeflow.example.com/dex/callback",
          clientID: "id",
          clientSecret: "s",
          orgs: [{ name: "acme" }],
        },
      },
    ]);
  });

  it("derives a DNS-safe username from the email unless one is given", () => {
    expect(usernameFor({ email: "Jane.Doe@example.com" })).toBe("jane-doe");
    expect(usernameFor({ email: "x@example.com", username: "xavier" })).toBe("xavier");
  });
});

describe("Dex component", () => {
  it("generates one password per static user and an OIDC client secret", async () => {
    const regs = under(
      await plan({
        ...LOCAL_CONFIG,
        auth: { staticUsers: [{ email: "a@example.com" }, { email: "b@example.com" }] },
      }),
      "dex",
    );
    expect(names(regs)).toEqual([
      "dex-chart",
      "dex-namespace",
      "dex-oidc-client-secret",
      "dex-password-a-example-com",
      "dex-password-b-example-com",
    ]);
    for (const r of regs.filter((x) => x.type.startsWith("random:")))
      expect(r.inputs).toMatchObject({ length: expect.any(Number), special: false });
    // The whole Dex config is a secret (connectors may hold client secrets).
    expect((byName(regs, "dex-chart").inputs.values as Record<string, unknown>).config).toBe(
      SECRET_PLACEHOLDER,
    );
  });

  it("the passwords handed to stack outputs are secrets", async () => {
    const { buildPlatform } = await import("../../components/platform");
    const { PlatformSchema } = await import("../../components/config/schema");
    const { installRecorder } = await import("../../components/plan/recorder");
    // A program run of its own: the engine (and the recorder) refuse a second "cluster" in one run.
    installRecorder({ project: "kubeflow-platform", stack: "secrets", config: {} });
    const out = await buildPlatform(PlatformSchema.parse(LOCAL_CONFIG));
    for (const pw of Object.values(out.staticUserPasswords!))
      expect(await (pw as unknown as { isSecret: Promise<boolean> }).isSecret).toBe(true);
    expect(pulumi.Output.isInstance(Object.values(out.staticUserPasswords!)[0])).toBe(true);
  });
});
