// The toolchain build's pure parts: the cache key and paths, the go command lines, the stamp.
import * as path from "path";
import { describe, expect, it } from "vitest";
import { ENGINE_PINS, EnginePins } from "../../components/engine/pins";
import {
  binaryNames,
  cacheKey,
  cacheRoot,
  checkGoVersion,
  goBuildArgs,
  goEnv,
  mappingEmbed,
  parseStamp,
  pinsForTier,
  RANDOM_PLUGIN,
  randomLauncher,
  schemaEmbed,
  sourceFiles,
  staleBinaries,
  stampText,
  toolPaths,
} from "../../components/engine/toolchain";

const ROOT = path.resolve(__dirname, "../..");
const files = [{ path: "engine/go/pulumi/go.mod", content: "module x\n" }];

describe("engine tool cache", () => {
  it("lives under XDG_CACHE_HOME, else ~/.cache", () => {
    expect(cacheRoot({ XDG_CACHE_HOME: "/x", HOME: "/h" })).toBe("/x/kubeflow-platform");
    expect(cacheRoot({ HOME: "/h" })).toBe("/h/.cache/kubeflow-platform");
  });

  it("keeps the Go caches beside the keyed folders, shared by every key", () => {
    const p = toolPaths("/c/kubeflow-platform", "abc");
    expect(p.goModCache).toBe("/c/kubeflow-platform/go/mod");
    expect(p.goBuildCache).toBe("/c/kubeflow-platform/go/build");
    expect(p.bin).toBe("/c/kubeflow-platform/engine/abc/bin");
    expect(p.stamp).toBe("/c/kubeflow-platform/engine/abc/.complete");
  });

  it("is keyed by the pins and the wrapper files, whatever their order", () => {
    const key = cacheKey(ENGINE_PINS, files);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    const more = [...files, { path: "engine/go/etcd/go.mod", content: "module y\n" }];
    expect(cacheKey(ENGINE_PINS, more)).toBe(cacheKey(ENGINE_PINS, [...more].reverse()));
    expect(cacheKey(ENGINE_PINS, more)).not.toBe(key);
    const bumped = structuredClone(ENGINE_PINS) as EnginePins;
    bumped.etcd.version = "v3.6.15";
    expect(cacheKey(bumped, files)).not.toBe(key);
    expect(cacheKey(ENGINE_PINS, [{ ...files[0], content: "module z\n" }])).not.toBe(key);
  });

  it("hashes every wrapper's go.mod, go.sum and Go files", () => {
    const names = sourceFiles(ROOT).map((f) => f.path);
    expect(names).toContain("engine/go/kubernetes/main.go");
    expect(names).toContain("engine/go/pulumi/go.sum");
    expect(names.filter((n) => n.endsWith("/go.mod"))).toHaveLength(5);
    expect(names.some((n) => n.endsWith(".json"))).toBe(false);
  });
});

describe("engine build commands", () => {
  const paths = toolPaths("/c", "k");

  it("use this machine's Go, the shared caches, a read-only go.mod and static binaries", () => {
    const env = goEnv(paths, { PATH: "/usr/bin", GOFLAGS: "-mod=mod" });
    expect(env).toMatchObject({
      PATH: "/usr/bin",
      GOTOOLCHAIN: "local",
      GOMODCACHE: "/c/go/mod",
      GOCACHE: "/c/go/build",
      GOFLAGS: "-modcacherw -mod=readonly",
      CGO_ENABLED: "0",
    });
  });

  it("build with -p 2, trimmed paths, stripped symbols and the pinned version variables", () => {
    const pin = ENGINE_PINS.controlPlane;
    const args = goBuildArgs(pin, pin.binaries[0], "/c/bin/kube-apiserver");
    expect(args.slice(0, 4)).toEqual(["build", "-p", "2", "-trimpath"]);
    expect(args).toContain("selinux,notest");
    const ldflags = args[args.indexOf("-ldflags") + 1];
    expect(ldflags.startsWith("-s -w ")).toBe(true);
    expect(ldflags).toContain("-X k8s.io/component-base/version.gitVersion=v1.36.3");
    expect(args.slice(-3)).toEqual([
      "-o",
      "/c/bin/kube-apiserver",
      "k8s.io/kubernetes/cmd/kube-apiserver",
    ]);
  });

  it("leave out -tags when upstream sets none", () => {
    const pin = ENGINE_PINS.pulumi;
    expect(goBuildArgs(pin, pin.binaries[0], "/o")).not.toContain("-tags");
  });

  it("refuse another Go than the pinned one, naming both and the fix", () => {
    expect(checkGoVersion("go version go1.26.8 linux/amd64", "go1.26.8")).toBeUndefined();
    expect(checkGoVersion("go version go1.27.3 linux/amd64", "go1.26.8")).toMatch(
      /go1\.27\.3.*go1\.26\.8.*Fix:/,
    );
  });

  it("build tier 1 first and tier 2 only when asked", () => {
    expect(pinsForTier(1).map((p) => p.wrapper)).toEqual([
      "engine/go/pulumi",
      "engine/go/kubernetes",
    ]);
    expect(binaryNames(1)).toEqual(["pulumi", "pulumi-resource-kubernetes", RANDOM_PLUGIN]);
    expect(binaryNames(2)).toEqual([
      "etcd",
      "kube-apiserver",
      "kube-controller-manager",
      "kube-scheduler",
      "kubectl",
      "kwok",
      "kwokctl",
    ]);
    expect(binaryNames("all")).toHaveLength(10);
  });
});

describe("provider embeds", () => {
  it("set the schema's version to the pinned release and keep the rest", () => {
    const out = JSON.parse(schemaEmbed('{"name":"kubernetes","resources":{"a":1}}', "4.25.0"));
    expect(out).toEqual({ name: "kubernetes", resources: { a: 1 }, version: "4.25.0" });
  });

  it("compact the terraform mapping", () => {
    expect(mappingEmbed('{\n  "a": [1, 2]\n}')).toBe('{"a":[1,2]}');
  });
});

describe("the .complete stamp", () => {
  const a = "a".repeat(64);
  const b = "b".repeat(64);

  it("is sha256sum's format, sorted, and reads back", () => {
    const text = stampText({ pulumi: b, etcd: a });
    expect(text).toBe(`${a}  etcd\n${b}  pulumi\n`);
    expect(parseStamp(`${text}garbage\n`)).toEqual({ etcd: a, pulumi: b });
  });

  it("makes a build a no-op only when it lists every wanted binary with its current hash", () => {
    const stamp = { pulumi: a, etcd: b };
    expect(staleBinaries(["pulumi", "etcd"], stamp, { pulumi: a, etcd: b })).toEqual([]);
    expect(staleBinaries(["pulumi", "kwok"], stamp, { pulumi: a, kwok: a })).toEqual(["kwok"]);
    expect(staleBinaries(["pulumi"], stamp, { pulumi: b })).toEqual(["pulumi"]);
    expect(staleBinaries(["pulumi"], stamp, { pulumi: undefined })).toEqual(["pulumi"]);
  });
});

describe("the random stand-in's launcher", () => {
  it("names no checkout, and says what it is and how to fix a missing root", () => {
    const text = randomLauncher();
    expect(text.startsWith("#!/bin/sh\n")).toBe(true);
    expect(text).toContain("NOT the real random provider");
    expect(text).toContain('"$KUBEFLOW_PLATFORM_ROOT/components/engine/randomStandIn/main.ts"');
    expect(text).not.toContain(ROOT);
  });
});
