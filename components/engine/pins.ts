// The engine tiers' toolchain pins: every Go module the engine build takes from the Go module proxy,
// with the reason for each and what the proxy answered when it was probed (2026-12-06). The one
// place to change a version: the wrapper modules under engine/go/<tool>/ must require exactly the
// versions named here (test/engine/pins.test.ts checks their go.mod), and the tool cache is keyed
// by the hash of this object plus those wrapper files (components/engine/toolchain.ts), so a change
// here builds a new cache.
//
// Probe (GOTOOLCHAIN=local, GOPROXY=https://proxy.golang.org,direct; `go list -m -json` and
// `go mod download -json`):
//   github.com/pulumi/pulumi-kubernetes/sdk/v4 @v4.34.2 and @v4.34.1: 403 "This module version is
//     not available."; @v4.34.0 served (Origin 73278f1e8bef, tag sdk/v4.34.0); @v4.33.1 403;
//     @v4.33.0 served (62fd9455d1f1); @v4.25.0 served (144dd813d53e, the release commit on top of
//     f47bc2d6f199); `-versions` lists v4.18.0 … v4.32.0.
//   github.com/pulumi/pulumi-kubernetes/provider/v4: `-versions` lists none; @latest is
//     v4.0.0-20260115033456-f47bc2d6f199 (= tag v4.25.0). At the 4.34.0 commit (hash and
//     pseudo-version v4.0.0-20260827233302-73278f1e8bef), the 4.33.0 commit
//     (v4.0.0-20260707191313-62fd9455d1f1), the 4.32.0 commit (v4.0.0-20260608201737-a03ff6ba58d2),
//     main of 2026-07-01 (v4.0.0-20260701075250-94977969d641) and @v4.34.2/@v4.34.0: all 403.
//   github.com/pulumi/pulumi/pkg/v3@v3.248.0, sdk/v3@v3.248.0: served.
//   github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e: served.
//   github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@v3.0.0-20260624180030-dc7edd58bc13:
//     403 (not needed: the Automation API's inline program is its own language host).
//   k8s.io/kubernetes@v1.36.3 and its staging modules at v0.36.3: served.
//   go.etcd.io/etcd/server/v3@v3.6.16 (and api, client/pkg, client/v3, pkg at v3.6.16): served.
//   sigs.k8s.io/kwok@v0.8.0: served.

export type EngineTier = 1 | 2;

export interface GoBinary {
  /** File name in the cache's bin/. */
  name: string;
  /** The main package, built from the wrapper module (a `tool` line, or "." for our own main). */
  pkg: string;
}

export interface GoToolPin {
  /** The module the binaries come from, as the proxy serves it. */
  module: string;
  /** Its exact version (a tag or a pseudo-version); never a range. */
  version: string;
  /** The commit that version is, where known (a release's commit is what the proxy pins). */
  commit?: string;
  /** Our wrapper module: engine/go/<dir> (go.mod, go.sum, and a main.go where one is needed). */
  wrapper: string;
  binaries: GoBinary[];
  /** `-X` settings (package.var=value), as upstream's release build sets them. */
  ldflags: string[];
  /** Build tags, as upstream's release build sets them. @default none */
  tags?: string[];
  tier: EngineTier;
  /** Why this module and version. */
  reason: string;
}

export interface KubernetesProviderPin extends GoToolPin {
  /** The provider's release version (what the plugin reports, and its schema says). */
  release: string;
  /** The SDK module built into the provider: the same release (upstream replaces it with ../sdk). */
  sdkModule: { module: string; version: string };
  /**
   * The npm SDK the program is written against may ask for another plugin version than this one;
   * set only as a deliberate, documented exception (test/engine/pins.test.ts checks it).
   */
  npmSdkException?: { npmVersion: string; reason: string };
}

export interface EnginePins {
  /** The Go the build insists on (GOTOOLCHAIN=local: a go.mod asking for newer fails loudly). */
  go: string;
  pulumi: GoToolPin;
  kubernetesProvider: KubernetesProviderPin;
  controlPlane: GoToolPin;
  etcd: GoToolPin;
  kwok: GoToolPin;
  /** The random provider in the engine tiers: our stand-in (components/engine/randomStandIn). */
  random: { standIn: string; reason: string };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const KUBE_VERSION = "v1.36.3";
// The release's commit time, as the proxy reports it: a fixed build date keeps builds repeatable.
const KUBE_BUILD_DATE = "2026-07-22T18:07:38Z";
const kubeVersionFlags = ["k8s.io/client-go/pkg/version", "k8s.io/component-base/version"].flatMap(
  (pkg) => [
    `${pkg}.gitVersion=${KUBE_VERSION}`,
    `${pkg}.gitMajor=1`,
    `${pkg}.gitMinor=36`,
    `${pkg}.gitTreeState=clean`,
    `${pkg}.buildDate=${KUBE_BUILD_DATE}`,
  ],
);

export const ENGINE_PINS: EnginePins = deepFreeze({
  go: "go1.26.8",
  pulumi: {
    module: "github.com/pulumi/pulumi/pkg/v3",
    version: "v3.248.0",
    commit: "dc7edd58bc13",
    wrapper: "engine/go/pulumi",
    binaries: [{ name: "pulumi", pkg: "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi" }],
    ldflags: ["github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v3.248.0"],
    tier: 1,
    reason:
      "the CLI of the @pulumi/pulumi SDK the program runs on (3.248.0; 3.249+ needs Node 22). " +
      "The wrapper repeats pkg's clipboard replace (tgummerer/clipboard), since a dependency's " +
      "replaces are ignored",
  },
  kubernetesProvider: {
    module: "github.com/pulumi/pulumi-kubernetes/provider/v4",
    version: "v4.0.0-20260115033456-f47bc2d6f199",
    commit: "f47bc2d6f1996444d11c12b4ef083b82585f7c07",
    release: "4.25.0",
    sdkModule: { module: "github.com/pulumi/pulumi-kubernetes/sdk/v4", version: "v4.25.0" },
    wrapper: "engine/go/kubernetes",
    binaries: [{ name: "pulumi-resource-kubernetes", pkg: "." }],
    ldflags: ["github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version.Version=v4.25.0"],
    tier: 1,
    reason:
      "the newest provider/v4 the proxy serves: only the v4.25.0 release commit is served; the " +
      "4.32.0, 4.33.0 and 4.34.0 commits and main are refused (403), and sdk/v4 4.34.2 itself is " +
      "not served. Its own main embeds generated files, so our wrapper makes the same " +
      "provider.Serve call over the module's schema.json and terraform-mapping.json",
    npmSdkException: {
      npmVersion: "4.34.2",
      reason:
        "the program's @pulumi/kubernetes is 4.34.2, whose provider commit the proxy does not " +
        "serve. The engine tiers run the 4.25.0 plugin under the 4.34.2 SDK (the engine takes " +
        "the plugin on PATH whatever version the SDK asks for, and tier 1 says so in its report). " +
        "4.25.0 lacks render-mode fixes of 4.32.0 (#4394/#4400: a custom resource whose scope " +
        "cannot be resolved offline fails instead of staying unnamespaced; #4406 ambient " +
        "KUBECONFIG) and includeHooks; results of these tiers are 4.25.0's. Lift this when the " +
        "proxy serves the 4.34.2 commit, or pin the npm SDK to 4.25.0 (a product downgrade)",
    },
  },
  controlPlane: {
    module: "k8s.io/kubernetes",
    version: KUBE_VERSION,
    wrapper: "engine/go/kube",
    binaries: [
      { name: "kube-apiserver", pkg: "k8s.io/kubernetes/cmd/kube-apiserver" },
      { name: "kube-controller-manager", pkg: "k8s.io/kubernetes/cmd/kube-controller-manager" },
      { name: "kube-scheduler", pkg: "k8s.io/kubernetes/cmd/kube-scheduler" },
      { name: "kubectl", pkg: "k8s.io/kubernetes/cmd/kubectl" },
    ],
    ldflags: kubeVersionFlags,
    tags: ["selinux", "notest"],
    tier: 2,
    reason:
      "Kubernetes 1.36.x, the minor the platform targets (never 1.37: its kube-openapi needs Go " +
      "1.27). k8s.io/kubernetes replaces its 33 staging modules with ./staging, which a " +
      "dependent ignores, so the wrapper replaces each with its published v0.36.3. Version " +
      "ldflags as hack/lib/version.sh sets them (an unset version reads v0.0.0 and clients " +
      "reject it). kubectl is here because kwokctl's health checks run it",
  },
  etcd: {
    module: "go.etcd.io/etcd/server/v3",
    version: "v3.6.16",
    wrapper: "engine/go/etcd",
    binaries: [{ name: "etcd", pkg: "." }],
    ldflags: [],
    tier: 2,
    reason:
      "etcd 3.6, the line Kubernetes 1.36 is tested with (>= 3.5.13 needed for watch progress " +
      "requests), newest 3.6 patch served. Its main is in the root module, so the wrapper calls " +
      "etcdmain.Main and requires api, client/pkg, client/v3 and pkg at the same release",
  },
  kwok: {
    module: "sigs.k8s.io/kwok",
    version: "v0.8.0",
    wrapper: "engine/go/kwok",
    binaries: [
      { name: "kwok", pkg: "sigs.k8s.io/kwok/cmd/kwok" },
      { name: "kwokctl", pkg: "sigs.k8s.io/kwok/cmd/kwokctl" },
    ],
    ldflags: [
      "sigs.k8s.io/kwok/pkg/consts.Version=0.8.0",
      "sigs.k8s.io/kwok/pkg/consts.KubeVersion=1.36.3",
    ],
    tier: 2,
    reason:
      "the newest kwok release (fake nodes; kwokctl runs the control plane from local binaries). " +
      "Kept on its own k8s.io v0.36.1 graph, as released; its default Kubernetes is set to ours",
  },
  random: {
    standIn: "components/engine/randomStandIn",
    reason:
      "pulumi-random is a Terraform-bridged provider whose module cannot be built from the proxy " +
      "(its ./shim module is in no module zip, plus a terraform-plugin-sdk fork and a generated " +
      "embed). The engine tiers use our stand-in plugin instead; the product keeps @pulumi/random",
  },
});

/** Every Go tool pin, in build order (tier 1 first). */
export function goToolPins(pins: EnginePins = ENGINE_PINS): GoToolPin[] {
  return [pins.pulumi, pins.kubernetesProvider, pins.etcd, pins.controlPlane, pins.kwok];
}
