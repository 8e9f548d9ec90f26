// MinIO: generated root credentials, the bucket, and one user per tenant limited to its prefixes,
// set by an idempotent Job. The Job's script is run here against a stand-in `mc`.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  MINIO_REQUESTS,
  minioStatefulSetSpec,
  minioUsersJob,
  provisioningScript,
  tenantPolicy,
  usersSecretData,
} from "../../components/foundation/minio";
import { deriveTenantKey } from "../../components/foundation/objectStoreCredentials";
import { SECRET_PLACEHOLDER } from "../../components/plan/recorder";
import { images } from "../../components/versions";
import { byName, names, plan, under } from "../mocks";

// Built objects are read as JSON, as the API server would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

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

describe("StatefulSet spec (pure)", () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const spec = minioStatefulSetSpec("minio-data") as any;
  const pod = spec.spec.template.spec;
  const container = pod.containers[0];

  it("one pinned server on its claim, selected by the Service's selector", () => {
    expect(spec.spec.replicas).toBe(1);
    expect(container.image).toBe(images.minio);
    expect(container.args).toEqual(["server", "/data"]);
    expect(pod.volumes).toEqual([
      { name: "data", persistentVolumeClaim: { claimName: "minio-data" } },
    ]);
    expect(container.volumeMounts).toEqual([{ name: "data", mountPath: "/data" }]);
    expect(spec.spec.selector.matchLabels).toEqual({ "app.kubernetes.io/name": "minio" });
    expect(spec.spec.template.metadata.labels).toMatchObject(spec.spec.selector.matchLabels);
  });

  it("root credentials only from the root Secret, never a literal value", () => {
    expect(container.envFrom).toEqual([{ secretRef: { name: "minio-root" } }]);
    expect(container.env).toBeUndefined();
  });

  it("runs restricted as MinIO's user, owning its data volume, with the footprint's requests", () => {
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      fsGroup: 1000,
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false });
    expect(container.resources.requests).toEqual(MINIO_REQUESTS.requests);
    expect(container.readinessProbe.httpGet.path).toBe("/minio/health/ready");
  });
});

describe("users Job (pure)", () => {
  const job = (users: Record<string, string>) =>
    minioUsersJob({
      secretName: "minio-users",
      jobPrefix: "minio-provision",
      bucket: "mlpipeline",
      users: pulumi.output(users),
    }) as Json;
  const value = (o: pulumi.Output<string>) => new Promise<string>((r) => o.apply(r));
  const annotation = async (j: ReturnType<typeof job>) =>
    value(
      pulumi
        .output(j.spec.template.metadata.annotations)
        .apply(
          (a: Record<string, string>) => a["checksum.kubeflow-platform.io/secret-minio-users"],
        ),
    );

  it("a new Job for a new set of users; a rotated key changes only the pod template", async () => {
    const one = job({ platform: "k s" });
    const rotated = job({ platform: "k s2" });
    const more = job({ platform: "k s", "tenant-a": "a b" });
    expect(await value(one.metadata.name)).toMatch(/^minio-provision-[0-9a-f]{10}$/);
    expect(await value(rotated.metadata.name)).toBe(await value(one.metadata.name));
    expect(await value(more.metadata.name)).not.toBe(await value(one.metadata.name));
    expect(await annotation(rotated)).not.toBe(await annotation(one));
  });

  it("runs the provisioning script with the root Secret's credentials, the users mounted read-only", () => {
    const pod = job({}).spec.template.spec;
    expect(pod.containers[0].command).toEqual(["/bin/sh", "-c", provisioningScript("mlpipeline")]);
    expect(pod.containers[0].envFrom).toEqual([{ secretRef: { name: "minio-root" } }]);
    expect(pod.volumes[0]).toEqual({ name: "users", secret: { secretName: "minio-users" } });
    expect(pod.securityContext.fsGroup).toBe(1000);
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
