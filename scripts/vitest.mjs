// `npm test`'s runner: vitest, without colour codes when the output is not a terminal (a log, a
// pipe, CI), where vitest would otherwise still print them.
import { spawnSync } from "child_process";
import { createRequire } from "module";
import * as path from "path";

const pkg = createRequire(import.meta.url).resolve("vitest/package.json");
const bin = path.join(path.dirname(pkg), "vitest.mjs");
const args = ["run", ...(process.stdout.isTTY ? [] : ["--no-color"]), ...process.argv.slice(2)];
const { status, signal } = spawnSync(process.execPath, [bin, ...args], { stdio: "inherit" });
process.exit(status ?? (signal ? 1 : 0));
