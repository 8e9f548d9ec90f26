// Replicas an autoscaler owns stay out of our inputs: a Deployment or StatefulSet that a
// HorizontalPodAutoscaler scales must not carry spec.replicas, or every `pulumi up` resets what the
// HPA chose and a refresh always shows a change (set the HPA's bounds instead).
import { defineCheck, fault, Fault } from "../types";

type Hpa = { scaleTargetRef?: { kind?: string; name?: string } };

export const hpaReplicas = defineCheck({
  name: "hpa-replicas",
  description:
    "no workload a HorizontalPodAutoscaler scales carries `spec.replicas` in our inputs (`components.<app>.replicas` becomes the HPA's `minReplicas`)",
  run(input) {
    const out: Fault[] = [];
    const targets = new Set(
      input.objects
        .filter((o) => o.object.kind === "HorizontalPodAutoscaler")
        .map((o) => {
          const ref = (o.object.spec as Hpa).scaleTargetRef;
          return `${ref?.kind}/${o.object.metadata.namespace}/${ref?.name}`;
        }),
    );
    for (const o of input.objects) {
      const key = `${o.object.kind}/${o.object.metadata.namespace}/${o.object.metadata.name}`;
      if (
        targets.has(key) &&
        (o.object.spec as { replicas?: number } | undefined)?.replicas !== undefined
      )
        out.push(
          fault(
            o,
            "spec.replicas",
            "set while a HorizontalPodAutoscaler scales it: Pulumi and the HPA fight",
            "leave replicas to the HPA (set components.<app>.replicas as the HPA's minReplicas)",
          ),
        );
    }
    return out;
  },
});
