// Storage: the EBS CSI driver (an EKS add-on with an IRSA role) and a default gp3 StorageClass
// (EKS 1.30+ has no default class); with rwxStorageClass, EFS and an `efs` class for
// ReadWriteMany notebook volumes.
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { eksAddons } from "../../versions";
import { eksAddon } from "./addons";
import { EksIdentity } from "./identity";
import { EksNetwork } from "./network";
import { EksScope } from "./scope";

/** The default StorageClass the cluster layer creates (EKS 1.30+ has none). */
export const AWS_STORAGE_CLASS = "gp3";

/** The EBS CSI driver add-on, installed once nodes exist to run its controller. */
export function ebsCsiDriver(
  scope: EksScope,
  cluster: aws.eks.Cluster,
  identity: EksIdentity,
  nodeGroups: aws.eks.NodeGroup[],
): aws.eks.Addon {
  const ebsRole = identity.irsaRole(
    "ebs-csi",
    ["kube-system:ebs-csi-controller-sa"],
    ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"],
  );
  return eksAddon(
    scope,
    cluster,
    eksAddons.ebsCsi,
    "ebs-csi",
    { serviceAccountRoleArn: ebsRole.arn },
    nodeGroups,
  );
}

/** The default gp3 class: encrypted, expandable, retained, bound where the pod lands. */
export function gp3StorageClass(scope: EksScope, opts: pulumi.CustomResourceOptions): void {
  new k8s.storage.v1.StorageClass(
    `${scope.name}-gp3`,
    {
      metadata: {
        name: AWS_STORAGE_CLASS,
        annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
      },
      provisioner: "ebs.csi.aws.com",
      parameters: { type: "gp3", encrypted: "true" },
      volumeBindingMode: "WaitForFirstConsumer",
      allowVolumeExpansion: true,
      reclaimPolicy: "Retain",
    },
    opts,
  );
}

/**
 * EFS for ReadWriteMany notebook volumes: encrypted, mount targets in every private subnet,
 * reachable from the cluster's network only; the EFS CSI add-on and an `efs` StorageClass.
 * Returns the add-on (what must be ready before volumes are claimed).
 */
export function efsStorage(
  scope: EksScope,
  cluster: aws.eks.Cluster,
  network: EksNetwork,
  identity: EksIdentity,
  nodeGroups: aws.eks.NodeGroup[],
  k8sOpts: pulumi.CustomResourceOptions,
): aws.eks.Addon {
  const { name, tags } = scope;
  const parent = { parent: scope.parent };
  const efsAccess = new aws.ec2.SecurityGroup(
    `${name}-efs-access`,
    {
      vpcId: network.vpcId,
      description: "NFS from the cluster's network only",
      ingress: [{ protocol: "tcp", fromPort: 2049, toPort: 2049, cidrBlocks: [network.vpcCidr] }],
      tags,
    },
    parent,
  );
  const fs = new aws.efs.FileSystem(
    `${name}-efs`,
    { encrypted: true, performanceMode: "generalPurpose", throughputMode: "elastic", tags },
    { ...parent, protect: scope.protect },
  );
  network.privateSubnetIds.forEach(
    (subnetId, i) =>
      new aws.efs.MountTarget(
        `${name}-efs-${i}`,
        { fileSystemId: fs.id, subnetId, securityGroups: [efsAccess.id] },
        parent,
      ),
  );
  const efsRole = identity.irsaRole(
    "efs-csi",
    ["kube-system:efs-csi-controller-sa"],
    ["arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy"],
  );
  const efsAddon = eksAddon(
    scope,
    cluster,
    eksAddons.efsCsi,
    "efs-csi",
    { serviceAccountRoleArn: efsRole.arn },
    nodeGroups,
  );
  new k8s.storage.v1.StorageClass(
    `${name}-efs`,
    {
      metadata: { name: "efs" },
      provisioner: "efs.csi.aws.com",
      parameters: { provisioningMode: "efs-ap", fileSystemId: fs.id, directoryPerms: "700" },
      reclaimPolicy: "Retain",
    },
    { ...k8sOpts, dependsOn: [efsAddon] },
  );
  return efsAddon;
}
