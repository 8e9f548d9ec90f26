// npx tsx scripts/affectedStacks.ts <base-ref>: the stacks a branch's changes touch, as a JSON
// array (CI's preview matrix). Compares the working tree with the merge base of <base-ref>.
import { execFileSync } from "child_process";
import { affectedStacks } from "../components/plan/affectedStacks";
import { listStacks, readStackPlatformConfig } from "../components/plan/stackConfig";

const base = process.argv[2] ?? "origin/main";
const changed = execFileSync("git", ["diff", "--name-only", `${base}...HEAD`], { encoding: "utf8" })
  .split("\n")
  .filter(Boolean);
const stacks = listStacks().map((name) => ({
  name,
  tenantsDir: (readStackPlatformConfig(name) as { tenantsDir?: string } | undefined)?.tenantsDir,
}));
console.log(JSON.stringify(affectedStacks(changed, stacks)));
