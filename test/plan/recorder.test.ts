// The recorder answers as the engine would, refusals included.
import { describe, expect, it } from "vitest";
import { RecordingMonitor } from "../../components/plan/recorder";

const request = (name: string) => ({
  getType: () => "kubernetes:core/v1:Namespace",
  getName: () => name,
  getParent: () => "",
  getCustom: () => true,
  getObject: () => undefined,
  getDependenciesList: () => [],
  getProtect: () => false,
  getRetainondelete: () => false,
  getDeletedwith: () => "",
  getTransformsList: () => [],
  getAliasesList: () => [],
});

describe("RecordingMonitor", () => {
  it("refuses a second registration with the same URN, as the engine does", async () => {
    const monitor = new RecordingMonitor();
    const answer = (name: string) =>
      new Promise<unknown>((resolve) =>
        monitor.registerResource(request(name) as never, (err) => resolve(err)),
      );
    expect(await answer("a")).toBeNull();
    expect(await answer("b")).toBeNull();
    expect(String(await answer("a"))).toContain("Duplicate resource URN");
    expect(monitor.registrations).toHaveLength(2);
  });
});
