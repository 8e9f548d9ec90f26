// Every upstream artifact is pinned: no "latest", no ranges, no missing versions.
import { describe, expect, it } from "vitest";
import { allImages, charts, kubeflowManifests, manifestsUrl } from "../components/versions";

const FLOATING = /(^|[^a-z])(latest|stable|main|master|head)$|[\^~*x]|>=|<=|\|\|/i;

describe("versions catalog", () => {
  it.each(Object.entries(charts))("chart %s has an exact version", (_k, c) => {
    expect(c.version).toMatch(/^v?\d+\.\d+\.\d+$/);
    expect(c.repo).toMatch(/^(https|oci):\/\//);
  });

  it("pins kubeflow/manifests to a tag and its commit", () => {
    expect(kubeflowManifests.ref).not.toMatch(FLOATING);
    expect(kubeflowManifests.ref).toMatch(/^(\d{2}\.\d{2}(\.\d+)?|v\d+\.\d+\.\d+)$/);
    expect(kubeflowManifests.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(manifestsUrl("common/kubeflow-roles/base")).toBe(
      "https://github.com/kubeflow/manifests//common/kubeflow-roles/base?ref=26.03",
    );
  });

  it.each(allImages())("image %s carries a fixed tag or digest", (image) => {
    if (image.includes("@")) {
      expect(image).toMatch(/@sha256:[0-9a-f]{64}$/);
      return;
    }
    const tag = image.split("/").pop()!.split(":")[1];
    expect(tag, "missing tag").toBeDefined();
    expect(tag).not.toMatch(FLOATING);
    expect(image.split("/")[0]).toMatch(/\./); // a registry host, so mirrors can rewrite it
  });

  it("the floating-version check catches floating values", () => {
    for (const bad of ["latest", "1.x", "^1.2.3", "~1.2", ">=1.0", "main"])
      expect(bad).toMatch(FLOATING);
  });
});
