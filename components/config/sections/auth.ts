// auth: who logs in (Dex static users and upstream connectors), then the rule: somebody can log in,
// every user is one login and one default tenant, and every connector has what its type needs.
import { z } from "zod";
import { defaultTenantName } from "../../lib/naming";
import { dnsLabel, email } from "../fields";
import { RuleCtx, duplicates, issue } from "../issue";

const CONNECTOR_REQUIRED_KEYS: Record<string, string[]> = {
  oidc: ["issuer", "clientID", "clientSecret"],
  github: ["clientID", "clientSecret"],
  google: ["clientID", "clientSecret"],
  microsoft: ["clientID", "clientSecret"],
  ldap: ["host"],
};

export const StaticUserSchema = z.strictObject({
  email: email().meta({
    description: "Login email; also the owner of the user's default tenant.",
    examples: ["alice@example.com"],
  }),
  username: dnsLabel()
    .optional()
    .meta({
      description: "Display name. @default the part of the email before '@', made DNS-safe",
      examples: ["alice"],
    }),
});

export const ConnectorSchema = z.strictObject({
  type: z
    .enum(["oidc", "github", "google", "microsoft", "ldap"], {
      error: 'must be one of "oidc", "github", "google", "microsoft", "ldap"',
    })
    .meta({ description: "Dex connector type.", examples: ["github"] }),
  id: dnsLabel().meta({ description: "Connector id (unique).", examples: ["github"] }),
  name: z
    .string()
    .min(1)
    .meta({ description: "Name shown on the login page.", examples: ["GitHub"] }),
  config: z.record(z.string(), z.unknown()).meta({
    description:
      "Connector settings passed to Dex as they are (treated as secret). redirectURI defaults to https://<hostname>/dex/callback.",
    examples: [{ clientID: "abc", clientSecret: "s3cr3t", orgs: [{ name: "my-org" }] }],
  }),
});

/** Example values for the connector settings the rules require. */
const CONNECTOR_EXAMPLES: Record<string, string> = {
  issuer: "https://login.example.com",
  clientID: "<client-id>",
  clientSecret: "<client-secret>",
  host: "ldap.example.com:636",
};

const AuthFields = z.strictObject({
  staticUsers: z
    .array(StaticUserSchema)
    .default([{ email: "user@example.com", username: "user" }])
    .meta({
      description:
        "Dex static users. Passwords are generated; read them with pulumi stack output --show-secrets.",
      examples: [[{ email: "alice@example.com" }]],
    }),
  connectors: z
    .array(ConnectorSchema)
    .default([])
    .meta({ description: "Upstream identity providers (Dex connectors)." }),
});
export const AuthSchema = AuthFields.superRefine(checkAuth).prefault({});

/** Somebody can log in, each user is one login and one default tenant, each connector is complete. */
function checkAuth(auth: z.output<typeof AuthFields>, ctx: RuleCtx) {
  // Somebody must be able to log in.
  if (auth.staticUsers.length === 0 && auth.connectors.length === 0) {
    issue(
      ctx,
      ["staticUsers"],
      "no static users and no connectors: nobody could log in",
      [],
      "add a connector, or a static user",
      [{ path: ["auth", "staticUsers", 0, "email"], value: "you@example.com" }],
    );
  }
  duplicates(auth.staticUsers.map((u) => u.email)).forEach((i) =>
    issue(
      ctx,
      ["staticUsers", i, "email"],
      "duplicate static user email",
      auth.staticUsers[i].email,
      "list each user once",
    ),
  );
  // Dex and the tenants' namespaces compare users case-insensitively and by their DNS-safe form:
  // two entries that differ only there are one login and one default tenant.
  const emails = auth.staticUsers.map((u) => u.email);
  const exact = new Set(duplicates(emails));
  const folded = new Set(duplicates(emails.map((e) => e.toLowerCase())));
  for (const i of folded)
    if (!exact.has(i))
      issue(
        ctx,
        ["staticUsers", i, "email"],
        "is another static user's email but for upper and lower case: they would be one login",
        emails[i],
        "list each user once, in lower case",
      );
  for (const i of duplicates(emails.map(defaultTenantName)))
    if (!folded.has(i))
      issue(
        ctx,
        ["staticUsers", i, "email"],
        `would share the namespace ${defaultTenantName(emails[i])} with another static user (emails are made DNS-safe)`,
        emails[i],
        "use emails that differ in more than punctuation",
      );
  auth.connectors.forEach((c, i) => {
    // Dex reserves "local" for its own password database (the static users).
    if (c.id === "local")
      issue(
        ctx,
        ["connectors", i, "id"],
        "is reserved by Dex for its static users",
        c.id,
        "give the connector another id, e.g. github",
      );
  });
  duplicates(auth.connectors.map((c) => c.id)).forEach((i) =>
    issue(
      ctx,
      ["connectors", i, "id"],
      "duplicate connector id",
      auth.connectors[i].id,
      "give each connector its own id",
    ),
  );
  auth.connectors.forEach((c, i) => {
    for (const key of CONNECTOR_REQUIRED_KEYS[c.type] ?? []) {
      if (c.config[key] === undefined || c.config[key] === "") {
        issue(
          ctx,
          ["connectors", i, "config", key],
          `required for a "${c.type}" connector`,
          undefined,
          "set it (connector settings are kept as secrets)",
          [{ value: CONNECTOR_EXAMPLES[key] ?? "<value>" }],
        );
      }
    }
  });
}
