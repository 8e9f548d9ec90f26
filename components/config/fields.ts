// Reusable field schemas: every format rule the platform config relies on, in one place, each with
// an error message that says what a good value looks like.
import { z } from "zod";
import { networkOf } from "./network";

/** RFC 1123 label: Kubernetes namespaces, service names, tenant names. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1123 subdomain: hostnames and most Kubernetes object names. */
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const dnsLabel = () =>
  z
    .string()
    .max(63, { error: "must be at most 63 characters (a Kubernetes DNS label)" })
    .regex(DNS_LABEL, {
      error:
        "must be a DNS label: lower-case letters, digits and '-', starting and ending with a letter or digit",
    });

export const hostname = () =>
  z.string().max(253, { error: "must be at most 253 characters" }).regex(DNS_SUBDOMAIN, {
    error:
      "must be a DNS name such as kubeflow.example.com (lower-case letters, digits, '-' and '.')",
  });

export const email = () => z.email({ error: "must be an email address such as alice@example.com" });

// Binary and decimal suffixes only: a memory or storage size of "100m" (milli-bytes) is a typo.
const BYTES = /^(0|[1-9][0-9]*)(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
const CPU = /^(0|[1-9][0-9]*)(\.[0-9]+)?m?$/;

/** A memory or storage quantity such as 512Mi or 20Gi. */
export const bytesQuantity = () =>
  z.string({ error: "must be a quantity string such as 512Mi or 20Gi" }).regex(BYTES, {
    error: "must be a non-negative Kubernetes quantity such as 512Mi or 20Gi",
  });

/** A CPU quantity: "500m", "2" or a plain non-negative number; normalised to a string. */
export const cpuQuantity = () =>
  z
    .union([z.number().nonnegative({ error: "must not be negative" }), z.string()], {
      error: 'must be a CPU quantity such as "500m" or 2',
    })
    .transform((v) => String(v))
    .pipe(
      z.string().regex(CPU, { error: 'must be a non-negative CPU quantity such as "500m" or "2"' }),
    );

/** Kubernetes minor version such as "1.34". */
export const kubernetesMinorVersion = () =>
  z
    .string({ error: 'must be a Kubernetes minor version string such as "1.34"' })
    .regex(/^1\.[0-9]{2}$/, {
      error: 'must be a Kubernetes minor version such as "1.34" (major.minor, no patch, no "v")',
    });

export const port = () =>
  z
    .number({ error: "must be a port number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be between 1 and 65535" })
    .max(65535, { error: "must be between 1 and 65535" });

export const nodePort = () =>
  z
    .number({ error: "must be a port number" })
    .int({ error: "must be a whole number" })
    .min(30000, { error: "must be in the NodePort range 30000-32767" })
    .max(32767, { error: "must be in the NodePort range 30000-32767" });

export const sizeGiB = (defaultGiB: number) =>
  z
    .number({ error: "must be a number of GiB" })
    .int({ error: "must be a whole number of GiB" })
    .min(1, { error: "must be at least 1 GiB" })
    .max(65536, { error: "must be at most 65536 GiB" })
    .default(defaultGiB);

const CIDR =
  /^((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\/(3[0-2]|[12]?[0-9])$/;
/** An IPv4 CIDR whose host bits are clear: clouds refuse (or silently change) 10.0.0.1/16. */
export const cidr = () =>
  z
    .string()
    .regex(CIDR, { error: "must be an IPv4 CIDR such as 10.0.0.0/8" })
    .superRefine((value, ctx) => {
      const network = networkOf(value);
      if (network && network !== value)
        ctx.addIssue({
          code: "custom",
          message: `has host bits set: its network address is ${network}`,
          input: value,
          params: { fix: `use its network address`, edits: [{ value: network }] },
        });
    });

/** Kubernetes label or annotation maps: string values only. */
export const stringMap = () => z.record(z.string(), z.string({ error: "values must be strings" }));

export { quantityToNumber } from "../lib/quantity";
