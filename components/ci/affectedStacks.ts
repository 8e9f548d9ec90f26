// Which stacks a change touches, for CI previews: a stack file changes its stack and the stacks that
// read it by StackReference (a tenants stack takes its platform's GPU capacity and tolerations); a
// tenant file the stacks whose tenantsDir holds it; code, dependencies, the policy pack or the list
// of deployed stacks every stack; docs and tests none. `stacks` are the stacks CI runs
// (stacks/deployed.yaml): a change to an example stack's files previews nothing.
import * as path from "path";

export interface StackInfo {
  name: string;
  /** tenantsDir of the stack, if it reads tenant files. */
  tenantsDir?: string;
  /** Stacks it reads by StackReference, by name. */
  references?: string[];
}

const DOCS_OR_TESTS =
  /^(docs\/|test\/|policies\/test\/|README\.md$|\.github\/ISSUE|renovate\.json$)/;

/** The stack and, transitively, every stack that reads it. */
function withReaders(stack: string, stacks: StackInfo[], hit: Set<string>): void {
  if (hit.has(stack) || !stacks.some((s) => s.name === stack)) return;
  hit.add(stack);
  for (const s of stacks) if (s.references?.includes(stack)) withReaders(s.name, stacks, hit);
}

const under = (file: string, dir: string) => {
  const d = path.posix.normalize(dir).replace(/\/$/, "");
  return file.startsWith(`${d}/`);
};

export function affectedStacks(changed: string[], stacks: StackInfo[]): string[] {
  const hit = new Set<string>();
  for (const file of changed) {
    const stackFile = /^stacks\/Pulumi\.(.+)\.yaml$/.exec(file);
    if (stackFile) {
      withReaders(stackFile[1], stacks, hit);
      continue;
    }
    if (file.startsWith("stacks/tenants/")) {
      for (const s of stacks) if (s.tenantsDir && under(file, s.tenantsDir)) hit.add(s.name);
      continue;
    }
    if (DOCS_OR_TESTS.test(file)) continue;
    for (const s of stacks) hit.add(s.name);
  }
  return [...hit].sort();
}
