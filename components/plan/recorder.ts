// Runs the program under Pulumi's mock runtime and records every registration request, as the
// engine would receive it: the same recorder serves `npm run plan`, the benchmark and the tests.
import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";

// Internal runtime modules (not in the SDK's typings): setMocks() cannot take a MockMonitor
// subclass, so the recorder is installed the way setMocks installs its own monitor.
/* eslint-disable @typescript-eslint/no-require-imports */
const settings = require("@pulumi/pulumi/runtime/settings") as {
  setMockOptions(
    monitor: unknown,
    project?: string,
    stack?: string,
    preview?: boolean,
    organization?: string,
  ): void;
  waitForRPCs(): Promise<void>;
};
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): Record<string, unknown> };
const rpc = require("@pulumi/pulumi/runtime/rpc") as {
  deserializeProperties(struct: unknown): Record<string, unknown>;
  serializeProperties(label: string, props: Record<string, unknown>): Promise<unknown>;
};
const resproto = require("@pulumi/pulumi/proto/resource_pb") as {
  RegisterResourceResponse: new () => {
    setUrn(urn: string): void;
    setId(id: string): void;
    setObject(obj: unknown): void;
  };
};
const structproto = require("google-protobuf/google/protobuf/struct_pb") as {
  Struct: { fromJavaScript(obj: unknown): unknown };
};
/* eslint-enable @typescript-eslint/no-require-imports */

export const SECRET_PLACEHOLDER = "[secret]";
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export interface Registration {
  urn: string;
  type: string;
  name: string;
  /** Parent URN, "" at the top. */
  parent: string;
  custom: boolean;
  /** Inputs as sent, every secret value replaced by "[secret]". */
  inputs: Record<string, unknown>;
  dependsOn: string[];
  protect: boolean;
  retainOnDelete: boolean;
  deletedWith: string;
  transforms: number;
  /** URNs this resource was known by before (its aliases), so renames keep their state. */
  aliases: string[];
}

/** Replace secret-wrapped values (and unknowns) in serialized properties. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[SIG_KEY] === SECRET_SIG) return SECRET_PLACEHOLDER;
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, redactSecrets(v)]));
  }
  return value;
}

type RegisterRequest = {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
  getDependenciesList(): string[];
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
  getDeletedwith(): string;
  getTransformsList(): unknown[];
  getAliasesList(): AliasMessage[];
};

type AliasMessage = {
  hasUrn(): boolean;
  getUrn(): string;
  getSpec():
    | { getName(): string; getType(): string; getParenturn(): string; getNoparent(): boolean }
    | undefined;
};

/** The URN an alias names, filling unset parts from the resource itself. */
function aliasUrn(a: AliasMessage, parent: string, type: string, name: string): string {
  if (a.hasUrn()) return a.getUrn();
  const spec = a.getSpec();
  if (!spec) return "";
  const aliasParent = spec.getParenturn() || (spec.getNoparent() ? "" : parent);
  return urnFor(aliasParent, spec.getType() || type, spec.getName() || name);
}

type Inputs = Record<string, unknown>;
const ACCOUNT = "123456789012";

/**
 * Outputs providers compute, for the types whose outputs the program reads (the rest echo their
 * inputs). Deterministic placeholders, so two plans of one stack are identical; never real values.
 */
const COMPUTED: Record<string, (name: string, inputs: Inputs) => Inputs> = {
  "random:index/randomPassword:RandomPassword": (name, inputs) => {
    const fake = createHash("sha256")
      .update(`plan:${name}`)
      .digest("base64url")
      .slice(0, Number(inputs.length ?? 32));
    return {
      result: fake,
      bcryptHash: `$2a$10$${createHash("sha256").update(fake).digest("base64url").slice(0, 53)}`,
    };
  },
  "random:index/randomId:RandomId": (name, inputs) => {
    const bytes = createHash("sha256")
      .update(`plan:${name}`)
      .digest()
      .subarray(0, Number(inputs.byteLength ?? 4));
    return { hex: bytes.toString("hex"), b64Url: bytes.toString("base64url") };
  },
  "aws:eks/cluster:Cluster": (name, inputs) => ({
    arn: `arn:aws:eks:plan:${ACCOUNT}:cluster/${String(inputs.name ?? name)}`,
    endpoint: "https://plan.eks.amazonaws.com",
    certificateAuthority: { data: "cGxhbg==" },
    identities: [{ oidcs: [{ issuer: "https://oidc.eks.plan.amazonaws.com/id/PLAN" }] }],
  }),
  "aws:iam/role:Role": (name) => ({ arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, name }),
  // The Auto Scaling group EKS makes for a managed node group (named by AWS).
  "aws:eks/nodeGroup:NodeGroup": (name) => ({
    resources: [{ autoscalingGroups: [{ name: `eks-${name}-plan-asg` }] }],
  }),
  "aws:iam/openIdConnectProvider:OpenIdConnectProvider": () => ({
    arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.plan.amazonaws.com/id/PLAN`,
  }),
  "aws:rds/instance:Instance": (name, inputs) => ({
    address: `${String(inputs.identifier ?? name)}.plan.rds.amazonaws.com`,
  }),
  "aws:s3/bucket:Bucket": (name, inputs) => ({
    arn: `arn:aws:s3:::${String(inputs.bucket ?? name)}`,
  }),
  "gcp:container/cluster:Cluster": () => ({
    endpoint: "10.0.0.2",
    masterAuth: { clusterCaCertificate: "cGxhbg==" },
  }),
  "gcp:sql/databaseInstance:DatabaseInstance": () => ({ privateIpAddress: "10.100.0.3" }),
  "gcp:serviceaccount/account:Account": (_name, inputs) => ({
    email: `${String(inputs.accountId)}@${String(inputs.project)}.iam.gserviceaccount.com`,
    name: `projects/${String(inputs.project)}/serviceAccounts/${String(inputs.accountId)}`,
  }),
  "gcp:storage/hmacKey:HmacKey": () => ({ accessId: "GOOGPLAN", secret: "plan-hmac-secret" }),
  "azure-native:containerservice:ManagedCluster": (name, inputs) => ({
    name: inputs.resourceName ?? name,
    oidcIssuerProfile: { enabled: true, issuerURL: "https://plan.oic.prod-aks.azure.com/PLAN/" },
    identity: { type: "SystemAssigned", principalId: AZURE_PLAN_IDS.clusterIdentity },
  }),
  "azure-native:dbformysql:Server": (name, inputs) => ({
    name: inputs.serverName ?? name,
    fullyQualifiedDomainName: `${String(inputs.serverName ?? name)}.mysql.database.azure.com`,
  }),
};

/** Placeholder Entra ID object ids of the plan (never real ones). */
export const AZURE_PLAN_IDS = {
  deployer: "00000000-0000-0000-0000-00000000d001",
  clusterIdentity: "00000000-0000-0000-0000-00000000c001",
  subscription: "00000000-0000-0000-0000-0000000000a1",
  tenant: "00000000-0000-0000-0000-0000000000b1",
};

/**
 * The kubeconfig AKS returns for format: exec on a managed-Entra-ID cluster: a kubelogin user
 * logging in with the device code (the shape `az aks get-credentials --format exec` writes).
 */
export const AKS_EXEC_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: plan-aks
    cluster:
      server: https://plan-aks.hcp.westeurope.azmk8s.io:443
      certificate-authority-data: cGxhbg==
contexts:
  - name: plan-aks
    context: { cluster: plan-aks, user: clusterUser_plan_plan-aks }
current-context: plan-aks
users:
  - name: clusterUser_plan_plan-aks
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: kubelogin
        args: [get-token, --environment, AzurePublicCloud, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630, --client-id, 80faf920-1908-4b52-b5ef-a8e7bedfc67a, --tenant-id, ${AZURE_PLAN_IDS.tenant}, --login, devicecode]
        env: null
        installHint: "kubelogin is not installed"
        provideClusterInfo: false
`;

/** The identity a plan runs as: a role assumed for a session, as CI and SSO users do. */
export const PLAN_CALLER = {
  sessionArn: `arn:aws:sts::${ACCOUNT}:assumed-role/platform-deployer/plan-session`,
  roleArn: `arn:aws:iam::${ACCOUNT}:role/platform-deployer`,
};

/** Results of provider functions the program calls (invokes). */
function mockCall(token: string, inputs: Inputs = {}): Inputs {
  if (token === "aws:index/getCallerIdentity:getCallerIdentity")
    return { accountId: ACCOUNT, arn: PLAN_CALLER.sessionArn, userId: "AROAPLAN:plan-session" };
  if (token === "aws:iam/getSessionContext:getSessionContext")
    return {
      arn: inputs.arn,
      issuerArn: PLAN_CALLER.roleArn,
      issuerName: "platform-deployer",
      sessionName: "plan-session",
    };
  // A placeholder that names what AWS would resolve, never a real version.
  if (token === "aws:eks/getAddonVersion:getAddonVersion")
    return {
      ...inputs,
      version: `resolved-at-deploy:${String(inputs.addonName)}@${String(inputs.kubernetesVersion)}`,
    };
  if (token === "azure-native:containerservice:listManagedClusterUserCredentials")
    return {
      kubeconfigs: [
        { name: "clusterUser", value: Buffer.from(AKS_EXEC_KUBECONFIG).toString("base64") },
      ],
    };
  if (token === "azure-native:authorization:getClientConfig")
    return {
      clientId: "00000000-0000-0000-0000-00000000e001",
      objectId: AZURE_PLAN_IDS.deployer,
      subscriptionId: AZURE_PLAN_IDS.subscription,
      tenantId: AZURE_PLAN_IDS.tenant,
    };
  return {};
}

/** Mock values providers would compute: the inputs plus the computed outputs. */
function mockState(type: string, name: string, inputs: Inputs): Inputs {
  const computed = COMPUTED[type];
  return computed ? { ...inputs, ...computed(name, inputs) } : inputs;
}

/** The URN the mock monitor gives a resource (same rule as MockMonitor's own). */
export function urnFor(parent: string, type: string, name: string): string {
  const qualified = parent ? `${parent.split("::")[2].split("$").pop()}$${type}` : type;
  return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${qualified}::${name}`;
}

/** The outputs a StackReference sees, by the referenced stack's fully qualified name. */
export type StackOutputs = (stack: string) => Record<string, unknown>;

export class RecordingMonitor extends MockMonitor {
  readonly registrations: Registration[] = [];
  private readonly seen = new Set<string>();
  /** Stack-wide transforms the program registered (e.g. the image mirror). */
  stackTransforms = 0;

  registerStackTransform(_req: unknown, callback: (err: unknown, resp: unknown) => void): void {
    this.stackTransforms++;
    callback(null, {});
  }

  constructor(stackOutputs: StackOutputs = () => ({})) {
    super({
      newResource: (args) =>
        // Read, not registered: a StackReference answers with the referenced stack's outputs.
        args.type === "pulumi:pulumi:StackReference"
          ? {
              id: String(args.inputs.name),
              state: { name: args.inputs.name, outputs: stackOutputs(String(args.inputs.name)) },
            }
          : {
              id: args.custom ? `${args.name}-id` : undefined,
              state: mockState(args.type, args.name, args.inputs),
            },
      call: (args) => mockCall(args.token, args.inputs as Inputs),
    });
  }

  // Records the request and answers it as MockMonitor would (id, URN, state = inputs), without
  // MockMonitor's deserialize/serialize round trip of the inputs: the response reuses the request's
  // struct. That round trip and its copies were most of the plan's time and memory at scale.
  override async registerResource(
    req: RegisterRequest,
    callback: (err: unknown, resp: unknown) => void,
  ): Promise<void> {
    try {
      const type = req.getType();
      const name = req.getName();
      const parent = req.getParent();
      const custom = req.getCustom();
      const struct = req.getObject();
      const raw = struct?.toJavaScript() ?? {};
      const urn = urnFor(parent, type, name);
      // The engine refuses a second resource with one URN; so does the plan.
      if (this.seen.has(urn))
        throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
      this.seen.add(urn);
      this.registrations.push({
        urn,
        type,
        name,
        parent,
        custom,
        inputs: redactSecrets(raw) as Record<string, unknown>,
        dependsOn: [...req.getDependenciesList()].sort(),
        protect: req.getProtect() ?? false,
        retainOnDelete: req.getRetainondelete() ?? false,
        deletedWith: req.getDeletedwith(),
        transforms: req.getTransformsList().length,
        aliases: req
          .getAliasesList()
          .map((a) => aliasUrn(a, parent, type, name))
          .filter(Boolean)
          .sort(),
      });
      const response = new resproto.RegisterResourceResponse();
      response.setUrn(urn);
      response.setId(custom ? `${name}-id` : "");
      if (type in COMPUTED) {
        const computed = mockState(type, name, rpc.deserializeProperties(struct));
        response.setObject(
          structproto.Struct.fromJavaScript(await rpc.serializeProperties("", computed)),
        );
      } else if (struct) {
        response.setObject(struct);
      }
      // registerResourceOutputs looks components up here; the state itself is not needed.
      this.resources.set(urn, { urn, id: custom ? `${name}-id` : null, state: {} });
      callback(null, response);
    } catch (err) {
      callback(err, undefined);
    }
  }
}

/** Install a fresh recorder as Pulumi's monitor, with `config` as the stack's config. */
let current: RecordingMonitor | undefined;

/** The recorder installed last (what the runtime registers with now). */
export function currentRecorder(): RecordingMonitor | undefined {
  return current;
}

export function installRecorder(args: {
  project: string;
  stack: string;
  config: Record<string, string>;
  secretKeys?: string[];
  stackOutputs?: StackOutputs;
}): RecordingMonitor {
  const monitor = new RecordingMonitor(args.stackOutputs);
  current = monitor;
  // "organization" is what a DIY backend (pulumi login --local, s3://, ...) calls every stack's org.
  settings.setMockOptions(monitor, args.project, args.stack, true, "organization");
  const store = state.getStore();
  store.supportsSecrets = true;
  store.supportsResourceReferences = true;
  store.supportsOutputValues = false;
  store.supportsDeletedWith = true;
  store.supportsAliasSpecs = true;
  // Transforms register with a local callback server; the engine (here, the mock) never runs them.
  store.supportsTransforms = true;
  pulumi.runtime.setAllConfig(args.config, args.secretKeys);
  return monitor;
}

/** Wait until every registration the program started has reached the monitor. */
export async function settle(): Promise<void> {
  await settings.waitForRPCs();
}
