// No import circles: in a circle no module is below the others, so none can be read, tested or moved
// on its own, and one runtime import added to a type-only circle turns it into a load-order crash.
// Every import counts (type-only, re-exports and dynamic imports too). The graph spans all of
// components/, so a circle that leaves a folder and comes back is caught; all of components/ is held
// to it.
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const GRAPH_ROOT = "components";
const FOLDERS = ["components"];

/** Module → the modules it imports, by path from the repository root (e.g. components/config/issue.ts). */
type Graph = Map<string, string[]>;

/** Every .ts file under `dir`, by path from the repository root. */
function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => {
      const rel = path.posix.join(dir, e.name);
      if (e.isDirectory()) return sourceFiles(rel);
      return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [rel] : [];
    })
    .sort();
}

/** The graph of `files` (path → text): relative imports resolved to files among them. */
function importGraph(files: Map<string, string>): Graph {
  const resolve = (from: string, spec: string) => {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
    return [`${base}.ts`, `${base}/index.ts`, base].find((f) => files.has(f));
  };
  const graph: Graph = new Map();
  for (const [file, text] of files) {
    const specs = ts.preProcessFile(text, true, true).importedFiles.map((i) => i.fileName);
    const targets = specs.filter((s) => s.startsWith(".")).map((s) => resolve(file, s));
    graph.set(file, [...new Set(targets.filter((t): t is string => t !== undefined))]);
  }
  return graph;
}

/** The circles of the graph (Tarjan's strongly connected components), each as one closed path. */
function circles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) components.push(component);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return components.map((c) => closedPath(graph, new Set(c)));
}

/** One path through a circle's modules back to its first (breadth-first, so the shortest). */
function closedPath(graph: Graph, members: Set<string>): string[] {
  const start = [...members].sort()[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const route = [v];
        while (route[0] !== start) route.unshift(previous.get(route[0])!);
        return [...route, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

describe("import circles", () => {
  const files = new Map(
    sourceFiles(GRAPH_ROOT).map((f) => [f, fs.readFileSync(path.join(ROOT, f), "utf8")]),
  );
  const found = circles(importGraph(files));

  it.each(FOLDERS)("no module of %s is in an import circle", (folder) => {
    expect([...files.keys()].some((f) => f.startsWith(`${folder}/`))).toBe(true);
    const touching = found.filter((c) => c.some((f) => f.startsWith(`${folder}/`)));
    expect(touching.map((c) => c.join(" → "))).toEqual([]);
  });

  it("control: a circle through a type-only import, a re-export and an index is found", () => {
    const graph = importGraph(
      new Map([
        ["a/x.ts", 'import { y } from "./y";\nimport { free } from "../b";'],
        ["a/y.ts", 'export { z } from "./z";'],
        ["a/z.ts", 'import type { X } from "./x";'],
        ["b/index.ts", 'import { z } from "zod";'],
      ]),
    );
    expect(graph.get("a/x.ts")).toEqual(["a/y.ts", "b/index.ts"]);
    expect(circles(graph)).toEqual([["a/x.ts", "a/y.ts", "a/z.ts", "a/x.ts"]]);
  });
});
