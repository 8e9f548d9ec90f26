// Runs the program under Pulumi's mock runtime and records every registration request, as the
// engine would receive it: the same recorder serves `npm run plan`, the benchmark and the tests.
import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { AWS_PLAN_CALLS, AWS_PLAN_OUTPUTS } from "../cluster/aws/planMocks";
import { AZURE_PLAN_CALLS, AZURE_PLAN_OUTPUTS } from "../cluster/azure/planMocks";
import { GCP_PLAN_CALLS, GCP_PLAN_OUTPUTS } from "../cluster/gcp/planMocks";
import {
  AliasMessage,
  MockMonitor,
  RegisterRequest,
  deserializeProperties,
  installMonitor,
  newRegisterResourceResponse,
  propertiesStruct,
  waitForRPCs,
} from "./runtime";

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

/** The URN an alias names, filling unset parts from the resource itself. */
function aliasUrn(a: AliasMessage, parent: string, type: string, name: string): string {
  if (a.hasUrn()) return a.getUrn();
  const spec = a.getSpec();
  if (!spec) return "";
  const aliasParent = spec.getParenturn() || (spec.getNoparent() ? "" : parent);
  return urnFor(aliasParent, spec.getType() || type, spec.getName() || name);
}

type Inputs = Record<string, unknown>;
type ComputedOutputs = Record<string, (name: string, inputs: Inputs) => Inputs>;

/** The random provider's outputs: derived from the resource's name, so two plans agree. */
const RANDOM_PLAN_OUTPUTS: ComputedOutputs = {
  "random:index/randomPassword:RandomPassword": (name, inputs) => {
    const fake = planPassword(name, Number(inputs.length ?? 32));
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
};

/** The placeholder a plan's RandomPassword `name` of `length` has (tests look for it). Pure. */
export function planPassword(name: string, length: number): string {
  return createHash("sha256").update(`plan:${name}`).digest("base64url").slice(0, length);
}

/**
 * Outputs providers compute, for the types whose outputs the program reads (the rest echo their
 * inputs): each cloud's own, kept beside its cluster code. Deterministic placeholders, so two plans
 * of one stack are identical; never real values.
 */
export const PLAN_OUTPUTS: ComputedOutputs = {
  ...RANDOM_PLAN_OUTPUTS,
  ...AWS_PLAN_OUTPUTS,
  ...GCP_PLAN_OUTPUTS,
  ...AZURE_PLAN_OUTPUTS,
};

/** Results of provider functions the program calls (invokes), by token. */
export const PLAN_CALLS: Record<string, (inputs: Inputs) => Inputs> = {
  ...AWS_PLAN_CALLS,
  ...GCP_PLAN_CALLS,
  ...AZURE_PLAN_CALLS,
};

/** An invoke's result: the cloud's mock, or nothing (an empty result) for the rest. */
function mockCall(token: string, inputs: Inputs = {}): Inputs {
  return PLAN_CALLS[token]?.(inputs) ?? {};
}

/** Mock values providers would compute: the inputs plus the computed outputs. */
function mockState(type: string, name: string, inputs: Inputs): Inputs {
  const computed = PLAN_OUTPUTS[type];
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
      const response = newRegisterResourceResponse();
      response.setUrn(urn);
      response.setId(custom ? `${name}-id` : "");
      if (type in PLAN_OUTPUTS) {
        const computed = mockState(type, name, deserializeProperties(struct));
        response.setObject(await propertiesStruct(computed));
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

let current: RecordingMonitor | undefined;

/** The recorder installed last (what the runtime registers with now). */
export function currentRecorder(): RecordingMonitor | undefined {
  return current;
}

/** Install a fresh recorder as Pulumi's monitor, with `config` as the stack's config. */
export function installRecorder(args: {
  project: string;
  stack: string;
  config: Record<string, string>;
  secretKeys?: string[];
  stackOutputs?: StackOutputs;
}): RecordingMonitor {
  const monitor = new RecordingMonitor(args.stackOutputs);
  current = monitor;
  installMonitor(monitor, args.project, args.stack);
  pulumi.runtime.setAllConfig(args.config, args.secretKeys);
  return monitor;
}

/** Wait until every registration the program started has reached the monitor. */
export async function settle(): Promise<void> {
  await waitForRPCs();
}
