// Machine types and database classes told apart by cloud: every GPU type the platform knows, each
// cloud layer's default database class and the shipped stacks' sizes classify as their own cloud.
import { describe, expect, it } from "vitest";
import { classifySize, suggestedSize, wrongCloudSize } from "../../components/config/machineTypes";
import {
  AWS_GPU_INSTANCES,
  AZURE_GPU_VM_SIZES,
  GCP_ACCELERATORS,
} from "../../components/lib/gpuTypes";

describe("machine type and database class naming", () => {
  it("classifies each cloud's own names as that cloud's", () => {
    for (const t of Object.keys(AWS_GPU_INSTANCES))
      expect(classifySize(t)).toEqual({ cloud: "aws", kind: "machine" });
    for (const t of Object.keys(AZURE_GPU_VM_SIZES)) expect(classifySize(t)?.cloud).toBe("azure");
    for (const family of new Set(Object.values(GCP_ACCELERATORS).flat()))
      expect(classifySize(`${family}-standard-8`)).toEqual({ cloud: "gcp", kind: "machine" });
    // The cloud layers' defaults (components/cluster/*.ts) and the shipped stacks' sizes.
    expect(classifySize("db.t4g.medium")).toEqual({ cloud: "aws", kind: "database" });
    expect(classifySize("db-custom-2-7680")).toEqual({ cloud: "gcp", kind: "database" });
    expect(classifySize("Standard_B2ms")?.cloud).toBe("azure");
    for (const t of ["m7i.xlarge", "p4d.24xlarge", "u-6tb1.metal"])
      expect(classifySize(t)?.cloud).toBe("aws");
    expect(classifySize("e2-standard-4")?.cloud).toBe("gcp");
    expect(classifySize("custom-4-16384")?.cloud).toBe("gcp");
  });

  it("refuses another cloud's name and the wrong kind, and says nothing of unknown names", () => {
    expect(wrongCloudSize("gcp", "database", "db.t3.medium")).toMatch(/an AWS name/);
    expect(wrongCloudSize("aws", "database", "db-custom-2-8192")).toMatch(/a GCP name/);
    expect(wrongCloudSize("gcp", "machine", "Standard_D4s_v5")).toMatch(/an Azure name/);
    expect(wrongCloudSize("azure", "machine", "m5.xlarge")).toMatch(/an AWS name/);
    expect(wrongCloudSize("aws", "database", "m7g.large")).toMatch(/is a machine type/);
    expect(suggestedSize("aws", "database", "m7g.large")).toBe("db.m7g.large");
    expect(suggestedSize("gcp", "database", "db.t3.medium")).toBe("db-custom-2-7680");
    expect(wrongCloudSize("aws", "machine", "m7g.large")).toBeUndefined();
    expect(wrongCloudSize("azure", "database", "Standard_D2ds_v4")).toBeUndefined();
    expect(wrongCloudSize("aws", "machine", "something")).toBeUndefined();
  });
});
