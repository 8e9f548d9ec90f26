// images: its table of cases (images.cases.ts), GIVEN / WHEN / THEN, and what "pinned" means.
import { describe, expect, it } from "vitest";
import { images, isPinned } from "../../components/verify/checks/images";
import { tableTests } from "./fixtures";
import { imagesCases } from "./images.cases";

describe("images", () => {
  tableTests(images, imagesCases);
  it.each([
    ["ghcr.io/containerd/busybox", false],
    ["a/b:latest", false],
    ["a/b:1.36", true],
    [`a/b@sha256:${"0".repeat(64)}`, true],
  ])("isPinned(%s) is %s: tags and digests, never latest or none", (image, pinned) => {
    expect(isPinned(image)).toBe(pinned);
  });
});
