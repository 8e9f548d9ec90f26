// The Job that provisions a data service's users (MySQL databases and users, MinIO users and
// policies). Its name carries a digest of its script and of what names the run, so a changed script
// or a changed set of users is a new Job (Jobs are immutable) and the old one is deleted; the run
// itself is idempotent, so running again is always safe. Pure.
import { createHash } from "crypto";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { labels, restrictedContainerSecurity } from "../lib/k8s";
import { DATA_NAMESPACE, restrictedPodSecurity } from "./data";

/** `<prefix>-<10 hex digits of the script and the run key>`. Pure. */
export function provisioningJobName(prefix: string, script: string, runKey: unknown): string {
  const digest = createHash("sha256").update(script).update(JSON.stringify(runKey)).digest("hex");
  return `${prefix}-${digest.slice(0, 10)}`;
}

export interface ProvisioningJobArgs {
  /** The Job's name prefix and its component label. */
  prefix: string;
  /** The shell script the container runs. */
  script: string;
  /**
   * What, besides the script, makes a run new: user names, never secret values (it is hashed into
   * the name). An Output when it is known only at deploy time.
   */
  runKey: unknown;
  container: {
    name: string;
    image: string;
    /** The shell that runs the script (the image's own). */
    shell: string;
    env?: k8s.types.input.core.v1.EnvVar[];
    envFrom?: k8s.types.input.core.v1.EnvFromSource[];
    volumeMounts: k8s.types.input.core.v1.VolumeMount[];
  };
  volumes: k8s.types.input.core.v1.Volume[];
  /** The image's non-root user (and group). */
  uid: number;
  /** Mounted volumes writable by that user. @default false */
  fsGroup?: boolean;
  /** Pod template annotations (a checksum of what the Job reads). @default none */
  annotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** A restricted, content-named provisioning Job in kubeflow-data. Pure. */
export function provisioningJob(args: ProvisioningJobArgs): k8s.batch.v1.JobArgs {
  const { name: containerName, image, shell, env, envFrom, volumeMounts } = args.container;
  const name = pulumi.Output.isInstance(args.runKey)
    ? args.runKey.apply((key) => provisioningJobName(args.prefix, args.script, key))
    : provisioningJobName(args.prefix, args.script, args.runKey);
  return {
    metadata: { name, namespace: DATA_NAMESPACE, labels: labels(args.prefix) },
    spec: {
      backoffLimit: 6,
      template: {
        metadata: {
          labels: labels(args.prefix),
          ...(args.annotations ? { annotations: args.annotations } : {}),
        },
        spec: {
          restartPolicy: "OnFailure",
          securityContext: restrictedPodSecurity(args.uid, args.fsGroup ?? false),
          containers: [
            {
              name: containerName,
              image,
              command: [shell, "-c", args.script],
              ...(env ? { env } : {}),
              ...(envFrom ? { envFrom } : {}),
              resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } },
              securityContext: restrictedContainerSecurity,
              volumeMounts,
            },
          ],
          volumes: args.volumes,
        },
      },
    },
  };
}
