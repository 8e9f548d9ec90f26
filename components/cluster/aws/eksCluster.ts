// EKS with raw @pulumi/aws, composed of one part per concern: the network (network.ts), the control
// plane and its admins (controlPlane.ts), IRSA (identity.ts), the managed add-ons (addons.ts), node
// groups (nodeGroups.ts), storage (storage.ts), the cluster autoscaler (autoscaler.ts), the NVIDIA
// device plugin on GPU pools, and, when asked, RDS MySQL (database.ts) and the Pipelines bucket
// (bucket.ts). Every resource is a child of this component under the name it had when this was one
// file, so the split moved no URN.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AwsCluster } from "../../config/clusters";
import { gpuPoolsOf } from "../../config/schema";
import { pinnedChart } from "../../upstream/charts";
import { charts } from "../../versions";
import { CloudClusterArgs, ClusterFacts, ClusterLayer, stackClusterName } from "../facts";
import { devicePluginValues } from "../gpu";
import { coreAddons, coreDns } from "./addons";
import { clusterAutoscaler } from "./autoscaler";
import { pipelinesBucket } from "./bucket";
import { eksControlPlane } from "./controlPlane";
import { rdsMysql } from "./database";
import { eksIdentity } from "./identity";
import { eksAccess } from "./kubeconfig";
import { AWS_INGRESS_ANNOTATIONS, eksNetwork } from "./network";
import { eksNodeGroups } from "./nodeGroups";
import { EksScope } from "./scope";
import { AWS_STORAGE_CLASS, ebsCsiDriver, efsStorage, gp3StorageClass } from "./storage";

export interface EksClusterArgs extends CloudClusterArgs<AwsCluster> {
  /**
   * The IAM principal creating the cluster (programPrincipalArn()), which EKS makes an admin: it
   * gets no access entry of ours. @default none known: every listed admin gets one
   */
  creatorArn?: string;
}

export class EksCluster extends pulumi.ComponentResource implements ClusterLayer {
  readonly provider: k8s.Provider;
  readonly context: pulumi.Output<string>;
  readonly facts: ClusterFacts;
  readonly ready: pulumi.Resource[];
  /** The kubeconfig (secret), exported by a cluster stack. */
  readonly kubeconfig: pulumi.Output<string>;
  readonly clusterIdentifier: pulumi.Output<string>;

  constructor(name: string, args: EksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kubeflow-platform:cluster:EksCluster", name, {}, opts);
    const c = args.cluster;
    const scope: EksScope = {
      name,
      clusterName: stackClusterName(),
      tags: { "kubeflow-platform/stack": pulumi.getStack() },
      parent: this,
      protect: c.deletionProtection,
    };
    const network = eksNetwork(scope, c);
    const cluster = eksControlPlane(scope, c, network, args.creatorArn);
    const identity = eksIdentity(scope, cluster);
    const core = coreAddons(scope, cluster);
    const nodeGroups = eksNodeGroups(scope, c, cluster, network, [core.vpcCni]);
    const dns = coreDns(scope, cluster, nodeGroups);
    const ebs = ebsCsiDriver(scope, cluster, identity, nodeGroups);
    const access = eksAccess(scope, cluster, c.region, args.provider);
    this.kubeconfig = access.kubeconfig;
    this.provider = access.provider;
    this.context = cluster.name;
    this.clusterIdentifier = cluster.arn;

    const k8sOpts = { parent: this, provider: this.provider, dependsOn: [ebs, ...nodeGroups] };
    gp3StorageClass(scope, k8sOpts);
    const ready: pulumi.Resource[] = [core.vpcCni, core.kubeProxy, dns, ebs, ...nodeGroups];
    if (c.rwxStorageClass)
      ready.push(efsStorage(scope, cluster, network, identity, nodeGroups, k8sOpts));
    const onNodes = { parent: this, provider: this.provider, dependsOn: nodeGroups };
    ready.push(clusterAutoscaler(scope, c, identity, onNodes));
    if (c.nodePools.some((p) => p.role === "gpu"))
      // The NVIDIA AMI carries the driver, not the device plugin.
      ready.push(
        pinnedChart(
          `${name}-nvidia-device-plugin`,
          charts.nvidiaDevicePlugin,
          "kube-system",
          devicePluginValues(gpuPoolsOf(c)),
          onNodes,
        ),
      );
    this.ready = ready;

    this.facts = {
      storageClass: AWS_STORAGE_CLASS,
      rwxStorageClass: c.rwxStorageClass ? "efs" : undefined,
      gpuPools: gpuPoolsOf(c),
      ingressAnnotations: AWS_INGRESS_ANNOTATIONS,
      managedDatabase:
        args.database.kind === "managed" ? rdsMysql(scope, network, args.database) : undefined,
      managedObjectStore:
        args.objectStore.kind === "managed"
          ? pipelinesBucket(scope, c.region, identity, args.objectStore)
          : undefined,
      tenantIdentity: {
        oidcProviderArn: identity.oidcProviderArn,
        oidcIssuer: identity.issuerHostPath,
      },
    };
    this.registerOutputs({ clusterName: cluster.name, oidcProviderArn: identity.oidcProviderArn });
  }
}
