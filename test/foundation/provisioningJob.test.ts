// The one provisioning Job builder (MySQL's databases Job, MinIO's users Jobs): named after what
// it runs, so a change is a new Job; restricted, so the kubeflow-data namespace admits it.
import * as pulumi from "@pulumi/pulumi";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ProvisioningJobArgs,
  provisioningJob,
  provisioningJobName,
} from "../../components/foundation/provisioningJob";

// Built objects are read as JSON, as the API server would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const ARGS: ProvisioningJobArgs = {
  prefix: "store-users",
  script: "echo provision",
  runKey: ["a", "b"],
  container: {
    name: "provision",
    image: "registry.example/tool:1.0",
    shell: "/bin/sh",
    env: [{ name: "USER", value: "admin" }],
    volumeMounts: [{ name: "users", mountPath: "/users", readOnly: true }],
  },
  volumes: [{ name: "users", secret: { secretName: "users" } }],
  uid: 1000,
};

const build = (over: Partial<ProvisioningJobArgs> = {}) =>
  provisioningJob({ ...ARGS, ...over }) as Json;

describe("provisioningJobName (pure)", () => {
  it("changes with the script and with the run key, and only with them", () => {
    const name = provisioningJobName("p", "script", ["a"]);
    expect(name).toMatch(/^p-[0-9a-f]{10}$/);
    expect(provisioningJobName("p", "script", ["a"])).toBe(name);
    expect(provisioningJobName("p", "script 2", ["a"])).not.toBe(name);
    expect(provisioningJobName("p", "script", ["a", "b"])).not.toBe(name);
  });

  it("is a DNS label for any run key, given a short DNS prefix", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,40}[a-z0-9]$/), fc.jsonValue(), (p, key) => {
        const name = provisioningJobName(p, "s", key);
        expect(name.length).toBeLessThanOrEqual(63);
        expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      }),
    );
  });
});

describe("provisioningJob (pure)", () => {
  it("is named from the script and the run key, in kubeflow-data, labelled with its prefix", () => {
    const job = build();
    expect(job.metadata.name).toBe(
      provisioningJobName("store-users", "echo provision", ["a", "b"]),
    );
    expect(job.metadata.namespace).toBe("kubeflow-data");
    expect(job.metadata.labels["app.kubernetes.io/component"]).toBe("store-users");
    expect(job.spec.template.metadata.labels).toEqual(job.metadata.labels);
  });

  it("runs restricted: non-root as the image's user, no privilege escalation, all capabilities dropped", () => {
    const pod = build().spec.template.spec;
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(pod.containers).toHaveLength(1);
    expect(pod.containers[0].securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      runAsNonRoot: true,
      capabilities: { drop: ["ALL"] },
    });
    expect(build({ fsGroup: true }).spec.template.spec.securityContext.fsGroup).toBe(1000);
  });

  it("runs the script with the given shell, retrying on failure, with small bounded resources", () => {
    const job = build();
    const container = job.spec.template.spec.containers[0];
    expect(container.command).toEqual(["/bin/sh", "-c", "echo provision"]);
    expect(job.spec.template.spec.restartPolicy).toBe("OnFailure");
    expect(job.spec.backoffLimit).toBe(6);
    expect(container.resources.limits.memory).toBe("128Mi");
    expect(container.env).toEqual(ARGS.container.env);
    expect("envFrom" in container).toBe(false);
    expect("annotations" in job.spec.template.metadata).toBe(false);
  });

  it("takes its name from an Output run key when the key is known only at deploy time", async () => {
    const job = build({ runKey: pulumi.output(["a", "b"]) });
    expect(pulumi.Output.isInstance(job.metadata.name)).toBe(true);
    const name = await new Promise((resolve) => job.metadata.name.apply(resolve));
    expect(name).toBe(build().metadata.name);
  });
});
