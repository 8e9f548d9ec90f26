// MinIO: generated root credentials, the bucket, and one user per tenant limited to its prefixes,
// set by an idempotent Job. The Job's script is run here against a stand-in `mc`.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import {
  provisioningScript,
  tenantPolicy,
  usersSecretData,
} from "../../components/foundation/minio";
import { deriveTenantKey } from "../../components/foundation/objectStoreCredentials";
import { SECRET_PLACEHOLDER } from "../../components/plan/recorder";
import { byName, names, plan, under } from "../mocks";

// A stand-in for the MinIO client with the behaviour the script relies on: users and policies
// are upserts, attaching an already attached policy fails (as the real mc does).
const FAKE_MC = `#!/bin/sh
state="$MC_STATE"
echo "$*" >> "$state/log"
case "$1 $2 $3" in
  "alias set store"|"mb --ignore-existing store/mlpipeline") exit 0 ;;
  "admin policy create") cp "$6" "$state/policy-$5.json" ;;
  "admin user add") echo "$6" > "$state/user-$5" ;;
  "admin user info") [ -f "$state/attached-$5" ] && printf '{"policyName":"%s"}' "$(cat "$state/attached-$5")" || printf '{}' ;;
  "admin policy attach")
    if [ -f "$state/attached-$7" ]; then echo "policy already attached" >&2; exit 1; fi
    echo "$5" > "$state/attached-$7" ;;
  *) echo "unexpected: $*" >&2; exit 2 ;;
esac
`;

function runProvisioning(dir: string, users: Record<string, string>): void {
  const usersDir = path.join(dir, "users");
  fs.rmSync(usersDir, { recursive: true, force: true });
  fs.mkdirSync(usersDir, { recursive: true });
  // Secret volume files carry the value exactly, with no trailing newline.
  for (const [file, content] of Object.entries(users))
    fs.writeFileSync(path.join(usersDir, file), content);
  // The Job's mount points, moved under the test's directory (/tmp first: dir is under it).
  const script = provisioningScript("mlpipeline")
    .replaceAll("/tmp/", `${dir}/tmp-`)
    .replaceAll("/users/", `${usersDir}/`);
  execFileSync("sh", ["-c", script], {
    env: {
      PATH: `${dir}/bin:${process.env.PATH}`,
      MC_STATE: path.join(dir, "state"),
      MINIO_ROOT_USER: "root",
      MINIO_ROOT_PASSWORD: "rootpw",
    },
    encoding: "utf8",
  });
}

describe("provisioning Job script", () => {
  it("creates each user with its policy, and a second run changes nothing and still succeeds", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "minio-provision-"));
    fs.mkdirSync(path.join(dir, "bin"));
    fs.mkdirSync(path.join(dir, "state"));
    fs.writeFileSync(path.join(dir, "bin", "mc"), FAKE_MC, { mode: 0o755 });
    const teamA = deriveTenantKey("master", "team-a");
    const users = usersSecretData(
      { accessKey: "kubeflow-pipelines", secretKey: "platform-secret" },
      { "team-a": teamA },
    );

    runProvisioning(dir, users);
    runProvisioning(dir, users);

    const state = (f: string) => fs.readFileSync(path.join(dir, "state", f), "utf8").trim();
    expect(state("attached-kubeflow-pipelines")).toBe("platform");
    expect(state(`attached-${teamA.accessKey}`)).toBe("tenant-team-a");
    expect(state(`user-${teamA.accessKey}`)).toBe(teamA.secretKey);
    // The tenant's policy is the pure one, with the tenant filled in.
    expect(JSON.parse(state("policy-tenant-team-a.json"))).toEqual(
      tenantPolicy("mlpipeline", "team-a"),
    );
    // Each user was attached exactly once over both runs.
    const attaches = state("log")
      .split("\n")
      .filter((l) => l.startsWith("admin policy attach"));
    expect(attaches).toHaveLength(2);
  });
});

describe("tenant policy (pure)", () => {
  it("grants only the shared prefixes and the tenant's own", () => {
    const p = JSON.stringify(tenantPolicy("mlpipeline", "team-a"));
    expect(p).toContain("mlpipeline/private-artifacts/team-a/*");
    expect(p).toContain("mlpipeline/private/team-a/*");
    expect(p).not.toMatch(/private-artifacts\/\*|private\/\*/);
  });

  it("users secret data: one entry per user, sorted by tenant", () => {
    const data = usersSecretData(
      { accessKey: "p", secretKey: "ps" },
      { b: { accessKey: "bk", secretKey: "bs" }, a: { accessKey: "ak", secretKey: "as" } },
    );
    expect(Object.keys(data)).toEqual(["platform", "tenant-a", "tenant-b"]);
    expect(data["tenant-a"]).toBe("ak as");
  });
});

describe("Minio component", () => {
  it("registers the server with protected state and secret credentials", async () => {
    const regs = under(await plan(), "minio");
    expect(names(regs)).toEqual([
      "minio-data",
      "minio-network-policy",
      "minio-provision",
      "minio-root",
      "minio-root-password",
      "minio-service",
      "minio-statefulset",
      "minio-users",
    ]);
    expect(byName(regs, "minio-data")).toMatchObject({ protect: true, retainOnDelete: true });
    expect(byName(regs, "minio-statefulset").protect).toBe(true);
    expect(byName(regs, "minio-root-password").protect).toBe(true);
    expect(byName(regs, "minio-users").inputs.stringData).toBe(SECRET_PLACEHOLDER);
    expect(byName(regs, "minio-root").inputs.stringData).toBe(SECRET_PLACEHOLDER);
    // The Job runs after the server and the users Secret exist.
    expect(byName(regs, "minio-provision").dependsOn).toEqual(
      expect.arrayContaining([
        byName(regs, "minio-statefulset").urn,
        byName(regs, "minio-users").urn,
      ]),
    );
  });
});
