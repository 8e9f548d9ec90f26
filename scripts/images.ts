// npm run images -- --stack <name>: every image the stack will run (from the versions catalog), one
// per line, for mirroring. With images.registry set, each line is "<source> <mirror>", ready for a
// copy loop (e.g. `while read src dst; do crane copy "$src" "$dst"; done`).
import { parsePlatformConfig } from "../components/config/load";
import { imageLines } from "../components/plan/imageList";
import { readStackPlatformConfig } from "../components/plan/stackConfig";
import { requireStack, runScript } from "./cli";

const USAGE = "usage: npm run images -- --stack <name>";

runScript(USAGE, { stack: { type: "string" } }, ({ values }) => {
  const stack = requireStack(values.stack, USAGE);
  for (const line of imageLines(parsePlatformConfig(readStackPlatformConfig(stack))))
    console.log(line);
  return 0;
});
