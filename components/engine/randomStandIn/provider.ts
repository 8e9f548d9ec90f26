// TEST DOUBLE for the engine tiers only (see random.ts): the stand-in random plugin's provider,
// wiring the pure parts to @pulumi/pulumi's provider interface. Secrets are not unwrapped here: the
// program passes none as inputs, and @pulumi/random marks `result` and `bcryptHash` secret itself.
import bcrypt from "bcryptjs";
import type * as pulumi from "@pulumi/pulumi";
import {
  checkId,
  checkPassword,
  generatePassword,
  ID_INPUTS,
  ID_TYPE,
  idOutputs,
  PASSWORD_INPUTS,
  PASSWORD_TYPE,
  randomIdBytes,
  replacedInputs,
} from "./random";

type Provider = pulumi.provider.Provider;

/**
 * What the stand-in reports as its version: not the real plugin's. The engine takes a plugin on
 * PATH whatever version the SDK (4.21.2) asks for; the name says what it is in every log.
 */
export const STAND_IN_VERSION = "0.0.0-kubeflow-platform-stand-in.for.4.21.2";

/** The resource type of a URN (urn:pulumi:stack::project::parent$type::name). Pure. */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop()!;
}

function unknownType(urn: string): Error {
  return new Error(
    `the random stand-in (components/engine/randomStandIn) serves ${PASSWORD_TYPE} and ${ID_TYPE}, not ${typeOfUrn(urn)}. Fix: model the new resource there`,
  );
}

export function standInProvider(version: string): Provider {
  return {
    version,
    async check(urn, _olds, news) {
      const type = typeOfUrn(urn);
      if (type === PASSWORD_TYPE) return checkPassword(news);
      if (type === ID_TYPE) return checkId(news);
      throw unknownType(urn);
    },
    async diff(_id, urn, olds, news) {
      const keys = typeOfUrn(urn) === ID_TYPE ? ID_INPUTS : PASSWORD_INPUTS;
      const replaces = replacedInputs(keys, olds, news);
      return { changes: replaces.length > 0, replaces, deleteBeforeReplace: false };
    },
    async create(urn, inputs) {
      const type = typeOfUrn(urn);
      if (type === PASSWORD_TYPE) {
        const { inputs: checked } = checkPassword(inputs);
        const result = generatePassword(checked);
        return {
          id: "none",
          outs: { ...checked, result, bcryptHash: bcrypt.hashSync(result, 10) },
        };
      }
      if (type === ID_TYPE) {
        const { inputs: checked } = checkId(inputs);
        const { id, ...outs } = idOutputs(randomIdBytes(checked.byteLength), checked.prefix);
        return { id, outs: { ...checked, ...outs } };
      }
      throw unknownType(urn);
    },
    // The value lives only in state, as with the real provider: a refresh keeps it.
    async read(id, _urn, props) {
      return { id, props };
    },
    async delete() {},
  };
}
