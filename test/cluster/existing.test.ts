// The existing-cluster layer: which kubeconfig and context the provider uses, always stated.
import { describe, expect, it } from "vitest";
import * as os from "os";
import * as path from "path";
import { ambientKubeconfigPath, resolveKubeconfig } from "../../components/cluster/existing";
import { byName, plan } from "../mocks";

const files = (map: Record<string, string>) => (p: string) => map[p];

describe("resolveKubeconfig (pure)", () => {
  it("a configured context is used as is, and is the cluster identifier", () => {
    expect(resolveKubeconfig({ context: "kind-kubeflow", kubeconfig: "~/k/config" })).toEqual({
      kubeconfigPath: path.join(os.homedir(), "k/config"),
      context: "kind-kubeflow",
      clusterIdentifier: "kind-kubeflow",
    });
  });

  it("without one, the current context of the ambient kubeconfig is read and stated", () => {
    const env = { KUBECONFIG: `/a/config${path.delimiter}/b/config` };
    expect(ambientKubeconfigPath(env)).toBe("/a/config");
    const resolved = resolveKubeconfig({}, files({ "/a/config": "current-context: lab\n" }), env);
    expect(resolved).toEqual({
      kubeconfigPath: undefined,
      context: "lab",
      clusterIdentifier: "lab",
    });
  });

  it("no context anywhere is an error naming the key and the fix", () => {
    expect(() => resolveKubeconfig({}, files({}), { KUBECONFIG: "/none" })).toThrow(
      /platform\.cluster\.context.*\/none.*pulumi config set --path 'kubeflow-platform:platform\.cluster\.context'/s,
    );
  });
});

describe("ExistingCluster component", () => {
  it("registers one provider with server-side apply and the context as cluster identifier", async () => {
    const provider = byName(await plan(), "cluster-k8s");
    expect(provider.type).toBe("pulumi:providers:kubernetes");
    expect(provider.inputs).toMatchObject({
      context: "kind-kubeflow",
      clusterIdentifier: "kind-kubeflow",
      enableServerSideApply: "true",
    });
  });
});
