// Which cloud a machine type or database class names, told apart by the clouds' naming patterns,
// so `db.t3.medium` on GCP or `m5.xlarge` on Azure fails here rather than at the cloud's API.
// Patterns only: a name of the right cloud that does not exist is still the cloud's to refuse.

export type Cloud = "aws" | "gcp" | "azure";
export type SizeKind = "machine" | "database";

const PATTERNS: [RegExp, Cloud, SizeKind][] = [
  // RDS DB instance classes: db.<family>.<size>, e.g. db.t4g.medium, db.r6g.2xlarge.
  [/^db\.[a-z0-9-]+\.[a-z0-9-]+$/, "aws", "database"],
  // EC2 instance types: <family>.<size>, e.g. m7i.xlarge, g5.2xlarge, u-6tb1.metal.
  [/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/, "aws", "machine"],
  // Cloud SQL tiers: db-custom-<cpus>-<MiB>, db-n1-standard-2, db-f1-micro, ...
  [/^db-[a-z0-9-]+$/, "gcp", "database"],
  // Compute Engine machine types: <series>-<kind>-<cpus>, custom-<cpus>-<MiB>, e.g. e2-standard-4.
  [/^[a-z][a-z0-9]*-[a-z0-9-]+$/, "gcp", "machine"],
  // Azure VM sizes and MySQL flexible server SKUs share the Standard_ names, e.g. Standard_D4s_v5.
  [/^(Standard|Basic)_[A-Za-z0-9_]+$/, "azure", "machine"],
];

/** The cloud and kind a size name belongs to, or undefined when no pattern knows it. Pure. */
export function classifySize(name: string): { cloud: Cloud; kind: SizeKind } | undefined {
  const hit = PATTERNS.find(([re]) => re.test(name));
  return hit && { cloud: hit[1], kind: hit[2] };
}

const A_CLOUD: Record<Cloud, string> = { aws: "an AWS", gcp: "a GCP", azure: "an Azure" };

/** What each cloud calls the field, and a good value of it (the shipped stacks' own). */
export const MACHINE_TYPE: Record<Cloud, { noun: string; example: string }> = {
  aws: { noun: "an EC2 instance type", example: "m7i.xlarge" },
  gcp: { noun: "a Compute Engine machine type", example: "e2-standard-4" },
  azure: { noun: "a VM size", example: "Standard_D4s_v5" },
};

/** The managed database's class per cloud; the examples are the cloud layers' defaults. */
export const DATABASE_CLASS: Record<Cloud, { noun: string; example: string }> = {
  aws: { noun: "an RDS instance class", example: "db.t4g.medium" },
  gcp: { noun: "a Cloud SQL tier", example: "db-custom-2-7680" },
  azure: { noun: "a MySQL flexible server SKU", example: "Standard_B2ms" },
};

/**
 * Why `name` cannot be a machine type (`want` "machine") or database class (`want` "database") on
 * `cloud`, or undefined when nothing tells. Azure's VM sizes and MySQL SKUs share one pattern. Pure.
 */
export function wrongCloudSize(cloud: Cloud, want: SizeKind, name: string): string | undefined {
  const found = classifySize(name);
  if (!found) return undefined;
  const wanted = (want === "machine" ? MACHINE_TYPE : DATABASE_CLASS)[cloud].noun;
  if (found.cloud !== cloud) {
    const what = (found.kind === "machine" ? MACHINE_TYPE : DATABASE_CLASS)[found.cloud].noun;
    return `is ${A_CLOUD[found.cloud]} name (${what}); ${A_CLOUD[cloud]} cluster needs ${wanted}`;
  }
  if (cloud !== "azure" && found.kind !== want)
    return `is ${want === "machine" ? "a database class" : "a machine type"}; this field takes ${wanted}`;
  return undefined;
}

/** A value to suggest in place of `name`: the same size as an RDS class, else the cloud's example. */
export function suggestedSize(cloud: Cloud, want: SizeKind, name: string): string {
  const found = classifySize(name);
  if (cloud === "aws" && want === "database" && found?.cloud === "aws" && found.kind === "machine")
    return `db.${name}`;
  return (want === "machine" ? MACHINE_TYPE : DATABASE_CLASS)[cloud].example;
}
