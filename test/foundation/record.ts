// Build one component under the plan's recorder, alone: faster than planning a whole stack, and
// its registrations are exactly the component's.
import { Registration, installRecorder, settle } from "../../components/plan/recorder";

export async function record(build: () => unknown, stack = "test"): Promise<Registration[]> {
  const monitor = installRecorder({ project: "kubeflow-platform", stack, config: {} });
  build();
  await settle();
  return [...monitor.registrations].sort((a, b) => a.urn.localeCompare(b.urn));
}
