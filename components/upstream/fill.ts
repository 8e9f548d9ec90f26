// Filling a local sources directory on a connected machine: the pinned git trees checked out at
// their pinned refs (kubeflow/manifests verified against its recorded commit) and the archive,
// values and metadata of every chart a stack uses, in the layout the resolver reads.
import { gitSources, GitSourcePin, HelmChartPin, kubeflowManifests } from "../versions";

export interface FillStep {
  /** What the step fetches, for the log. */
  what: string;
  /** The program and its arguments (git or helm). */
  argv: string[];
  /** Write the command's standard output to this file (helm show values/chart). */
  stdoutTo?: string;
  /** The standard output the step must print (a moved tag is refused). */
  expect?: string;
  /**
   * Skip the step when this path exists: a directory filled for another commit's pins already has
   * the trees the two share (one directory serves both sides of render --base).
   */
  skipIfExists?: string;
}

function gitSteps(pin: GitSourcePin, dir: string): FillStep[] {
  const dest = `${dir}/${pin.folder}/${pin.ref}`;
  const steps: FillStep[] = [
    {
      what: `${pin.repo} ${pin.ref}`,
      argv: ["git", "clone", "--depth", "1", "--branch", pin.ref, pin.repo, dest],
      skipIfExists: dest,
    },
  ];
  if (pin.repo === kubeflowManifests.repo)
    steps.push({
      what: `${pin.repo} ${pin.ref} is commit ${kubeflowManifests.commit}`,
      argv: ["git", "-C", dest, "rev-parse", "HEAD"],
      expect: kubeflowManifests.commit,
    });
  return steps;
}

function chartSteps(pin: HelmChartPin, dir: string): FillStep[] {
  const dest = `${dir}/charts/${pin.chart}/${pin.version}`;
  const oci = pin.repo.startsWith("oci://");
  const ref = oci ? [`${pin.repo}/${pin.chart}`] : [pin.chart, "--repo", pin.repo];
  return [
    {
      what: `chart ${pin.chart} ${pin.version}`,
      argv: ["helm", "pull", ...ref, "--version", pin.version, "-d", dest],
    },
    {
      what: `values of ${pin.chart}`,
      argv: ["helm", "show", "values", ...ref, "--version", pin.version],
      stdoutTo: `${dest}/values.yaml`,
    },
    {
      what: `metadata of ${pin.chart}`,
      argv: ["helm", "show", "chart", ...ref, "--version", pin.version],
      stdoutTo: `${dest}/Chart.yaml`,
    },
  ];
}

/** Every step that fills `dir` for the given charts (unique by chart and version). Pure. */
export function fillSteps(
  charts: HelmChartPin[],
  dir: string,
  pins: GitSourcePin[] = gitSources,
): FillStep[] {
  const unique = [...new Map(charts.map((c) => [`${c.chart}@${c.version}`, c])).values()];
  return [...pins.flatMap((p) => gitSteps(p, dir)), ...unique.flatMap((c) => chartSteps(c, dir))];
}
