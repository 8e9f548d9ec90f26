// Validate an object we write against the real Kubernetes, Istio or cert-manager schema (the same
// models verify's schema check uses).
import { validateWithModel } from "../components/verify/models";

export function validateObject(obj: Record<string, unknown>): void {
  if (!validateWithModel(obj))
    throw new Error(`no schema model for ${String(obj.apiVersion)} ${String(obj.kind)}`);
}
