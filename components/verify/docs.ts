// docs/verify.md's table of checks, written from the registry by `scripts/schema.ts` (with the
// other generated references): one row per registered check, from its own name, description and
// blind spots, so a new check cannot ship without its row. Only the table between the markers is
// generated; the page around it is written by hand.
import { CHECKS } from "./index";
import { Check } from "./types";

export const VERIFY_DOCS_FILE = "docs/verify.md";

const BEGIN =
  "<!-- checks: generated from components/verify/index.ts by scripts/schema.ts; edit the checks' descriptions, not this table -->";
const END = "<!-- end of generated checks -->";

const cell = (text: string | undefined) => (text ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The Markdown table of the checks, in the registry's order. Pure. */
export function checksTable(checks: readonly Check[] = CHECKS): string {
  return [
    "| check | what it guarantees | what it cannot see |",
    "|---|---|---|",
    ...checks.map((c) => `| ${c.name} | ${cell(c.description)} | ${cell(c.cannotSee)} |`),
  ].join("\n");
}

/** The page with its generated table replaced by the current one. Pure; throws without markers. */
export function verifyMarkdown(page: string, checks: readonly Check[] = CHECKS): string {
  const start = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(
      `${VERIFY_DOCS_FILE}: the markers of the generated table are missing:\n${BEGIN}\n${END}`,
    );
  return `${page.slice(0, start)}${BEGIN}\n${checksTable(checks)}\n${page.slice(end)}`;
}
