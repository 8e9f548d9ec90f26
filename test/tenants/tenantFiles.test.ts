// Tenants as code: one YAML file per tenant in the folder the stack names, validated with the same
// rules as inline tenants, errors naming the file and the field; nothing registered on bad input.
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../components/config/errors";
import { TenantFile, parsePlatformConfig } from "../../components/config/load";
import { minimalConfig } from "../fixtures/configs";

const base = { ...minimalConfig, tenantsDir: "tenants/dev" };
const folder =
  (files: Record<string, string>) =>
  (dir: string): TenantFile[] =>
    Object.entries(files).map(([f, text]) => ({ file: `${dir}/${f}`, text }));

function problems(raw: unknown, read: (dir: string) => TenantFile[] | undefined): string[] {
  try {
    parsePlatformConfig(raw, read);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems.map((p) => `${p.path}: ${p.message} | ${p.fix}`);
  }
  throw new Error("config was accepted");
}

describe("tenant files", () => {
  it("are added to the inline tenants, in file order", () => {
    const cfg = parsePlatformConfig(
      { ...base, tenants: [{ name: "inline", owner: "i@example.com" }] },
      folder({
        "team-a.yaml":
          "name: team-a\nowner: a@example.com\nquota: { cpu: '4', memory: 8Gi, storage: 10Gi }\n",
        "team-b.yml":
          "name: team-b\nowner: b@example.com\ncontributors:\n  - group: ml-team\n    role: view\n",
      }),
    );
    expect(cfg.tenants.map((t) => t.name)).toEqual(["inline", "team-a", "team-b"]);
    expect(cfg.tenants[2].contributors).toEqual([{ group: "ml-team", role: "view" }]);
    expect(cfg.tenants[1].retain).toBe(true);
  });

  it("errors name the file and the field, with a fix that says what to write there", () => {
    const found = problems(
      base,
      folder({ "team-a.yaml": "name: team-a\nowner: nobody\nquota:\n  cpu: lots\n  disks: 3\n" }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^tenants\/dev\/team-a\.yaml: owner: must be an email.*\| in tenants\/dev\/team-a\.yaml, set owner/,
        ),
        expect.stringMatching(/^tenants\/dev\/team-a\.yaml: quota\.cpu:/),
        expect.stringMatching(/^tenants\/dev\/team-a\.yaml: quota\.disks:/),
      ]),
    );
  });

  it("cross-field rules apply to files too: duplicates with inline tenants, GPU quota without pools", () => {
    const found = problems(
      { ...base, tenants: [{ name: "team-a", owner: "x@example.com" }] },
      folder({ "team-a.yaml": "name: team-a\nowner: a@example.com\nquota: { gpu: 2 }\n" }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^tenants\/dev\/team-a\.yaml: name: duplicate tenant name/),
        expect.stringMatching(
          /^tenants\/dev\/team-a\.yaml: quota\.gpu: a GPU quota needs a GPU pool/,
        ),
      ]),
    );
  });

  it("a file is named after its tenant; broken YAML and a missing folder are reported", () => {
    expect(
      problems(base, folder({ "team-a.yaml": "name: team-b\nowner: a@example.com\n" })),
    ).toEqual([
      expect.stringMatching(
        /^tenants\/dev\/team-a\.yaml: name: must match the file name \(team-a\)/,
      ),
    ]);
    expect(problems(base, folder({ "x.yaml": "name: [\n" }))[0]).toMatch(
      /^tenants\/dev\/x\.yaml: is not valid YAML/,
    );
    expect(problems(base, () => undefined)).toEqual([
      expect.stringMatching(/^platform\.tenantsDir: folder not found/),
    ]);
  });

  it("a folder outside the project and files that are not tenant files are reported, never ignored", () => {
    for (const dir of ["../..", "/etc/tenants", "stacks/../../x"])
      expect(problems({ ...base, tenantsDir: dir }, () => [])).toEqual([
        expect.stringMatching(/^platform\.tenantsDir: must be a folder inside the project/),
      ]);
    expect(problems(base, () => [{ file: "tenants/dev/team-b.json" }])).toEqual([
      expect.stringMatching(/^tenants\/dev\/team-b\.json: is not a tenant file/),
    ]);
    // Upper-case extensions are tenant files too (the config is accepted).
    const upper = folder({
      "team-c.YAML":
        "name: team-c\nowner: c@example.com\nquota: { cpu: '1', memory: 1Gi, storage: 1Gi }\n",
    });
    expect(() => problems(base, upper)).toThrow("config was accepted");
  });

  it("contributors of a file's tenant that collide once lower-cased or made DNS-safe name the file", () => {
    const found = problems(
      base,
      folder({
        "team-a.yaml": [
          "name: team-a",
          "owner: a@example.com",
          "contributors:",
          "  - { email: user@example.com, role: edit }",
          "  - { email: User@example.com, role: edit }",
          "  - { email: b.c@example.com, role: view }",
          "  - { email: b-c@example.com, role: view }",
          "",
        ].join("\n"),
      }),
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^tenants\/dev\/team-a\.yaml: contributors\[1\]\.email: is another contributor but for upper and lower case/,
      ),
      expect.stringMatching(
        /^tenants\/dev\/team-a\.yaml: contributors\[3\]\.email: collides with another contributor once made DNS-safe: both would be the RoleBinding user-b-c-example-com-clusterrole-kubeflow-view/,
      ),
    ]);
  });

  it("the local stack's own tenant files are valid", () => {
    const cfg = parsePlatformConfig({ ...base, tenantsDir: "stacks/tenants/local" });
    expect(cfg.tenants.map((t) => t.name)).toContain("team-demo");
  });
});

describe("tenant fields", () => {
  const one = (t: Record<string, unknown>) =>
    problems(
      { ...base, tenantsDir: undefined, tenants: [{ name: "t", owner: "o@example.com", ...t }] },
      () => [],
    );

  it("a contributor is a user or a group, not both or neither", () => {
    expect(
      one({ contributors: [{ email: "a@example.com", group: "g", role: "edit" }] })[0],
    ).toMatch(/contributors\[0\]: set exactly one of email/);
    expect(one({ contributors: [{ role: "edit" }] })[0]).toMatch(
      /contributors\[0\]: set exactly one/,
    );
  });

  it("cloud identities are checked for shape, one at a time", () => {
    expect(one({ identity: { awsIamRole: "role/x" } })[0]).toMatch(
      /identity\.awsIamRole: must be an IAM role ARN/,
    );
    expect(one({ identity: { gcpServiceAccount: "a@gmail.com" } })[0]).toMatch(
      /identity\.gcpServiceAccount/,
    );
    expect(one({ identity: { azureClientId: "nope" } })[0]).toMatch(/identity\.azureClientId/);
    expect(
      one({
        identity: {
          awsIamRole: "arn:aws:iam::123456789012:role/x",
          azureClientId: "00000000-0000-0000-0000-000000000000",
        },
      })[0],
    ).toMatch(/identity: set at most one cloud identity/);
  });
});
