// TEST DOUBLE for the engine tiers only (see random.ts): the entry the `pulumi-resource-random`
// launcher in the tool cache runs (components/engine/toolchain.ts writes it). The engine starts it
// as a plugin; it prints its port and serves until the engine ends it.
import * as pulumi from "@pulumi/pulumi";
import { standInProvider, STAND_IN_VERSION } from "./provider";

void pulumi.provider.main(standInProvider(STAND_IN_VERSION), process.argv.slice(2));
