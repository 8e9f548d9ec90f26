// The engine pins: one place, frozen, and every wrapper module's go.mod requires exactly what they
// name; the Kubernetes provider pin matches the installed @pulumi/kubernetes unless a documented
// exception says why not.
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { ENGINE_PINS, goToolPins } from "../../components/engine/pins";

const ROOT = path.resolve(__dirname, "../..");
const npmVersion = (pkg: string) =>
  (
    JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
const goMod = (wrapper: string) => fs.readFileSync(path.join(ROOT, wrapper, "go.mod"), "utf8");
/** `module version` of every require line (single-line and block form). */
const requires = (text: string) =>
  new Map(
    [...text.matchAll(/^(?:require\s+|\t)(\S+)\s+(v\S+)/gm)].map((m) => [m[1], m[2]] as const),
  );

describe("engine pins", () => {
  it("are frozen, deeply", () => {
    expect(Object.isFrozen(ENGINE_PINS)).toBe(true);
    expect(Object.isFrozen(ENGINE_PINS.kubernetesProvider.ldflags)).toBe(true);
    expect(() => {
      (ENGINE_PINS.pulumi as { version: string }).version = "v0";
    }).toThrow();
  });

  it("give every tool an exact version, a reason and a wrapper module with go.mod and go.sum", () => {
    for (const pin of goToolPins()) {
      expect(pin.version, pin.module).toMatch(/^v\d+\.\d+\.\d+(-[0-9a-z.-]+)?$/);
      expect(pin.reason.length, pin.module).toBeGreaterThan(40);
      expect(fs.existsSync(path.join(ROOT, pin.wrapper, "go.sum")), pin.wrapper).toBe(true);
    }
  });

  it("are what each wrapper module's go.mod requires", () => {
    for (const pin of goToolPins())
      expect(requires(goMod(pin.wrapper)).get(pin.module), pin.wrapper).toBe(pin.version);
    const sdk = ENGINE_PINS.kubernetesProvider.sdkModule;
    expect(requires(goMod(ENGINE_PINS.kubernetesProvider.wrapper)).get(sdk.module)).toBe(
      sdk.version,
    );
  });

  it("build the control plane's staging modules at the same Kubernetes release", () => {
    const text = goMod(ENGINE_PINS.controlPlane.wrapper);
    const staging = [...text.matchAll(/^replace (k8s\.io\/\S+) => (k8s\.io\/\S+) (v\S+)$/gm)];
    expect(staging.length).toBeGreaterThanOrEqual(30);
    const minor = ENGINE_PINS.controlPlane.version.replace(/^v1\./, "v0.");
    for (const [, from, to, version] of staging) {
      expect(to).toBe(from);
      expect(version).toBe(minor);
    }
  });

  it("repeat pulumi's clipboard replace in the CLI wrapper", () => {
    expect(goMod(ENGINE_PINS.pulumi.wrapper)).toMatch(
      /^replace github.com\/atotto\/clipboard => github.com\/tgummerer\/clipboard v0\.0\.0-/m,
    );
  });

  it("build the CLI of the installed @pulumi/pulumi", () => {
    expect(ENGINE_PINS.pulumi.version).toBe(`v${npmVersion("@pulumi/pulumi")}`);
  });

  it("build the Kubernetes provider of the installed @pulumi/kubernetes, or say why not", () => {
    const pin = ENGINE_PINS.kubernetesProvider;
    const installed = npmVersion("@pulumi/kubernetes");
    expect(pin.ldflags).toContain(
      `github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version.Version=v${pin.release}`,
    );
    expect(pin.sdkModule.version).toBe(`v${pin.release}`);
    expect(pin.version.endsWith(pin.commit!.slice(0, 12))).toBe(true);
    if (pin.release === installed) return;
    expect(pin.npmSdkException?.npmVersion, "a mismatch needs a documented exception").toBe(
      installed,
    );
    expect(pin.npmSdkException!.reason).toMatch(/not serve/);
  });

  it("set Kubernetes' version variables in both packages hack/lib/version.sh sets", () => {
    for (const pkg of ["k8s.io/client-go/pkg/version", "k8s.io/component-base/version"])
      for (const v of ["gitVersion=v1.36.3", "gitMajor=1", "gitMinor=36"])
        expect(ENGINE_PINS.controlPlane.ldflags).toContain(`${pkg}.${v}`);
  });
});
