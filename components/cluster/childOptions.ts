// The options a cloud cluster component hands the functions that create its children: the
// component as parent, and what every child waits for (on GCP, the enabled APIs) as a plain list
// that a child extends.
import * as pulumi from "@pulumi/pulumi";

export type ChildOptions = pulumi.CustomResourceOptions & { dependsOn: pulumi.Resource[] };

/** The options, also waiting for `more`. Pure. */
export function after(opts: ChildOptions, ...more: pulumi.Resource[]): ChildOptions {
  return { ...opts, dependsOn: [...opts.dependsOn, ...more] };
}
