// The one place the plan reaches into Pulumi's SDK internals: setMocks() cannot take a MockMonitor
// subclass, so the recorder is installed the way setMocks installs its own monitor, and it answers
// registrations with the SDK's own (de)serializers and protobuf messages. When the SDK moves one of
// these modules, this file is what changes.
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";

export { MockMonitor };

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
  RegisterResourceResponse: new () => RegisterResourceResponse;
};
const structproto = require("google-protobuf/google/protobuf/struct_pb") as {
  Struct: { fromJavaScript(obj: unknown): unknown };
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The engine's RegisterResourceRequest, as far as the recorder reads it. */
export type RegisterRequest = {
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

export type AliasMessage = {
  hasUrn(): boolean;
  getUrn(): string;
  getSpec():
    | { getName(): string; getType(): string; getParenturn(): string; getNoparent(): boolean }
    | undefined;
};

export interface RegisterResourceResponse {
  setUrn(urn: string): void;
  setId(id: string): void;
  setObject(obj: unknown): void;
}

/** Make `monitor` the runtime's monitor for a preview of project/stack. */
export function installMonitor(monitor: MockMonitor, project: string, stack: string): void {
  // "organization" is what a DIY backend (pulumi login --local, s3://, ...) calls every stack's org.
  settings.setMockOptions(monitor, project, stack, true, "organization");
  const store = state.getStore();
  store.supportsSecrets = true;
  store.supportsResourceReferences = true;
  store.supportsOutputValues = false;
  store.supportsDeletedWith = true;
  store.supportsAliasSpecs = true;
  // Transforms register with a local callback server; the engine (here, the mock) never runs them.
  store.supportsTransforms = true;
}

/** Resolves when every RPC the program started has been answered. */
export function waitForRPCs(): Promise<void> {
  return settings.waitForRPCs();
}

export function newRegisterResourceResponse(): RegisterResourceResponse {
  return new resproto.RegisterResourceResponse();
}

/** A request's properties as the program sent them (secrets and resources as values). */
export function deserializeProperties(struct: unknown): Record<string, unknown> {
  return rpc.deserializeProperties(struct);
}

/** Properties as a protobuf Struct, the way the engine sends a resource's state back. */
export async function propertiesStruct(props: Record<string, unknown>): Promise<unknown> {
  return structproto.Struct.fromJavaScript(await rpc.serializeProperties("", props));
}
