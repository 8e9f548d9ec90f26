// GKE: a VPC with one subnet (pods and services as secondary ranges) and Cloud NAT for egress, a
// regional private cluster (private nodes, Workload Identity, Filestore CSI for RWX, authorized
// networks for the API), node pools (system, CPU, GPU with GKE-installed drivers, tainted, scaling
// from zero) and, when asked, Cloud SQL MySQL on a private IP and a GCS bucket that Pipelines
// reaches with Workload Identity and, for its S3 client, HMAC keys.
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { GcpCluster, NodePool } from "../config/clusters";
import { GPU_TAINT_TOLERATION, POOL_LABEL, gpuPoolsOf } from "../config/schema";
import {
  CloudClusterArgs,
  ClusterFacts,
  ClusterLayer,
  execKubeconfig,
  stackClusterName,
} from "./facts";
import { PIPELINES_SERVICE_ACCOUNTS } from "./aws";

/** A node pool's settings. Pure. */
export function gkeNodePoolSettings(pool: NodePool) {
  return {
    autoscaling: { minNodeCount: pool.minSize, maxNodeCount: pool.maxSize },
    initialNodeCount: pool.desiredSize ?? Math.max(pool.minSize, pool.role === "system" ? 1 : 0),
    nodeConfig: {
      machineType: pool.machineType,
      diskSizeGb: pool.diskGiB,
      labels: { [POOL_LABEL]: pool.name, "kubeflow-platform/role": pool.role },
      taints:
        pool.role === "gpu"
          ? [{ key: GPU_TAINT_TOLERATION.key, value: "present", effect: "NO_SCHEDULE" }]
          : [],
      guestAccelerators:
        pool.role === "gpu" && pool.gpu
          ? [
              {
                type: pool.gpu.type,
                count: pool.gpu.count,
                // GKE installs the driver and runs the device plugin itself.
                gpuDriverInstallationConfig: { gpuDriverVersion: "LATEST" },
              },
            ]
          : [],
      workloadMetadataConfig: { mode: "GKE_METADATA" },
      oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
      shieldedInstanceConfig: { enableSecureBoot: true },
    },
  };
}

/** A kubeconfig that logs in with gke-gcloud-auth-plugin. Pure. */
export function gkeKubeconfig(args: { name: string; endpoint: string; caData: string }): string {
  return execKubeconfig({
    name: args.name,
    server: `https://${args.endpoint}`,
    caData: args.caData,
    exec: {
      command: "gke-gcloud-auth-plugin",
      provideClusterInfo: true,
      installHint:
        "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin",
    },
  });
}

/** The Workload Identity member of a Kubernetes service account ("namespace:name"). Pure. */
export function workloadIdentityMember(project: string, serviceAccount: string): string {
  const [ns, name] = serviceAccount.split(":");
  return `serviceAccount:${project}.svc.id.goog[${ns}/${name}]`;
}

/** A backend-service-based external passthrough load balancer for the ingress gateway. */
export const GCP_INGRESS_ANNOTATIONS = { "cloud.google.com/l4-rbs": "enabled" };

export type GkeClusterArgs = CloudClusterArgs<GcpCluster>;

export class GkeCluster extends pulumi.ComponentResource implements ClusterLayer {
  readonly provider: k8s.Provider;
  readonly context: pulumi.Output<string>;
  readonly facts: ClusterFacts;
  readonly ready: pulumi.Resource[];
  readonly kubeconfig: pulumi.Output<string>;
  readonly clusterIdentifier: pulumi.Output<string>;

  constructor(name: string, args: GkeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    const c = args.cluster;
    super("kubeflow-platform:cluster:GkeCluster", name, {}, opts);
    const parent = { parent: this };
    const clusterName = stackClusterName();
    const project = c.project;

    // The network: the user's, or a new VPC with one node subnet and Cloud NAT for egress.
    let networkId: pulumi.Input<string>;
    let subnetId: pulumi.Input<string>;
    if (c.network.existingNetwork && c.network.existingSubnetwork) {
      networkId = c.network.existingNetwork;
      subnetId = c.network.existingSubnetwork;
    } else {
      const network = new gcp.compute.Network(
        `${name}-network`,
        { project, name: clusterName, autoCreateSubnetworks: false },
        { ...parent, protect: true },
      );
      const subnet = new gcp.compute.Subnetwork(
        `${name}-nodes`,
        {
          project,
          region: c.region,
          network: network.id,
          ipCidrRange: c.network.cidr,
          privateIpGoogleAccess: true,
          secondaryIpRanges: [
            { rangeName: "pods", ipCidrRange: c.network.podsCidr },
            { rangeName: "services", ipCidrRange: c.network.servicesCidr },
          ],
        },
        parent,
      );
      const router = new gcp.compute.Router(
        `${name}-router`,
        { project, region: c.region, network: network.id },
        parent,
      );
      new gcp.compute.RouterNat(
        `${name}-nat`,
        {
          project,
          region: c.region,
          router: router.name,
          natIpAllocateOption: "AUTO_ONLY",
          sourceSubnetworkIpRangesToNat: "ALL_SUBNETWORKS_ALL_IP_RANGES",
        },
        parent,
      );
      networkId = network.id;
      subnetId = subnet.id;
    }

    const cluster = new gcp.container.Cluster(
      `${name}-gke`,
      {
        project,
        name: clusterName,
        location: c.region,
        nodeLocations: c.zones,
        minMasterVersion: c.kubernetesVersion,
        releaseChannel: { channel: "UNSPECIFIED" },
        network: networkId,
        subnetwork: subnetId,
        removeDefaultNodePool: true,
        initialNodeCount: 1,
        ipAllocationPolicy: {
          clusterSecondaryRangeName: "pods",
          servicesSecondaryRangeName: "services",
        },
        privateClusterConfig: {
          enablePrivateNodes: true,
          enablePrivateEndpoint: !c.apiAccess.publicEndpoint,
          masterIpv4CidrBlock: c.network.masterCidr,
        },
        masterAuthorizedNetworksConfig: {
          cidrBlocks: c.apiAccess.allowedCidrs.map((cidrBlock) => ({
            cidrBlock,
            displayName: cidrBlock,
          })),
        },
        workloadIdentityConfig: { workloadPool: `${project}.svc.id.goog` },
        addonsConfig: { gcpFilestoreCsiDriverConfig: { enabled: c.rwxStorageClass } },
        deletionProtection: true,
      },
      { ...parent, protect: true },
    );
    for (const [i, member] of c.admins.entries())
      new gcp.projects.IAMMember(
        `${name}-admin-${i}`,
        { project, role: "roles/container.admin", member },
        parent,
      );
    const nodeSa = new gcp.serviceaccount.Account(
      `${name}-node-identity`,
      { project, accountId: `${clusterName}-nodes`.slice(0, 30), displayName: "GKE nodes" },
      parent,
    );
    for (const role of [
      "roles/logging.logWriter",
      "roles/monitoring.metricWriter",
      "roles/artifactregistry.reader",
    ])
      new gcp.projects.IAMMember(
        `${name}-nodes-${role.split("/")[1]}`,
        { project, role, member: pulumi.interpolate`serviceAccount:${nodeSa.email}` },
        parent,
      );
    const pools = c.nodePools.map((pool) => {
      const s = gkeNodePoolSettings(pool);
      return new gcp.container.NodePool(
        `${name}-${pool.name}`,
        {
          project,
          name: pool.name,
          location: c.region,
          cluster: cluster.name,
          nodeLocations: c.zones,
          ...s,
          nodeConfig: { ...s.nodeConfig, serviceAccount: nodeSa.email },
          management: { autoRepair: true, autoUpgrade: false },
        },
        // The cluster autoscaler owns the size once the pool exists.
        { ...parent, ignoreChanges: ["initialNodeCount", "nodeCount"] },
      );
    });

    this.kubeconfig = pulumi.secret(
      pulumi
        .all([cluster.name, cluster.endpoint, cluster.masterAuth])
        .apply(([n, endpoint, auth]) =>
          gkeKubeconfig({ name: n, endpoint, caData: auth.clusterCaCertificate ?? "" }),
        ),
    );
    this.context = cluster.name;
    this.clusterIdentifier = cluster.id;
    this.provider = new k8s.Provider(
      `${name}-k8s`,
      { kubeconfig: this.kubeconfig, clusterIdentifier: cluster.id, enableServerSideApply: true },
      parent,
    );
    this.ready = pools;

    let managedDatabase: ClusterFacts["managedDatabase"];
    if (args.database.kind === "managed") {
      // Private services access: Cloud SQL gets an address in a peered range of our network.
      const range = new gcp.compute.GlobalAddress(
        `${name}-sql-range`,
        {
          project,
          purpose: "VPC_PEERING",
          addressType: "INTERNAL",
          prefixLength: 20,
          network: networkId,
        },
        parent,
      );
      const peering = new gcp.servicenetworking.Connection(
        `${name}-sql-peering`,
        {
          network: networkId,
          service: "servicenetworking.googleapis.com",
          reservedPeeringRanges: [range.name],
        },
        parent,
      );
      const db = new gcp.sql.DatabaseInstance(
        `${name}-mysql`,
        {
          project,
          region: c.region,
          databaseVersion: "MYSQL_8_0",
          deletionProtection: true,
          settings: {
            tier: args.database.instanceClass ?? "db-custom-2-7680",
            diskSize: args.database.storageGiB,
            diskAutoresize: true,
            availabilityType: "REGIONAL",
            ipConfiguration: {
              ipv4Enabled: false,
              privateNetwork: networkId,
              sslMode: "ALLOW_UNENCRYPTED_AND_ENCRYPTED",
            },
            backupConfiguration: {
              enabled: true,
              binaryLogEnabled: true,
              backupRetentionSettings: { retainedBackups: args.database.backupRetentionDays },
            },
            deletionProtectionEnabled: true,
          },
        },
        { ...parent, protect: true, dependsOn: [peering] },
      );
      const password = new random.RandomPassword(
        `${name}-db-admin-password`,
        { length: 32, special: false },
        { ...parent, protect: true },
      );
      // Generated, so secret from the start (not every provider marks its input secret).
      const adminPassword = pulumi.secret(password.result);
      new gcp.sql.User(
        `${name}-db-admin`,
        { project, instance: db.name, name: "kfadmin", host: "%", password: adminPassword },
        parent,
      );
      managedDatabase = {
        host: db.privateIpAddress,
        port: 3306,
        adminUser: "kfadmin",
        adminPassword,
      };
    }

    let managedObjectStore: ClusterFacts["managedObjectStore"];
    if (args.objectStore.kind === "managed") {
      const bucketName = args.objectStore.bucket ?? `${clusterName}-pipelines`.slice(0, 63);
      const bucket = new gcp.storage.Bucket(
        `${name}-pipelines-bucket`,
        {
          project,
          name: bucketName,
          location: c.region.toUpperCase(),
          uniformBucketLevelAccess: true,
          publicAccessPrevention: "enforced",
          versioning: { enabled: true },
          forceDestroy: false,
        },
        { ...parent, protect: true },
      );
      const sa = new gcp.serviceaccount.Account(
        `${name}-pipelines-identity`,
        {
          project,
          accountId: `${clusterName}-kfp`.slice(0, 30),
          displayName: "Kubeflow Pipelines",
        },
        parent,
      );
      new gcp.storage.BucketIAMMember(
        `${name}-pipelines-bucket-access`,
        {
          bucket: bucket.name,
          role: "roles/storage.objectAdmin",
          member: pulumi.interpolate`serviceAccount:${sa.email}`,
        },
        parent,
      );
      // Workload Identity for the Pipelines service accounts, exactly those two.
      for (const ksa of PIPELINES_SERVICE_ACCOUNTS)
        new gcp.serviceaccount.IAMMember(
          `${name}-pipelines-${ksa.split(":")[1]}`,
          {
            serviceAccountId: sa.name,
            role: "roles/iam.workloadIdentityUser",
            member: workloadIdentityMember(project, ksa),
          },
          { ...parent, dependsOn: [cluster] },
        );
      // Pipelines' API server speaks only S3: GCS's interoperability endpoint with HMAC keys.
      const hmac = new gcp.storage.HmacKey(
        `${name}-pipelines`,
        { project, serviceAccountEmail: sa.email },
        parent,
      );
      managedObjectStore = {
        host: "storage.googleapis.com",
        port: 443,
        secure: true,
        region: "auto",
        bucket: bucketName,
        keys: pulumi.secret(
          pulumi
            .all([hmac.accessId, hmac.secret])
            .apply(([accessKey, secretKey]) => ({ accessKey, secretKey })),
        ),
      };
    }

    this.facts = {
      gpuPools: gpuPoolsOf(c),
      rwxStorageClass: c.rwxStorageClass ? "standard-rwx" : undefined,
      ingressAnnotations: GCP_INGRESS_ANNOTATIONS,
      managedDatabase,
      managedObjectStore,
      tenantIdentity: { workloadPool: `${project}.svc.id.goog`, project },
    };
    this.registerOutputs({ clusterName: cluster.name });
  }
}
