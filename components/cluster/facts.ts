// What the cluster layer hands the platform layer, whatever the cluster kind: a Kubernetes provider
// and the facts the platform needs (storage, GPU pools, the mesh's platform, load balancer
// annotations, managed data services, what tenants' cloud identities trust). Below the cluster layer
// nothing reads the cluster's config: a platform stack on a cluster stack sees the same facts.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { stringify } from "yaml";
import { DatabaseConfig, GpuPool, ObjectStoreConfig } from "../config/schema";
import { dnsLabelName } from "../lib/naming";
import { requireStackOutput } from "../lib/stackOutputs";
import { ManagedDatabaseFacts, ManagedObjectStoreFacts } from "../foundation/dataServices";
import { addressTypeOf } from "../foundation/externalService";
import { IstioPlatform } from "../foundation/istio";
import { AccessKey } from "../foundation/objectStoreCredentials";
import { KubernetesProviderSettings, kubernetesProviderOptions } from "../lib/k8sProvider";

// What the cluster layer hands down about data services is named with the rest of that vocabulary.
export type { ManagedDatabaseFacts, ManagedObjectStoreFacts };

export interface ClusterFacts {
  /** StorageClass for platform volumes; undefined means the cluster default. */
  storageClass?: string;
  /** A ReadWriteMany StorageClass for shared notebook volumes, when created. */
  rwxStorageClass?: string;
  gpuPools: GpuPool[];
  /** The platform the mesh's CNI agent must be set up for ("gke": GKE's CNI bin directory). @default none */
  meshPlatform?: IstioPlatform;
  /** What the ingress gateway's Service needs for the cloud's load balancer. */
  ingressAnnotations: Record<string, string>;
  managedDatabase?: ManagedDatabaseFacts;
  managedObjectStore?: ManagedObjectStoreFacts;
  /** What per-tenant cloud identities trust (OIDC provider, workload pool, issuer). */
  tenantIdentity?: Record<string, pulumi.Input<string>>;
}

/** What every cloud cluster component takes: its cluster config and the data services to create. */
export interface CloudClusterArgs<C> {
  cluster: C;
  database: DatabaseConfig;
  objectStore: ObjectStoreConfig;
  /** Settings of the cluster's Kubernetes provider (reattach). @default none */
  provider?: KubernetesProviderSettings;
}

/** The cloud cluster's name (and prefix of its resources' names): project and stack. */
export function stackClusterName(): string {
  return dnsLabelName(pulumi.getProject(), pulumi.getStack());
}

/** A kubeconfig for one cluster whose user logs in through an exec plugin. Pure. */
export function execKubeconfig(args: {
  name: string;
  server: string;
  caData: string;
  exec: Record<string, unknown>;
}): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name: args.name,
        cluster: { server: args.server, "certificate-authority-data": args.caData },
      },
    ],
    contexts: [{ name: args.name, context: { cluster: args.name, user: args.name } }],
    "current-context": args.name,
    users: [
      {
        name: args.name,
        user: { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", ...args.exec } },
      },
    ],
  });
}

export interface ClusterLayer {
  provider: k8s.Provider;
  /** The kubeconfig (secret) of a cluster the platform created; a cluster stack exports it. */
  kubeconfig?: pulumi.Output<string>;
  /** The provider's stable cluster identity. */
  clusterIdentifier?: pulumi.Input<string>;
  /** The kubeconfig context or cluster name, for humans. */
  context: pulumi.Input<string>;
  facts: ClusterFacts;
  /** Resources that must exist before anything is deployed on the cluster (node pools, add-ons). */
  ready: pulumi.Resource[];
}

/**
 * A cluster made by another stack (layers: cluster), seen through a StackReference: its provider
 * from the exported kubeconfig, its facts as exported.
 */
export async function clusterFromStack(
  stack: string,
  settings: KubernetesProviderSettings = {},
): Promise<ClusterLayer> {
  const { ref, value: facts } = await requireStackOutput<
    ClusterFacts & { clusterIdentifier?: string }
  >("cluster-stack", stack, "clusterFacts", "platform.clusterStack", '"cluster"');
  const kubeconfig = pulumi.secret(ref.requireOutput("kubeconfig") as pulumi.Output<string>);
  const db = facts.managedDatabase as unknown as
    { host: string; port: number; adminUser: string; adminPassword: string } | undefined;
  const store = facts.managedObjectStore as unknown as
    (Omit<ManagedObjectStoreFacts, "keys"> & { keys?: AccessKey }) | undefined;
  return {
    provider: new k8s.Provider("cluster-k8s", {
      kubeconfig,
      clusterIdentifier: facts.clusterIdentifier ?? stack,
      ...kubernetesProviderOptions(settings),
    }),
    context: stack,
    ready: [],
    facts: {
      ...facts,
      managedDatabase: db && {
        ...db,
        host: pulumi.output(db.host),
        // The exported host is a plain string here: its shape says whether it is an address.
        hostAddressType: addressTypeOf(db.host),
        adminPassword: pulumi.secret(db.adminPassword),
      },
      managedObjectStore: store && {
        ...store,
        keys: store.keys ? pulumi.secret(store.keys) : undefined,
      },
    },
  };
}
