import type { SurveyLayout } from "./surveyHeader.js";
import { surveyCsvCell } from "./surveyCsvCell.js";

/** One expert to write with {@link surveyCsvText}. */
export interface SurveyCsvExpert {
  /** The expert's label (guarded and quoted by {@link surveyCsvCell} here). */
  label: string;
  /** The weight cell as written (`""` for a blank one); unused without a weight column. */
  weight: string;
  /** The cell text of rating i → j (i ≠ j), already formatted. */
  rating(i: number, j: number): string;
  /** The expert's group (docs/methods.md §12.1); a `group` column is written when any expert has one. */
  group?: string;
}

/**
 * The text of a survey CSV in either layout (docs/methods.md §1.3): **blocks**
 * `expert,from,<ids>[,weight][,group]`, one row per expert and from component with an
 * empty diagonal cell; **long** `expert,from,to,value[,weight][,group]`, one row per
 * expert and ordered pair of different components. The `group` column is there
 * when any expert has a group. Labels and ids go through
 * {@link surveyCsvCell}; lines end in CRLF (RFC 4180). Internal: the one
 * layout writer behind `surveyTemplate` (blank ratings) and `surveyToCsv`
 * (the ratings), so the two always write the same layout.
 * @example
 * surveyCsvText(["A", "B"], [{ label: "E1", weight: "", rating: () => "" }], "long", false);
 * // "expert,from,to,value\r\nE1,A,B,\r\nE1,B,A,\r\n"
 */
export function surveyCsvText(ids: readonly string[], experts: readonly SurveyCsvExpert[], layout: SurveyLayout, weightColumn: boolean): string {
  const n = ids.length;
  const idCells = ids.map(surveyCsvCell);
  const lines: string[] = [];
  const head = layout === "blocks" ? ["expert", "from", ...idCells] : ["expert", "from", "to", "value"];
  const groupColumn = experts.some((e) => e.group !== undefined);
  lines.push([...head, ...(weightColumn ? ["weight"] : []), ...(groupColumn ? ["group"] : [])].join(","));
  for (const e of experts) {
    const label = surveyCsvCell(e.label);
    const w = [...(weightColumn ? [e.weight] : []), ...(groupColumn ? [surveyCsvCell(e.group ?? "")] : [])];
    for (let i = 0; i < n; i++) {
      if (layout === "blocks") lines.push([label, idCells[i], ...idCells.map((_, j) => (i === j ? "" : e.rating(i, j))), ...w].join(","));
      else for (let j = 0; j < n; j++) if (i !== j) lines.push([label, idCells[i], idCells[j], e.rating(i, j), ...w].join(","));
    }
  }
  return lines.join("\r\n") + "\r\n";
}
