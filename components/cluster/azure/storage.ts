// Storage classes: AKS's premium SSD class for the platform's volumes, and an Azure Files NFS
// class for ReadWriteMany notebook volumes when asked.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

/** AKS's SSD class, for the platform's volumes (MySQL, MinIO). */
export const AZURE_STORAGE_CLASS = "managed-csi-premium";

export const AZURE_RWX_STORAGE_CLASS = "azurefile-rwx";

export function azureFilesClass(
  name: string,
  parent: pulumi.Resource,
  provider: k8s.Provider,
  ready: pulumi.Resource[],
): k8s.storage.v1.StorageClass {
  return new k8s.storage.v1.StorageClass(
    `${name}-azurefile`,
    {
      metadata: { name: AZURE_RWX_STORAGE_CLASS },
      provisioner: "file.csi.azure.com",
      parameters: { skuName: "Premium_LRS", protocol: "nfs" },
      reclaimPolicy: "Retain",
      allowVolumeExpansion: true,
    },
    { parent, provider, dependsOn: ready },
  );
}
