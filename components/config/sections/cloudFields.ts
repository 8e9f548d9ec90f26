// Fields every cloud cluster kind (aws, gcp, azure) shares: its zones, its admins, who reaches the
// API, the RWX storage switch and deletion protection. Each cloud's file spreads them into its own
// schema, so a field described here reads the same in every cloud's docs.
import { z } from "zod";
import { cidr } from "../fields";
import { issue } from "../issue";

export const zonesField = (example: string[]) =>
  z
    .array(z.string().min(1))
    .min(2, {
      error: "needs at least two zones, for a control plane and nodes that survive a zone",
    })
    .superRefine((zones, ctx) => {
      // A zone listed twice is one zone: the cluster would not survive losing it.
      zones.forEach((zone, i) => {
        if (zones.indexOf(zone) !== i)
          issue(ctx, [i], "is listed twice", zone, "list each zone once (two or more zones)");
      });
    })
    .meta({ description: "Zones for the nodes (two or more).", examples: [example] });

export const admins = (example: string) =>
  z
    .array(z.string().min(1))
    .default([])
    .meta({ description: "Who gets cluster-admin.", examples: [[example]] });

// Both guards, Pulumi's protect and the cloud's own deletion protection, follow this one switch, so
// a teardown is: set it false, `pulumi up`, `pulumi destroy` (docs/<cloud>.md, "Teardown").
export const deletionProtectionField = {
  deletionProtection: z
    .boolean()
    .default(true)
    .meta({
      description:
        "Protect the cluster, its network, the managed database and the bucket: Pulumi protect plus the cloud's deletion protection where the resource has one. Set false and run pulumi up before pulumi destroy.",
      examples: [false],
    }),
};

export const storageFields = {
  rwxStorageClass: z
    .boolean()
    .default(false)
    .meta({
      description:
        "Also create a ReadWriteMany StorageClass (EFS, Filestore, Azure Files) for shared notebook volumes.",
      examples: [true],
    }),
};

export const apiAccess = z
  .strictObject({
    publicEndpoint: z.boolean().default(true),
    allowedCidrs: z.array(cidr()).default(["0.0.0.0/0"]),
  })
  .prefault({})
  .meta({ description: "Who reaches the Kubernetes API. Nodes are always private." });

/** A CIDR rule's fix: set the field to this example range. */
export const cidrFix = (example: string) => [{ value: example }];
