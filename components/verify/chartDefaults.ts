// values.yaml and values.schema.json of a pinned chart, from the sources directory in force.
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { activeSourcesDir } from "../upstream/run";
import { chartFolder } from "../upstream/resolve";
import { ChartDefaults } from "./types";

export function chartDefaults(chart: string, version: string): ChartDefaults | undefined {
  const root = activeSourcesDir();
  const dir = root ? chartFolder({ chart, version, repo: "", images: [] }, root) : undefined;
  if (!dir || !fs.existsSync(path.join(dir, "values.yaml"))) return undefined;
  const schemaFile = path.join(dir, "values.schema.json");
  const chartFile = ["Chart.yaml", "Chart.template.yaml"]
    .map((f) => path.join(dir, f))
    .find((f) => fs.existsSync(f));
  const meta = (chartFile ? parse(fs.readFileSync(chartFile, "utf8")) : {}) as {
    dependencies?: { name: string; alias?: string }[];
  };
  return {
    subcharts: (meta.dependencies ?? []).map((d) => d.alias ?? d.name),
    values: (parse(fs.readFileSync(path.join(dir, "values.yaml"), "utf8")) ?? {}) as Record<
      string,
      unknown
    >,
    schema: fs.existsSync(schemaFile) ? JSON.parse(fs.readFileSync(schemaFile, "utf8")) : undefined,
  };
}
