import type { InputWarning } from "../types.js";
import type { ComponentResolver } from "./componentResolver.js";
import { BLANK, RATED, scaleText, type ExpertState } from "./expertRatings.js";
import type { ProblemLog } from "./problemLog.js";
import type { SurveyHeader } from "./surveyHeader.js";

/** What the checks after the last row of a survey read. */
export interface SurveyCheckContext {
  /** The model's component ids, in model order. */
  ids: readonly string[];
  scale: { min: number; max: number };
  header: SurveyHeader;
  log: ProblemLog;
  warnings: InputWarning[];
}

/** A list of cells for a message, at most `max` shown. */
function cellList(cells: string[], max = 12): string {
  return cells.length <= max ? cells.join(", ") : `${cells.slice(0, max).join(", ")} and ${cells.length - max} more`;
}

/**
 * Log one problem when the survey never names some of the model's components,
 * listing them and the survey's labels that are not in the model.
 */
export function checkComponentsRated(resolver: ComponentResolver, { ids, log }: SurveyCheckContext): void {
  const never = ids.filter((_, c) => !resolver.mentioned[c]);
  if (never.length === 0) return;
  const extra = resolver.unknownLabels();
  log.add({
    file: log.file,
    message: "the survey's components do not match the model",
    expected: `the model's ${ids.length} components: ${ids.join(", ")}`,
    found: `never rated: ${never.join(", ")}` + (extra.length ? `; not in the model: ${extra.join(", ")}` : ""),
  });
}

/**
 * Missing ratings (docs/methods.md §1.4): every expert must rate every ordered pair of
 * different components, apart from components the survey never names (already
 * reported) and, in the blocks layout, components without a column (ditto).
 * With `impute` "none" each expert's missing cells are one problem, located at
 * the first blank cell (else the expert's first row); with "mean" each is
 * filled with the plain mean of the other experts' ratings of that cell,
 * marked imputed (line −1) and listed in a warning, and only cells no other
 * expert rated are a problem.
 */
export function checkMissingRatings(experts: readonly ExpertState[], mentioned: Uint8Array, impute: "none" | "mean", context: SurveyCheckContext): void {
  const { ids, scale, header, log, warnings } = context;
  const file = log.file;
  const n = ids.length;
  const skipTo = new Uint8Array(n);
  const skipFrom = new Uint8Array(n);
  ids.forEach((_, c) => {
    if (!mentioned[c]) skipTo[c] = skipFrom[c] = 1;
    if (header.layout === "blocks" && header.componentColumn[c] < 0) skipTo[c] = 1;
  });
  for (const e of experts) {
    const missing: number[] = [];
    for (let i = 0; i < n; i++) {
      if (skipFrom[i]) continue;
      for (let j = 0; j < n; j++) if (i !== j && !skipTo[j] && e.state[i * n + j] <= BLANK) missing.push(i * n + j);
    }
    if (missing.length === 0) continue;
    const names = missing.map((m) => `${ids[Math.floor(m / n)]}→${ids[m % n]}`);
    const firstBlank = missing.find((m) => e.state[m] === BLANK);
    const where = firstBlank !== undefined ? { row: e.line[firstBlank], column: e.blankColumn.get(firstBlank) } : { row: e.firstLine };
    const expected = `${scaleText(scale)} for every ordered pair of different components (${n * (n - 1)} per expert)`;
    const found = `${missing.length} missing` + (firstBlank !== undefined ? ` (${missing.filter((m) => e.state[m] === BLANK).length} left blank)` : "");
    if (impute === "none") {
      log.add({ file, ...where, message: `expert ${e.label} has no rating for ${cellList(names)}`, expected, found });
      continue;
    }
    const { imputed, impossible } = imputeMean(e, missing, names, experts);
    if (impossible.length)
      log.add({
        file,
        ...where,
        message: `expert ${e.label} has no rating for ${cellList(impossible)}, and no other expert rated ${impossible.length > 1 ? "these cells" : "this cell"}, so the mean cannot be imputed`,
        expected,
        found: `${impossible.length} missing`,
      });
    if (imputed.length)
      warnings.push({
        file,
        ...where,
        message: `expert ${e.label}: ${imputed.length} missing rating${imputed.length > 1 ? "s" : ""} imputed with the mean of the other experts: ${cellList(imputed)}`,
      });
  }
}

/** Fill expert e's `missing` cells (named `names`) with the other experts' mean; the filled ones as "A→B = 2.5" and the cells no one else rated. */
function imputeMean(
  e: ExpertState,
  missing: readonly number[],
  names: readonly string[],
  experts: readonly ExpertState[],
): { imputed: string[]; impossible: string[] } {
  const imputed: string[] = [];
  const impossible: string[] = [];
  missing.forEach((m, k) => {
    let sum = 0,
      count = 0;
    for (const o of experts)
      if (o !== e && o.state[m] === RATED) {
        sum += o.value[m];
        count++;
      }
    if (count === 0) impossible.push(names[k]);
    else {
      e.value[m] = sum / count;
      e.state[m] = RATED;
      e.line[m] = -1; // imputed marker
      imputed.push(`${names[k]} = ${Number((sum / count).toFixed(4))}`);
    }
  });
  return { imputed, impossible };
}

/**
 * Plausibility warnings (docs/methods.md §1.6), not errors (the data may be genuine): an expert who
 * put the bottom of the scale everywhere (a template filled with zeros?), and
 * an expert whose ratings repeat an earlier expert's exactly (a block pasted
 * under a second label?). Both would silently pull the average and the panel
 * statistics. Nothing to check with one component.
 */
export function warnImplausibleExperts(experts: readonly ExpertState[], { ids, scale, header, log, warnings }: SurveyCheckContext): void {
  const n = ids.length;
  if (n <= 1) return;
  // Experts with the same off-diagonal ratings, found through a hash of them and confirmed cell by cell.
  const byHash = new Map<number, ExpertState[]>();
  for (const e of experts) {
    const where = { file: log.file, row: e.firstLine, column: header.names[header.expert] };
    if (ratesAllAt(e.value, n, scale.min))
      warnings.push({ ...where, message: `expert ${e.label} rated every pair ${scale.min} (no influence anywhere): check that these ratings were entered` });
    const hash = offDiagonalHash(e.value, n);
    const earlier = byHash.get(hash);
    const same = earlier?.find((o) => sameOffDiagonal(o.value, e.value, n));
    if (same)
      warnings.push({
        ...where,
        message: `expert ${e.label} gave exactly the same ${n * (n - 1)} ratings as expert ${same.label} (row ${same.firstLine}): a copied block? Each copy counts as another expert`,
      });
    else if (earlier) earlier.push(e);
    else byHash.set(hash, [e]);
  }
}

/** True when every off-diagonal cell of the row-major n×n `value` is `min`. */
function ratesAllAt(value: Float64Array, n: number, min: number): boolean {
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && value[i * n + j] !== min) return false;
  return true;
}

/** True when the off-diagonal cells of `a` and `b` are equal (===, so 0 and −0 are the same rating, as their text is). */
function sameOffDiagonal(a: Float64Array, b: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && a[i * n + j] !== b[i * n + j]) return false;
  return true;
}

/** One double's bits for {@link offDiagonalHash} (−0 read as 0), reused. */
const hashCell = new Float64Array(1);
const hashBits = new Uint32Array(hashCell.buffer);

/** A 32-bit FNV-1a-style hash of the off-diagonal cells of the row-major n×n `value`; equal cells give equal hashes. */
function offDiagonalHash(value: Float64Array, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (i !== j) {
        hashCell[0] = value[i * n + j] + 0;
        h = Math.imul(h ^ hashBits[0], 0x01000193);
        h = Math.imul(h ^ hashBits[1], 0x01000193);
      }
  return h >>> 0;
}
