// Kubernetes names we generate: DNS-1123 labels, at most 63 characters, deterministic.
import { createHash } from "crypto";

const MAX = 63;

/** Join parts into a DNS-1123 label; over-long names keep a readable head plus a stable hash. */
export function dnsLabelName(...parts: string[]): string {
  const joined = parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const base = joined || "x";
  if (base.length <= MAX) return base;
  const hash = createHash("sha256").update(base).digest("hex").slice(0, 8);
  return `${base.slice(0, MAX - 9).replace(/-+$/, "")}-${hash}`;
}

/**
 * The name KFAM gives a contributor's RoleBinding and AuthorizationPolicy:
 * `<userKind>-<email>-<roleKind>-<roleName>`, lower-cased, every other character run as "-".
 * Matching it lets the dashboard's "Manage contributors" page list and remove our bindings.
 */
export function contributorBindingName(
  subject: string,
  role: "view" | "edit" | "admin",
  kind: "User" | "Group" = "User",
): string {
  return dnsLabelName(kind, subject, "clusterrole", `kubeflow-${role}`);
}

/** Dex's userID for a static user: a UUID derived from the email, stable across runs. */
export function staticUserId(email: string): string {
  const h = createHash("sha1").update(`kubeflow-platform:${email}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The default tenant name for a user, as upstream names it: kubeflow-user-example-com. */
export function defaultTenantName(email: string): string {
  return dnsLabelName("kubeflow", email.replace("@", "-"));
}
