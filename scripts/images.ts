// npm run images -- --stack <name>: every image the stack will run (from the versions catalog), one
// per line, for mirroring. With images.registry set, each line is "<source> <mirror>", ready for a
// copy loop (e.g. `while read src dst; do crane copy "$src" "$dst"; done`).
import { parseArgs } from "util";
import { ConfigError } from "../components/config/errors";
import { parsePlatformConfig } from "../components/config/load";
import { imageLines } from "../components/plan/imageList";
import { readStackPlatformConfig } from "../components/plan/stackConfig";

const { values } = parseArgs({ options: { stack: { type: "string" } } });
if (!values.stack) {
  console.error("usage: npm run images -- --stack <name>");
  process.exit(2);
}
try {
  for (const line of imageLines(parsePlatformConfig(readStackPlatformConfig(values.stack))))
    console.log(line);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
