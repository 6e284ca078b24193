import type { Model } from "../types.js";
import { type ComponentMatcher, normalizeLabel } from "./componentMatcher.js";
import { componentInText } from "./componentInText.js";
import type { CsvRow } from "./csvRows.js";
import type { SurveyMapping } from "./surveyMapping.js";
import { SURVEY_COLUMN_NAMES } from "./surveyHeader.js";

/** The survey tools whose export headers are recognised (docs/methods.md §1.8); `mapping` = read through a mapping file. */
export type SurveyTool = "google-forms" | "limesurvey" | "qualtrics" | "surveymonkey" | "mapping";

/** One end of an export column's ordered pair: the text that names it and the component it names (−1 none, −2 several). */
export interface PairEnd {
  label: string;
  index: number;
}

/** A column of an export that holds one ordered pair's ratings. */
export interface RatingColumn {
  /** 0-based column. */
  col: number;
  from: PairEnd;
  to: PairEnd;
}

/** How an export's columns carry the survey: header rows, ratings, the respondent label, weight and group columns. */
export interface SurveyExportLayout {
  tool: SurveyTool;
  /** Rows of headers before the first respondent (1; SurveyMonkey 2; Qualtrics 3). */
  headerRows: number;
  /** Each column's header as messages name it. */
  names: string[];
  ratings: RatingColumn[];
  /** The respondent-label column (−1: respondents are labelled R1, R2, … in file order). */
  expert: number;
  /** The weight column (−1: none). */
  weight: number;
  /** The group column (−1: none; docs/methods.md §1.8). */
  group: number;
  /** Header columns a mapping file names that the export does not have, as [field, header]. */
  missing: Array<[string, string]>;
}

/** Options of {@link surveyExportLayout}. */
export interface ExportLayoutOptions {
  mapping?: SurveyMapping;
  /** The header of the weight column (overrides the mapping's). */
  weightColumn?: string;
  /** The header of the group column (overrides the mapping's). */
  groupColumn?: string;
}

/** A grid item header, `Question text [Row label]` (Google Forms; LimeSurvey full-text headings). */
const GRID = /^([\s\S]*\S)\s*\[([^[\]]+)\]\s*$/u;
/** A LimeSurvey code heading, `Q1[SQ001]`, optionally followed by the question text (`Q1[SQ001]. Text [Row]`). */
const LIME = /^([A-Za-z][A-Za-z0-9_]*)\[([A-Za-z0-9_]+)\](?:\s*[.:]?\s+([\s\S]*))?$/u;
/** Qualtrics' third header row, `{"ImportId":"QID1_2"}`. */
const IMPORT_ID = /^\{\s*"ImportId"\s*:/;

/**
 * Respondent-label column names, most specific first (the first tier with a column decides): the CSV layouts' expert
 * names and an expert code, then Qualtrics' ResponseId and SurveyMonkey's Respondent ID, then LimeSurvey's id.
 */
const EXPERT_HEADERS: ReadonlyArray<Set<string>> = [
  [...SURVEY_COLUMN_NAMES.expert, "expert code", "کد خبره", "کد کارشناس"],
  ["respondent id", "response id", "responseid"],
  ["id"],
].map((names) => new Set(names.map(normalizeLabel)));
const WEIGHT_HEADERS = [new Set(SURVEY_COLUMN_NAMES.weight.map(normalizeLabel))];
const GROUP_HEADERS = [new Set(SURVEY_COLUMN_NAMES.group.map(normalizeLabel))];

/**
 * Recognise a survey-tool export from its header rows (docs/methods.md §1.8): one row per
 * respondent, one column per ordered pair. Without a mapping, the tool is told by its headers:
 * **Qualtrics** by a third header row of `{"ImportId": …}` cells (row 2 holds `Question - Row`);
 * **SurveyMonkey** by a first row with "Respondent ID" over an empty cell in a second header row
 * that holds each matrix row's label (the question, in row 1, spans its columns); otherwise one
 * header row, **LimeSurvey** when a header is a code `Q1[SQ001]` (with or without the text after
 * it), else **Google Forms**, whose grid columns read `Question text [Row label]`. A column is a
 * rating column when its question names a component ({@link componentInText}): the question names
 * the `from` component, the row label the `to` component. With a mapping file's `columns` or
 * `pattern` only those define the rating columns. The respondent label and weight columns are
 * found by name (or the mapping's `expert`, `weight` and `group`); every other column (timestamp, e-mail,
 * consent, IP address, duration, …) is ignored.
 * @returns the layout, or undefined when no column is a rating column and no mapping was given (not an export).
 * @example
 * surveyExportLayout([{ line: 1, cells: ["Timestamp", "Effect of LEAD [CUL]"] }], model, componentMatcher(model))?.tool; // "google-forms"
 */
export function surveyExportLayout(
  rows: readonly CsvRow[],
  model: Model,
  matcher: ComponentMatcher,
  options: ExportLayoutOptions = {},
): SurveyExportLayout | undefined {
  if (rows.length === 0) return undefined;
  const mapping = options.mapping;
  const { tool, headerRows, names, texts } = headerTexts(rows);
  const byMapping = mapping !== undefined && (mapping.columns !== undefined || mapping.pattern !== undefined);
  const pattern = mapping?.pattern !== undefined ? new RegExp(mapping.pattern, "u") : undefined;
  const end = (label: string): PairEnd => ({ label, index: componentInText(label, model, matcher) });
  const ratings: RatingColumn[] = [];
  names.forEach((_, col) => {
    if (byMapping) {
      for (const text of texts[col]) {
        const pair = mapping.columns?.[text];
        const groups = pair ? undefined : pattern?.exec(text)?.groups;
        const from = pair?.from ?? groups?.from;
        const to = pair?.to ?? groups?.to;
        if (from !== undefined && to !== undefined) return ratings.push({ col, from: end(from.trim()), to: end(to.trim()) });
      }
      return;
    }
    for (const text of texts[col]) {
      const pair = builtInPair(text, tool, end);
      if (pair) return ratings.push({ col, ...pair });
    }
  });
  if (ratings.length === 0 && mapping === undefined) return undefined;
  const missing: Array<[string, string]> = [];
  const named = (field: string, header: string | undefined, tiers: ReadonlyArray<Set<string>>): number => {
    if (header !== undefined) {
      const at = names.findIndex((n, c) => texts[c].includes(header) || normalizeLabel(n) === normalizeLabel(header));
      if (at < 0) missing.push([field, header]);
      return at;
    }
    for (const tier of tiers) {
      const at = names.findIndex((n) => tier.has(normalizeLabel(n)) || n.split(/\s+[·/|]\s+/).some((p) => tier.has(normalizeLabel(p))));
      if (at >= 0) return at;
    }
    return -1;
  };
  const rated = new Set(ratings.map((r) => r.col));
  const expert = named("expert", mapping?.expert, EXPERT_HEADERS);
  const weight = named("weight", options.weightColumn ?? mapping?.weight, WEIGHT_HEADERS);
  const group = named("group", options.groupColumn ?? mapping?.group, GROUP_HEADERS);
  return {
    tool: byMapping ? "mapping" : tool,
    headerRows,
    names,
    ratings,
    expert: rated.has(expert) ? -1 : expert,
    weight: rated.has(weight) ? -1 : weight,
    group: rated.has(group) ? -1 : group,
    missing,
  };
}

/** The export's tool as its header rows tell it, how many header rows it has, and each column's name and header texts (row 1 first). */
function headerTexts(rows: readonly CsvRow[]): { tool: SurveyTool; headerRows: number; names: string[]; texts: string[][] } {
  const first = rows[0].cells;
  if (rows.length >= 3 && rows[2].cells.some((c) => IMPORT_ID.test(c))) {
    const second = rows[1].cells;
    return { tool: "qualtrics", headerRows: 3, names: [...first], texts: first.map((c, k) => [c, second[k] ?? ""].filter((t) => t !== "")) };
  }
  if (rows.length >= 2 && normalizeLabel(first[0] ?? "") === "respondent id" && (rows[1].cells[0] ?? "") === "") {
    const second = rows[1].cells;
    let question = "";
    const names: string[] = [];
    const texts: string[][] = [];
    first.forEach((c, k) => {
      if (c !== "") question = c;
      const sub = second[k] ?? "";
      const combined = sub === "" || normalizeLabel(sub) === "response" ? question || c : `${question} [${sub}]`;
      names.push(c !== "" && (sub === "" || normalizeLabel(sub) === "response") ? c : combined);
      texts.push([...new Set([combined, sub, c].filter((t) => t !== ""))]);
    });
    return { tool: "surveymonkey", headerRows: 2, names, texts };
  }
  const tool: SurveyTool = first.some((c) => LIME.test(c)) ? "limesurvey" : "google-forms";
  return { tool, headerRows: 1, names: [...first], texts: first.map((c) => [c]) };
}

/** The ordered pair a recognised header names: `Question [Row]`, a LimeSurvey code, a Qualtrics `Question - Row`; undefined when its question names no component. */
function builtInPair(text: string, tool: SurveyTool, end: (label: string) => PairEnd): { from: PairEnd; to: PairEnd } | undefined {
  if (text === undefined || text === "") return undefined;
  const lime = LIME.exec(text);
  if (lime) {
    if (lime[3] !== undefined && GRID.test(lime[3])) return builtInPair(lime[3], "google-forms", end);
    const from = end(lime[1]);
    return from.index === -1 ? undefined : { from, to: end(lime[2]) };
  }
  const grid = GRID.exec(text);
  if (grid) {
    const from = end(grid[1].trim());
    return from.index === -1 ? undefined : { from, to: end(grid[2].trim()) };
  }
  if (tool === "qualtrics") {
    const pieces = text.split(/\s+-\s+/);
    if (pieces.length < 2) return undefined;
    const from = end(pieces.slice(0, -1).join(" - "));
    return from.index === -1 ? undefined : { from, to: end(pieces[pieces.length - 1].trim()) };
  }
  return undefined;
}
