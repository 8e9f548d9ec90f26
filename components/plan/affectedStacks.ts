// Which stacks a change touches, for CI previews: a stack file changes its stack; a tenant file its
// tenants stack; code, dependencies or the policy pack every stack; docs and tests none.
import * as path from "path";

export interface StackInfo {
  name: string;
  /** tenantsDir of the stack, if it reads tenant files. */
  tenantsDir?: string;
}

const DOCS_OR_TESTS = /^(docs\/|test\/|README\.md$|\.github\/ISSUE|renovate\.json$)/;

export function affectedStacks(changed: string[], stacks: StackInfo[]): string[] {
  const hit = new Set<string>();
  for (const file of changed) {
    const stackFile = /^stacks\/Pulumi\.(.+)\.yaml$/.exec(file);
    if (stackFile) {
      if (stacks.some((s) => s.name === stackFile[1])) hit.add(stackFile[1]);
      continue;
    }
    if (file.startsWith("stacks/tenants/")) {
      const dir = path.posix.dirname(file);
      for (const s of stacks) if (s.tenantsDir === dir) hit.add(s.name);
      continue;
    }
    if (DOCS_OR_TESTS.test(file)) continue;
    for (const s of stacks) hit.add(s.name);
  }
  return [...hit].sort();
}
