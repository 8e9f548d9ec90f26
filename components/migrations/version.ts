// The platform's own version (package.json), recorded in every stack's outputs, and the rule that
// decides whether this program may run over what a stack recorded last time.
import * as fs from "fs";
import * as path from "path";
import * as semver from "semver";

/** The version of this program, as package.json states it. */
export const PLATFORM_VERSION: string = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"),
).version;

/**
 * The oldest recorded version this release upgrades from in one step. A stack older than that must
 * go through the releases in between: each may carry migrations that the next ones assume ran.
 */
export const OLDEST_UPGRADE_FROM = "0.1.0";

export class UpgradePathError extends Error {}

/**
 * Refuse a run the migrations cannot carry: a stack older than OLDEST_UPGRADE_FROM, or one a newer
 * release already migrated (running an older program over it would undo that, except for a patch
 * release of the same minor, which carries no migration). No record: a new stack. Pure.
 */
export function checkUpgradePath(
  recorded: string | undefined,
  current: string = PLATFORM_VERSION,
): void {
  if (recorded === undefined) return;
  if (!semver.valid(recorded))
    throw new UpgradePathError(
      `the stack's output platformVersion is "${recorded}", not a version; fix it with pulumi stack output, or remove it by running the release that wrote it`,
    );
  if (semver.lt(recorded, OLDEST_UPGRADE_FROM))
    throw new UpgradePathError(
      `the stack was last deployed by kubeflow-platform ${recorded}; this release (${current}) upgrades from ${OLDEST_UPGRADE_FROM} or later: check out the release tags in between and run pulumi up with each (docs/upgrading.md)`,
    );
  const sameMinor =
    semver.major(recorded) === semver.major(current) &&
    semver.minor(recorded) === semver.minor(current);
  if (semver.gt(recorded, current) && !sameMinor)
    throw new UpgradePathError(
      `the stack was last deployed by kubeflow-platform ${recorded}, newer than this release (${current}): roll back by restoring the stack's state as docs/upgrading.md says ("Rolling back"), not by running an older release over it`,
    );
}
