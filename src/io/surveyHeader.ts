import type { InputProblem } from "../errors.js";
import { shown } from "../errors.js";
import { closestMatch } from "./closestMatch.js";
import { type ComponentMatcher, normalizeLabel } from "./componentMatcher.js";

/** The two survey file layouts (docs/methods.md §1.3). */
export type SurveyLayout = "long" | "blocks";

/** The role a header column plays. */
export type SurveyColumnRole = "expert" | "from" | "to" | "value" | "weight" | "group";

/** A survey header, classified. Column indexes are 0-based; `-1` = absent. */
export interface SurveyHeader {
  layout: SurveyLayout;
  /** Header cells as written (trailing empty cells dropped). */
  names: string[];
  expert: number;
  from: number;
  to: number;
  value: number;
  weight: number;
  /** The expert's group (optional column, docs/methods.md §12.1; `-1` or absent = none). */
  group?: number;
  /** Blocks layout: the column of each model component (`-1` when missing). */
  componentColumn: number[];
}

/**
 * Accepted header names per role, canonical name first; compared after
 * `normalizeLabel` (trimmed, case-insensitive, invisible marks and tatweel
 * removed, Arabic yeh/kaf read as Persian), like component labels. The Persian names
 * (کارشناس or خبره expert, از from, به to, مقدار or امتیاز value, وزن weight)
 * serve surveys prepared in Persian, like the paper's.
 */
export const SURVEY_COLUMN_NAMES: Readonly<Record<SurveyColumnRole, readonly string[]>> = {
  expert: ["expert", "rater", "respondent", "participant", "expert id", "expert_id", "کارشناس", "خبره"],
  from: ["from", "source", "از"],
  to: ["to", "target", "به"],
  value: ["value", "rating", "score", "مقدار", "امتیاز"],
  weight: ["weight", "expert weight", "expert_weight", "وزن"],
  group: ["group", "expert group", "expert_group", "گروه"],
};

const ROLES = Object.keys(SURVEY_COLUMN_NAMES) as SurveyColumnRole[];
/** The canonical role names, the only names suggested for a misspelt column. */
const CANONICAL_NAMES = ROLES.map((r) => SURVEY_COLUMN_NAMES[r][0]);

/**
 * Classify a survey's header row (docs/methods.md §1.3): **long** = `expert,from,to,value[,weight]`;
 * **matrix blocks** = `expert,from,<one column per component>[,weight]`. Header
 * names are trimmed and compared case-insensitively; the synonyms in
 * {@link SURVEY_COLUMN_NAMES} are accepted, but a canonical role name
 * (`expert`, `from`, `to`, `value`, `weight`) wins over a component of that
 * name, and a component wins over a synonym; two columns for one role are an
 * error. Every header problem is pushed to `problems` (unknown or duplicate
 * component columns, missing component columns, empty or unexpected names);
 * `undefined` is returned when the header fits neither layout, after pushing a
 * problem that lists what each layout expects.
 * @param ids the model's component ids, for messages.
 * @example
 * const problems: InputProblem[] = [];
 * classifySurveyHeader(["Rater", "from", "to", "score"], 1, componentMatcher(model), ["A", "B"], problems)?.layout; // "long"
 */
export function classifySurveyHeader(
  cells: readonly string[],
  line: number,
  matcher: ComponentMatcher,
  ids: readonly string[],
  problems: InputProblem[],
  file?: string,
): SurveyHeader | undefined {
  const names = [...cells];
  while (names.length > 0 && names[names.length - 1] === "") names.pop();
  const columns = headerColumns(names, line, matcher, ids, file);
  const layout = headerLayout(columns);
  if (layout === undefined) {
    problems.push(...misfitProblems(names, columns, line, ids, file));
    return undefined;
  }
  problems.push(...columns.problems, ...layoutProblems(layout, names, columns, line, matcher, ids, file));
  return { layout, names, componentColumn: columns.componentColumn, ...columns.role };
}

/** What each header column is: a role, a model component, or unknown; with the problems of single columns (no name, a role twice, a component twice, a shared name). */
interface HeaderColumns {
  role: Record<SurveyColumnRole, number>;
  componentColumn: number[];
  unknown: number[];
  /** Reported only when the header fits a layout. */
  problems: InputProblem[];
}

/** Assign each header column a role or a component (canonical role names first, then components, then synonyms). */
function headerColumns(names: readonly string[], line: number, matcher: ComponentMatcher, ids: readonly string[], file: string | undefined): HeaderColumns {
  const role: Record<SurveyColumnRole, number> = { expert: -1, from: -1, to: -1, value: -1, weight: -1, group: -1 };
  const componentColumn = ids.map(() => -1);
  const unknown: number[] = [];
  const local: InputProblem[] = [];
  const at = (col: number, message: string, expected?: string, found?: string): void => {
    local.push({ file, row: line, column: names[col] === "" ? `#${col + 1}` : names[col], message, expected, found });
  };
  const setRole = (r: SurveyColumnRole, col: number): void => {
    if (role[r] >= 0)
      at(
        col,
        `two columns could be the ${r} column: "${names[role[r]]}" (column ${role[r] + 1}) and "${names[col]}" (column ${col + 1})`,
        `one ${r} column`,
        shown(names[col]),
      );
    else role[r] = col;
  };
  names.forEach((raw, col) => {
    const key = normalizeLabel(raw);
    if (key === "") return at(col, `column ${col + 1} has no name`, "a column name", '""');
    const canonical = ROLES.find((r) => SURVEY_COLUMN_NAMES[r][0] === key);
    if (canonical) return setRole(canonical, col);
    const c = matcher.match(raw);
    if (c === -2) return at(col, "this name belongs to more than one component; use the component id", `one of ${ids.join(", ")}`, shown(raw));
    if (c >= 0) {
      if (componentColumn[c] >= 0)
        at(
          col,
          `duplicate column for component ${ids[c]} (also column ${componentColumn[c] + 1}, "${names[componentColumn[c]]}")`,
          "one column per component",
          shown(raw),
        );
      else componentColumn[c] = col;
      return;
    }
    const synonym = ROLES.find((r) => SURVEY_COLUMN_NAMES[r].includes(key));
    if (synonym) return setRole(synonym, col);
    unknown.push(col);
  });
  return { role, componentColumn, unknown, problems: local };
}

/** The layout the columns fit: long (expert, from, to, value, no component column) or blocks (expert, from, no to/value, some other column); undefined for neither. */
function headerLayout({ role, componentColumn, unknown }: HeaderColumns): SurveyLayout | undefined {
  const components = componentColumn.filter((c) => c >= 0).length;
  const longish = role.to >= 0 || role.value >= 0;
  if (role.expert >= 0 && role.from >= 0 && role.to >= 0 && role.value >= 0 && components === 0) return "long";
  if (role.expert >= 0 && role.from >= 0 && !longish && (components > 0 || unknown.length > 0)) return "blocks";
  return undefined;
}

/** Why a header fits neither layout (what each expects), and the closest role name for each unknown column that is near one. */
function misfitProblems(
  names: readonly string[],
  { role, componentColumn, unknown }: HeaderColumns,
  line: number,
  ids: readonly string[],
  file: string | undefined,
): InputProblem[] {
  const components = componentColumn.filter((c) => c >= 0).length;
  const longish = role.to >= 0 || role.value >= 0;
  const expectedLong = "long layout: expert,from,to,value[,weight]";
  const expectedBlocks = `matrix blocks: expert,from,${ids.join(",")}[,weight]`;
  const missing = ROLES.filter((r) => r !== "weight" && r !== "group" && role[r] < 0);
  let why = "the header fits neither survey layout";
  if (components > 0 && longish) why += " (it has both to/value columns and component columns)";
  else if (role.expert >= 0 && role.from >= 0 && longish)
    why += ` (long layout, but no ${missing.filter((r) => r === "to" || r === "value").join(" or ")} column)`;
  else if (missing.includes("expert") || missing.includes("from")) why += ` (no ${missing.filter((r) => r === "expert" || r === "from").join(" or ")} column)`;
  const first = (names[0] ?? "").trimStart();
  if (first.startsWith("{") || first.startsWith("[")) why += "; this looks like a JSON file: a model file is given with --model, the survey is a CSV file";
  else if (/^<(!doctype|html|\?xml)/i.test(first)) why += "; this looks like an HTML or XML file, not a CSV survey";
  const problems: InputProblem[] = [{ file, row: line, message: why, expected: `${expectedLong}; or ${expectedBlocks}`, found: shown(names.join(","), 120) }];
  for (const col of unknown) {
    const guess = closestMatch(names[col], CANONICAL_NAMES);
    if (guess)
      problems.push({
        file,
        row: line,
        column: names[col],
        message: `unexpected column; did you mean "${guess}"?`,
        expected: "a column of one of the two layouts",
        found: shown(names[col]),
      });
  }
  return problems;
}

/** The problems of a header that fits `layout`: unexpected columns in a long survey; unknown and missing component columns in a blocks survey. */
function layoutProblems(
  layout: SurveyLayout,
  names: readonly string[],
  { componentColumn, unknown }: HeaderColumns,
  line: number,
  matcher: ComponentMatcher,
  ids: readonly string[],
  file: string | undefined,
): InputProblem[] {
  const problems: InputProblem[] = [];
  if (layout === "long") {
    for (const col of unknown) {
      const guess = closestMatch(names[col], CANONICAL_NAMES);
      problems.push({
        file,
        row: line,
        column: names[col],
        message: `unexpected column in a long-layout survey${guess ? `; did you mean "${guess}"?` : ""}`,
        expected: "expert, from, to, value and optionally weight",
        found: shown(names[col]),
      });
    }
  } else {
    for (const col of unknown) {
      const hint = matcher.suggest(names[col]);
      problems.push({
        file,
        row: line,
        column: names[col],
        message: `unknown component${hint ? `; ${hint}` : ""}`,
        expected: `a component id or name: ${ids.join(", ")}`,
        found: shown(names[col]),
      });
    }
    const missing = ids.filter((_, i) => componentColumn[i] < 0);
    if (missing.length > 0) {
      problems.push({
        file,
        row: line,
        message: `the header has no column for component${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
        expected: `one column per model component: ${ids.join(", ")}`,
        found: shown(names.join(","), 120),
      });
    }
  }
  return problems;
}
