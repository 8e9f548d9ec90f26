// The invalid config corpus: [description, config, the path its message must name, options]. Each
// case is a config the program must refuse before anything is registered; corpus.test.ts runs them,
// hints.test.ts pastes each fix into a shell. A case that breaks a cross-section rule
// (components/config/rules.ts) names the rule and a fragment of its message: every rule has one.
import type { CrossSectionRuleId } from "../../components/config/rules";
import { minimalConfig as base, s3ObjectStore as s3, tenant } from "../fixtures/configs";

const sys = { name: "system", role: "system", machineType: "m5.large", minSize: 1, maxSize: 3 };
const aws = {
  kind: "aws",
  region: "eu-west-1",
  zones: ["eu-west-1a", "eu-west-1b"],
  kubernetesVersion: "1.34",
  nodePools: [sys],
};
const gcpSys = { ...sys, machineType: "e2-standard-4" };
const gcp = {
  kind: "gcp",
  project: "acme-kf",
  region: "europe-west4",
  zones: ["europe-west4-a", "europe-west4-b"],
  kubernetesVersion: "1.34",
  nodePools: [gcpSys],
};
const azureSys = { ...sys, machineType: "Standard_D4s_v5" };
const azure = {
  kind: "azure",
  location: "westeurope",
  zones: ["1", "2"],
  kubernetesVersion: "1.34",
  nodePools: [azureSys],
};

/** What a case holds besides its config and path. */
export interface CaseOptions {
  /** The stack's other config (aws:region, ...). */
  provider?: Record<string, string>;
  /** The cross-section rule the case breaks; `message` is then a fragment of that rule's message. */
  rule?: CrossSectionRuleId;
  /** A fragment of the message at the path. */
  message?: string;
}

/** [description, config, path the message must name, options] */
export const CORPUS: [string, Record<string, unknown>, string, CaseOptions?][] = [
  ["unknown top-level key (typo)", { ...base, tenant: [] }, "platform.tenant"],
  [
    "unknown nested key",
    { ...base, ingress: { hostnme: "x.example.com" } },
    "platform.ingress.hostnme",
  ],
  [
    "unknown key in a tenant",
    { ...base, tenants: [{ ...tenant, quotas: {} }] },
    "platform.tenants[0].quotas",
  ],
  ["unknown cluster kind", { cluster: { kind: "eks" } }, "platform.cluster.kind"],
  [
    "cluster context wrong type",
    { cluster: { kind: "existing", context: 42 } },
    "platform.cluster.context",
  ],
  [
    "storage class not a DNS name",
    { cluster: { kind: "existing", storageClass: "Fast_SSD" } },
    "platform.cluster.storageClass",
  ],
  [
    "kubernetes version malformed",
    { cluster: { kind: "existing", kubernetesVersion: "v1.34.0" } },
    "platform.cluster.kubernetesVersion",
  ],
  [
    "kubernetes version with patch",
    { cluster: { kind: "existing", kubernetesVersion: "1.34.1" } },
    "platform.cluster.kubernetesVersion",
  ],
  [
    "kubernetes version too old",
    { cluster: { kind: "existing", kubernetesVersion: "1.29" } },
    "platform.cluster.kubernetesVersion",
  ],
  [
    "kubernetes version as number",
    { cluster: { kind: "existing", kubernetesVersion: 1.34 } },
    "platform.cluster.kubernetesVersion",
  ],
  [
    "hostname with scheme",
    { ...base, ingress: { hostname: "https://kf.example.com" } },
    "platform.ingress.hostname",
  ],
  [
    "hostname upper case",
    { ...base, ingress: { hostname: "KF.example.com" } },
    "platform.ingress.hostname",
  ],
  [
    "service type unknown",
    { ...base, ingress: { serviceType: "Ingress" } },
    "platform.ingress.serviceType",
  ],
  [
    "node port out of range",
    { ...base, ingress: { serviceType: "NodePort", httpsNodePort: 8443 } },
    "platform.ingress.httpsNodePort",
  ],
  [
    "node port without NodePort type",
    { ...base, ingress: { httpsNodePort: 30443 } },
    "platform.ingress.httpsNodePort",
  ],
  [
    "node ports equal",
    { ...base, ingress: { serviceType: "NodePort", httpsNodePort: 30443, httpNodePort: 30443 } },
    "platform.ingress.httpNodePort",
  ],
  [
    "source ranges without LoadBalancer",
    { ...base, ingress: { loadBalancerSourceRanges: ["10.0.0.0/8"] } },
    "platform.ingress.loadBalancerSourceRanges",
  ],
  [
    "bad CIDR",
    {
      ...base,
      ingress: { serviceType: "LoadBalancer", loadBalancerSourceRanges: ["10.0.0.0/33"] },
    },
    "platform.ingress.loadBalancerSourceRanges[0]",
  ],
  [
    "annotation value not a string",
    { ...base, ingress: { serviceAnnotations: { a: 1 } } },
    "platform.ingress.serviceAnnotations.a",
  ],
  [
    "tls secret mode without secret",
    { ...base, ingress: { tls: { mode: "secret" } } },
    "platform.ingress.tls.secretName",
  ],
  [
    "tls secret name with selfSigned",
    { ...base, ingress: { tls: { secretName: "my-cert" } } },
    "platform.ingress.tls.secretName",
  ],
  [
    "tls mode unknown",
    { ...base, ingress: { tls: { mode: "letsencrypt" } } },
    "platform.ingress.tls.mode",
  ],
  [
    "static user email invalid",
    { ...base, auth: { staticUsers: [{ email: "alice" }] } },
    "platform.auth.staticUsers[0].email",
  ],
  [
    "static users duplicated",
    { ...base, auth: { staticUsers: [{ email: "a@example.com" }, { email: "a@example.com" }] } },
    "platform.auth.staticUsers[1].email",
  ],
  ["nobody can log in", { ...base, auth: { staticUsers: [] } }, "platform.auth.staticUsers"],
  [
    "static users that differ only in case (one Dex login)",
    {
      ...base,
      auth: { staticUsers: [{ email: "user@example.com" }, { email: "User@example.com" }] },
    },
    "platform.auth.staticUsers[1].email",
  ],
  [
    "static users that collide once made DNS-safe (one default tenant)",
    {
      ...base,
      auth: { staticUsers: [{ email: "a.b@example.com" }, { email: "a-b@example.com" }] },
    },
    "platform.auth.staticUsers[1].email",
  ],
  [
    "a tenant named as the first user's default tenant, owned by someone else",
    { ...base, tenants: [{ name: "kubeflow-user-example-com", owner: "mallory@example.com" }] },
    "platform.tenants[0].name",
    { rule: "default-tenant-name-taken", message: "is the default tenant of user@example.com" },
  ],
  ["an empty sources directory path", { ...base, sourcesDir: "" }, "platform.sourcesDir"],
  [
    "a Dex connector id Dex reserves",
    {
      ...base,
      auth: {
        connectors: [
          {
            type: "github",
            id: "local",
            name: "GitHub",
            config: { clientID: "a", clientSecret: "b" },
          },
        ],
      },
    },
    "platform.auth.connectors[0].id",
  ],
  [
    "two contributors of one tenant that differ only in case (one login)",
    {
      ...base,
      tenants: [
        {
          ...tenant,
          contributors: [
            { email: "bob@example.com", role: "edit" },
            { email: "Bob@example.com", role: "view" },
          ],
        },
      ],
    },
    "platform.tenants[0].contributors[1].email",
  ],
  [
    "two contributors of one tenant that collide once made DNS-safe (one RoleBinding)",
    {
      ...base,
      tenants: [
        {
          ...tenant,
          contributors: [
            { email: "a.b@example.com", role: "edit" },
            { email: "a-b@example.com", role: "edit" },
          ],
        },
      ],
    },
    "platform.tenants[0].contributors[1].email",
  ],
  [
    "a contributor who is the owner but for case",
    {
      ...base,
      tenants: [{ ...tenant, contributors: [{ email: "Alice@example.com", role: "edit" }] }],
    },
    "platform.tenants[0].contributors[0].email",
  ],
  [
    "a CIDR with host bits set (load balancer source range)",
    {
      ...base,
      ingress: { serviceType: "LoadBalancer", loadBalancerSourceRanges: ["10.1.2.3/8"] },
    },
    "platform.ingress.loadBalancerSourceRanges[0]",
  ],
  [
    "an AWS VPC CIDR with host bits set",
    { cluster: { ...aws, network: { cidr: "10.0.0.1/16" } } },
    "platform.cluster.network.cidr",
  ],
  [
    "an AWS VPC too small for the subnets carved from it",
    { cluster: { ...aws, network: { cidr: "10.0.0.0/20" } } },
    "platform.cluster.network.cidr",
  ],
  [
    "an AWS VPC that is a /17 (the public subnets fall outside it)",
    { cluster: { ...aws, network: { cidr: "10.0.0.0/17" } } },
    "platform.cluster.network.cidr",
  ],
  [
    "an AWS VPC larger than AWS allows",
    { cluster: { ...aws, network: { cidr: "10.0.0.0/15" } } },
    "platform.cluster.network.cidr",
  ],
  [
    "an AWS zone listed twice",
    { cluster: { ...aws, zones: ["eu-west-1a", "eu-west-1a"] } },
    "platform.cluster.zones[1]",
  ],
  [
    "a GCP zone listed twice",
    { cluster: { ...gcp, zones: ["europe-west4-a", "europe-west4-b", "europe-west4-a"] } },
    "platform.cluster.zones[2]",
  ],
  [
    "Azure zones as numbers (a --path fix needs --type string)",
    { cluster: { ...azure, zones: [1, 2] } },
    "platform.cluster.zones[0]",
  ],
  [
    "an Azure zone listed twice",
    { cluster: { ...azure, zones: ["1", "1"] } },
    "platform.cluster.zones[1]",
  ],
  [
    "aws:region differs from cluster.region",
    { cluster: aws },
    "platform.cluster.region",
    { provider: { "aws:region": "us-east-1" } },
  ],
  [
    "gcp:project differs from cluster.project",
    { cluster: gcp },
    "platform.cluster.project",
    { provider: { "gcp:project": "other-project" } },
  ],
  [
    "azure-native:location differs from cluster.location",
    { cluster: azure },
    "platform.cluster.location",
    { provider: { "azure-native:location": "northeurope" } },
  ],
  [
    "GKE pod range overlapping the node range",
    { cluster: { ...gcp, network: { podsCidr: "10.8.0.0/14" } } },
    "platform.cluster.network.podsCidr",
  ],
  [
    "GKE control-plane range overlapping the service range",
    { cluster: { ...gcp, network: { masterCidr: "10.24.0.0/28" } } },
    "platform.cluster.network.masterCidr",
  ],
  [
    "GKE control-plane range that is not a /28",
    { cluster: { ...gcp, network: { masterCidr: "172.16.0.0/24" } } },
    "platform.cluster.network.masterCidr",
  ],
  [
    "Azure VNet overlapping AKS's default service range",
    { cluster: { ...azure, network: { cidr: "10.0.0.0/16" } } },
    "platform.cluster.network.cidr",
  ],
  [
    "Azure VNet too small for the subnets carved from it",
    { cluster: { ...azure, network: { cidr: "10.30.0.0/20" } } },
    "platform.cluster.network.cidr",
  ],
  [
    "an AWS instance type as a GKE machine type",
    { cluster: { ...gcp, nodePools: [{ ...gcpSys, machineType: "m5.xlarge" }] } },
    "platform.cluster.nodePools[0].machineType",
  ],
  [
    "an Azure VM size as a GKE machine type",
    { cluster: { ...gcp, nodePools: [{ ...gcpSys, machineType: "Standard_D4s_v5" }] } },
    "platform.cluster.nodePools[0].machineType",
  ],
  [
    "an AWS instance type as an Azure VM size",
    { cluster: { ...azure, nodePools: [{ ...azureSys, machineType: "m5.xlarge" }] } },
    "platform.cluster.nodePools[0].machineType",
  ],
  [
    "a GCP machine type as an AWS instance type",
    { cluster: { ...aws, nodePools: [{ ...sys, machineType: "n2-standard-4" }] } },
    "platform.cluster.nodePools[0].machineType",
  ],
  [
    "a database class as a node pool's machine type",
    { cluster: { ...aws, nodePools: [{ ...sys, machineType: "db.m7g.large" }] } },
    "platform.cluster.nodePools[0].machineType",
  ],
  [
    "an RDS class as a Cloud SQL tier",
    { cluster: gcp, database: { kind: "managed", instanceClass: "db.t3.medium" } },
    "platform.database.instanceClass",
    {
      rule: "database-class-of-the-cluster-cloud",
      message: "a GCP cluster needs a Cloud SQL tier",
    },
  ],
  [
    "a Cloud SQL tier as an RDS class",
    { cluster: aws, database: { kind: "managed", instanceClass: "db-custom-2-8192" } },
    "platform.database.instanceClass",
    {
      rule: "database-class-of-the-cluster-cloud",
      message: "an AWS cluster needs an RDS instance class",
    },
  ],
  [
    "an RDS class as an Azure MySQL SKU",
    { cluster: azure, database: { kind: "managed", instanceClass: "db.t3.medium" } },
    "platform.database.instanceClass",
    {
      rule: "database-class-of-the-cluster-cloud",
      message: "an Azure cluster needs a MySQL flexible server SKU",
    },
  ],
  [
    "an EC2 instance type as an RDS class (RDS classes start with db.)",
    { cluster: aws, database: { kind: "managed", instanceClass: "m7g.large" } },
    "platform.database.instanceClass",
    {
      rule: "database-class-of-the-cluster-cloud",
      message: "this field takes an RDS instance class",
    },
  ],
  [
    "an empty stack (it would target the current context)",
    {},
    "platform.cluster.context",
    {
      rule: "existing-cluster-names-its-context",
      message: "the stack would target the kubeconfig's current context",
    },
  ],
  [
    "an existing cluster without a context",
    { cluster: { kind: "existing", storageClass: "standard" } },
    "platform.cluster.context",
    {
      rule: "existing-cluster-names-its-context",
      message: "the stack would target the kubeconfig's current context",
    },
  ],
  [
    "a context and useCurrentContext both",
    { cluster: { kind: "existing", context: "kind-kubeflow", useCurrentContext: true } },
    "platform.cluster.useCurrentContext",
    { rule: "context-or-current-context", message: "conflicts with cluster.context" },
  ],
  [
    "a container request above its limit",
    {
      ...base,
      components: { notebooks: { resources: { requests: { cpu: "2" }, limits: { cpu: "1" } } } },
    },
    "platform.components.notebooks.resources.requests.cpu",
  ],
  [
    "connector type unknown",
    { ...base, auth: { connectors: [{ type: "saml", id: "s", name: "S", config: {} }] } },
    "platform.auth.connectors[0].type",
  ],
  [
    "oidc connector missing issuer",
    {
      ...base,
      auth: {
        connectors: [
          { type: "oidc", id: "corp", name: "Corp", config: { clientID: "a", clientSecret: "b" } },
        ],
      },
    },
    "platform.auth.connectors[0].config.issuer",
  ],
  [
    "github connector missing secret",
    {
      ...base,
      auth: {
        connectors: [{ type: "github", id: "gh", name: "GitHub", config: { clientID: "a" } }],
      },
    },
    "platform.auth.connectors[0].config.clientSecret",
  ],
  [
    "connector ids duplicated",
    {
      ...base,
      auth: {
        connectors: [
          { type: "ldap", id: "x", name: "A", config: { host: "l:636" } },
          { type: "ldap", id: "x", name: "B", config: { host: "l:636" } },
        ],
      },
    },
    "platform.auth.connectors[1].id",
  ],
  ["database kind unknown", { ...base, database: { kind: "postgres" } }, "platform.database.kind"],
  [
    "external database missing host",
    { ...base, database: { kind: "external", user: "kf", password: "p" } },
    "platform.database.host",
  ],
  [
    "external database port as string",
    {
      ...base,
      database: {
        kind: "external",
        host: "db.example.com",
        port: "3306",
        user: "kf",
        password: "p",
      },
    },
    "platform.database.port",
  ],
  [
    "external database missing password",
    { ...base, database: { kind: "external", host: "db.example.com", user: "kf" } },
    "platform.database.password",
  ],
  [
    "in-cluster database with external key",
    { ...base, database: { kind: "inCluster", host: "db.example.com" } },
    "platform.database.host",
  ],
  [
    "database size negative",
    { ...base, database: { kind: "inCluster", storageGiB: -5 } },
    "platform.database.storageGiB",
  ],
  [
    "database size fractional",
    { ...base, database: { kind: "inCluster", storageGiB: 1.5 } },
    "platform.database.storageGiB",
  ],
  [
    "minio bucket invalid",
    { ...base, objectStore: { kind: "minio", bucket: "My_Bucket" } },
    "platform.objectStore.bucket",
  ],
  [
    "s3 missing region",
    { ...base, objectStore: { ...s3, region: undefined } },
    "platform.objectStore.region",
  ],
  [
    "s3 endpoint with scheme",
    { ...base, objectStore: { ...s3, endpoint: "https://s3.amazonaws.com" } },
    "platform.objectStore.endpoint",
  ],
  [
    "s3 without keys or identity",
    { ...base, objectStore: { ...s3, accessKeyId: undefined, secretAccessKey: undefined } },
    "platform.objectStore.accessKeyId",
  ],
  [
    "s3 keys and identity both",
    {
      ...base,
      objectStore: { ...s3, serviceAccountAnnotations: { "eks.amazonaws.com/role-arn": "arn" } },
    },
    "platform.objectStore.serviceAccountAnnotations",
  ],
  [
    "s3 shared isolation with identity",
    {
      ...base,
      objectStore: {
        ...s3,
        accessKeyId: undefined,
        secretAccessKey: undefined,
        serviceAccountAnnotations: { a: "b" },
        tenantIsolation: "shared",
      },
    },
    "platform.objectStore.tenantIsolation",
  ],
  [
    "s3 tenant without its credentials",
    { ...base, objectStore: s3, tenants: [tenant] },
    "platform.tenants[0].objectStoreCredentials",
    { rule: "tenant-s3-keys-required", message: 'required when objectStore.kind is "s3"' },
  ],
  [
    "minio tenant with credentials",
    {
      ...base,
      tenants: [{ ...tenant, objectStoreCredentials: { accessKeyId: "a", secretAccessKey: "b" } }],
    },
    "platform.tenants[0].objectStoreCredentials",
    {
      rule: "tenant-keys-only-with-per-tenant-s3",
      message: "MinIO tenant credentials are generated",
    },
  ],
  [
    "tenant name not DNS",
    { ...base, tenants: [{ ...tenant, name: "Team_A" }] },
    "platform.tenants[0].name",
  ],
  [
    "tenant name too long",
    { ...base, tenants: [{ ...tenant, name: "a".repeat(64) }] },
    "platform.tenants[0].name",
  ],
  [
    "tenant name reserved",
    { ...base, tenants: [{ ...tenant, name: "kubeflow" }] },
    "platform.tenants[0].name",
  ],
  [
    "tenant names duplicated",
    { ...base, tenants: [tenant, { ...tenant, owner: "b@example.com" }] },
    "platform.tenants[1].name",
    { rule: "tenant-names-unique", message: "duplicate tenant name" },
  ],
  [
    "tenant owner not an email",
    { ...base, tenants: [{ ...tenant, owner: "alice" }] },
    "platform.tenants[0].owner",
  ],
  ["tenant missing owner", { ...base, tenants: [{ name: "team-a" }] }, "platform.tenants[0].owner"],
  [
    "contributor role unknown",
    {
      ...base,
      tenants: [{ ...tenant, contributors: [{ email: "b@example.com", role: "owner" }] }],
    },
    "platform.tenants[0].contributors[0].role",
  ],
  [
    "contributor is the owner",
    {
      ...base,
      tenants: [{ ...tenant, contributors: [{ email: "alice@example.com", role: "edit" }] }],
    },
    "platform.tenants[0].contributors[0].email",
  ],
  [
    "quota cpu negative",
    { ...base, tenants: [{ ...tenant, quota: { cpu: "-2" } }] },
    "platform.tenants[0].quota.cpu",
  ],
  [
    "quota cpu negative number",
    { ...base, tenants: [{ ...tenant, quota: { cpu: -2 } }] },
    "platform.tenants[0].quota.cpu",
  ],
  [
    "quota memory malformed",
    { ...base, tenants: [{ ...tenant, quota: { memory: "16GB" } }] },
    "platform.tenants[0].quota.memory",
  ],
  [
    "quota storage as number",
    { ...base, tenants: [{ ...tenant, quota: { storage: 100 } }] },
    "platform.tenants[0].quota.storage",
  ],
  [
    "quota gpu fractional",
    { ...base, tenants: [{ ...tenant, quota: { gpu: 0.5 } }] },
    "platform.tenants[0].quota.gpu",
  ],
  [
    "default request above limit",
    { ...base, tenants: [{ ...tenant, containerDefaults: { cpuRequest: "2", cpuLimit: "1" } }] },
    "platform.tenants[0].containerDefaults.cpuRequest",
  ],
  [
    "default limit above quota",
    { ...base, tenants: [{ ...tenant, quota: { memory: "512Mi" } }] },
    "platform.tenants[0].containerDefaults.memoryLimit",
  ],
  ["default tenant flag wrong type", { ...base, defaultTenant: "yes" }, "platform.defaultTenant"],
  ["tenants not a list", { ...base, tenants: { name: "team-a" } }, "platform.tenants"],
  [
    "GPU quota on a cluster without GPU pools",
    { ...base, tenants: [{ name: "team-a", owner: "a@example.com", quota: { gpu: 1 } }] },
    "platform.tenants[0].quota.gpu",
    { rule: "gpu-quota-needs-a-gpu-pool", message: "a GPU quota needs a GPU pool" },
  ],
  [
    "GPU pool without a node selector",
    { cluster: { kind: "existing", gpuPools: [{ name: "a100", nodeSelector: {}, maxNodes: 1 }] } },
    "platform.cluster.gpuPools[0].nodeSelector",
  ],
  ["unknown profile", { ...base, profile: "everything" }, "platform.profile"],
  [
    "unknown KServe mode",
    { ...base, components: { kserve: { mode: "knative" } } },
    "platform.components.kserve.mode",
  ],
  [
    "AWS GPU pool with an instance type that has no GPU",
    {
      cluster: {
        ...aws,
        nodePools: [
          sys,
          { name: "gpu", role: "gpu", machineType: "m5.large", minSize: 0, maxSize: 2 },
        ],
      },
    },
    "platform.cluster.nodePools[1].machineType",
  ],
  [
    "GKE GPU pool without an accelerator",
    {
      cluster: {
        ...gcp,
        nodePools: [
          gcpSys,
          { name: "gpu", role: "gpu", machineType: "g2-standard-8", minSize: 0, maxSize: 2 },
        ],
      },
    },
    "platform.cluster.nodePools[1].gpu",
  ],
  [
    "GKE GPU type the cloud does not offer",
    {
      cluster: {
        ...gcp,
        nodePools: [
          gcpSys,
          {
            name: "gpu",
            role: "gpu",
            machineType: "g2-standard-8",
            gpu: { type: "amd-mi300" },
            minSize: 0,
            maxSize: 2,
          },
        ],
      },
    },
    "platform.cluster.nodePools[1].gpu.type",
  ],
  [
    "node pool minimum above its maximum",
    {
      cluster: {
        ...aws,
        nodePools: [sys, { name: "cpu", machineType: "m5.large", minSize: 5, maxSize: 2 }],
      },
    },
    "platform.cluster.nodePools[1].minSize",
  ],
  [
    "zone outside the region",
    { cluster: { ...aws, zones: ["eu-west-1a", "us-east-1b"] } },
    "platform.cluster.zones[1]",
  ],
  [
    "managed database on an existing cluster",
    { ...base, database: { kind: "managed" } },
    "platform.database.kind",
    {
      rule: "managed-database-needs-a-cloud-cluster",
      message: "a managed database needs a cloud cluster",
    },
  ],
  [
    "managed bucket on Azure",
    {
      cluster: {
        ...azure,
      },
      objectStore: { kind: "managed" },
    },
    "platform.objectStore.kind",
    { rule: "managed-bucket-needs-aws-or-gcp", message: "Pipelines cannot use Azure Blob storage" },
  ],
  [
    "Azure GPU pool with a VM size without GPUs",
    {
      cluster: {
        ...azure,
        nodePools: [
          azureSys,
          { name: "gpu", role: "gpu", machineType: "Standard_D4s_v5", minSize: 0, maxSize: 1 },
        ],
      },
    },
    "platform.cluster.nodePools[1].machineType",
  ],
  [
    "cluster without a system pool",
    {
      cluster: {
        ...aws,
        nodePools: [{ name: "cpu", machineType: "m5.large", minSize: 0, maxSize: 2 }],
      },
    },
    "platform.cluster.nodePools",
  ],
  [
    "Let's Encrypt without a contact email",
    { ...base, ingress: { hostname: "kf.example.com", tls: { mode: "letsEncrypt" } } },
    "platform.ingress.tls.email",
  ],
  [
    "static IP without a LoadBalancer",
    { ...base, ingress: { staticIp: "203.0.113.10" } },
    "platform.ingress.staticIp",
  ],
  [
    "managed database in an existing Azure VNet without a delegated subnet",
    {
      cluster: {
        ...azure,
        network: {
          existingNodeSubnetId:
            "/subscriptions/0000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/hub/subnets/aks",
        },
      },
      database: { kind: "managed" },
    },
    "platform.cluster.network.existingMysqlSubnetId",
    {
      rule: "azure-existing-vnet-mysql-subnet",
      message: "needs a subnet delegated to MySQL flexible servers",
    },
  ],
  [
    "existing GCP network without its subnetwork",
    {
      cluster: {
        ...gcp,
        network: { existingNetwork: "shared" },
      },
    },
    "platform.cluster.network.existingSubnetwork",
  ],
  [
    "pull secret that is not a Secret name",
    { ...base, images: { registry: "registry.example.com", pullSecret: "Mirror_Pull" } },
    "platform.images.pullSecret",
  ],
  [
    "tenant retain flag that is not a boolean",
    { ...base, tenants: [{ name: "team-a", owner: "a@example.com", retain: "no" }] },
    "platform.tenants[0].retain",
  ],
  [
    "negative Service count in a quota",
    { ...base, tenants: [{ name: "team-a", owner: "a@example.com", quota: { services: -1 } }] },
    "platform.tenants[0].quota.services",
  ],
  ["unknown layer", { ...base, layers: "everything" }, "platform.layers"],
  [
    "notebook image without a tag",
    { ...base, components: { notebooks: { images: ["jupyter/scipy-notebook"] } } },
    "platform.components.notebooks.images[0]",
  ],
  [
    "GPU pool without its maximum size",
    { cluster: { kind: "existing", gpuPools: [{ name: "a100", nodeSelector: { gpu: "a100" } }] } },
    "platform.cluster.gpuPools[0].maxNodes",
  ],
  [
    "Let's Encrypt staging flag that is not a boolean",
    {
      ...base,
      ingress: {
        hostname: "kf.example.com",
        tls: { mode: "letsEncrypt", email: "a@example.com", staging: "yes" },
      },
    },
    "platform.ingress.tls.staging",
  ],
  [
    "malformed mirror registry",
    { ...base, images: { registry: "https://registry.example.com" } },
    "platform.images.registry",
  ],
  ["reattach that is not a boolean", { ...base, reattach: "yes" }, "platform.reattach"],
  [
    "reattach onto a retained MySQL without the passwords its data directory keeps",
    { ...base, reattach: true },
    "platform.database.credentials",
    { rule: "reattach-needs-mysql-credentials", message: "required with reattach: true" },
  ],
  [
    "carried MySQL credentials without the Pipelines user's password",
    { ...base, database: { kind: "inCluster", credentials: { rootPassword: "r" } } },
    "platform.database.credentials.kfpPassword",
  ],
  // Cross-section rules (components/config/rules.ts) that no case above breaks.
  [
    "KServe in serverless mode without Knative Serving",
    { ...base, components: { kserve: { enabled: true, mode: "serverless" } } },
    "platform.components.knativeServing.enabled",
    {
      rule: "kserve-serverless-needs-knative",
      message: "KServe in serverless mode needs Knative Serving",
    },
  ],
  [
    "no database, with Pipelines on",
    { ...base, database: { kind: "none" } },
    "platform.database.kind",
    { rule: "apps-need-a-database", message: "components.pipelines needs a database" },
  ],
  [
    "GPU notebooks on a cluster without GPU pools or tolerations",
    { ...base, components: { notebooks: { gpus: { enabled: true } } } },
    "platform.components.notebooks.gpus.enabled",
    { rule: "gpu-notebooks-need-a-gpu-pool", message: "GPU notebooks need a GPU pool" },
  ],
  [
    "an external database for Katib, which the profile leaves off",
    {
      ...base,
      components: {
        katib: {
          database: {
            kind: "external",
            host: "mysql.example.com",
            name: "katib",
            user: "katib",
            password: "p",
          },
        },
      },
    },
    "platform.components.katib.database",
    { rule: "app-database-needs-the-app", message: "only used when components.katib is enabled" },
  ],
  [
    "managed bucket on an existing cluster",
    { ...base, objectStore: { kind: "managed" } },
    "platform.objectStore.kind",
    {
      rule: "managed-bucket-needs-aws-or-gcp",
      message: "a managed bucket needs an AWS or GCP cluster",
    },
  ],
  [
    "a cluster stack on an existing cluster",
    { ...base, layers: "cluster" },
    "platform.layers",
    {
      rule: "cluster-layer-needs-a-cloud-cluster",
      message: "a cluster stack creates a cloud cluster",
    },
  ],
  [
    "a tenants stack that names a cluster stack",
    {
      ...base,
      layers: "tenants",
      platformStack: "acme/kubeflow-platform/platform-dev",
      clusterStack: "acme/kubeflow-platform/cluster-dev",
    },
    "platform.clusterStack",
    {
      rule: "cluster-stack-only-with-a-platform",
      message: 'only used when layers is "all" or "platform"',
    },
  ],
  [
    "a tenants stack without its platform stack",
    { ...base, layers: "tenants" },
    "platform.platformStack",
    { rule: "tenants-layer-needs-a-platform-stack", message: 'required when layers is "tenants"' },
  ],
  [
    "a platform stack naming a platform stack to read",
    { ...base, platformStack: "acme/kubeflow-platform/platform-dev" },
    "platform.platformStack",
    {
      rule: "platform-stack-only-with-tenants-layer",
      message: 'only used when layers is "tenants"',
    },
  ],
];
