import { plotNumber, type PlotlyFigure } from "../plots/plotlyFigure.js";
import { escapeHtml } from "../plots/escapeHtml.js";

/**
 * A number as the HTML reports print it: `d` decimals ({@link plotNumber}), "n/a" for NaN or a missing value,
 * `Infinity` as written.
 * @example
 * reportNumber(0.12345); // "0.123"
 * reportNumber(NaN); // "n/a"
 */
export const reportNumber = (x: number, d = 3): string =>
  Number.isFinite(x) ? plotNumber(x, d) : x === undefined || x === null || Number.isNaN(x) ? "n/a" : String(x);

/** One table cell: its value (a number is printed by {@link reportNumber}, text is escaped) and an optional class. */
export interface HtmlCell {
  v: string | number;
  cls?: string;
}

/**
 * An HTML table of the reports, wrapped for horizontal scrolling: every text cell escaped, numbers right-aligned
 * with three decimals, the columns in `textCols` left-aligned (default the first), an optional caption.
 * @example
 * htmlTable(["id", "D−R"], [["LEAD", 0.41]]); // '<div class="table-wrap"><table>…<td class="text">LEAD</td><td>0.410</td>…'
 */
export function htmlTable(
  head: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | HtmlCell>>,
  textCols: readonly number[] = [0],
  caption?: string,
): string {
  const cell = (c: string | number | HtmlCell, k: number, tag: "td" | "th"): string => {
    const o: HtmlCell = typeof c === "object" ? c : { v: c };
    const cls = [textCols.includes(k) ? "text" : "", o.cls ?? ""].filter(Boolean).join(" ");
    return `<${tag}${cls ? ` class="${cls}"` : ""}>${typeof o.v === "number" ? reportNumber(o.v) : escapeHtml(o.v)}</${tag}>`;
  };
  return (
    `<div class="table-wrap"><table>${caption ? `<caption class="small">${escapeHtml(caption)}</caption>` : ""}` +
    `<thead><tr>${head.map((h, k) => cell(h, k, "th")).join("")}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c, k) => cell(c, k, "td")).join("")}</tr>`).join("")}</tbody></table></div>`
  );
}

/** Adds a figure to the page and returns the element it is drawn into. */
export type PlaceFigure = (figure: PlotlyFigure, alt: string) => string;

/**
 * The figures of one report page and the function that places one: each figure gets the id `fig1`, `fig2`, … in
 * page order and a `<div class="plot">` with its alt text (escaped) for screen readers and for pages without JavaScript.
 * @example
 * const { figures, plot } = figurePlacer();
 * const html = plot(figure, "Causal diagram"); // '<div class="plot" id="fig1" …'
 */
export function figurePlacer(): { figures: Array<{ id: string; figure: PlotlyFigure }>; plot: PlaceFigure } {
  const figures: Array<{ id: string; figure: PlotlyFigure }> = [];
  const plot: PlaceFigure = (figure, alt) => {
    const id = `fig${figures.length + 1}`;
    figures.push({ id, figure });
    return `<div class="plot" id="${id}" role="img" aria-label="${escapeHtml(alt)}"><noscript>${escapeHtml(alt)} (needs JavaScript)</noscript></div>`;
  };
  return { figures, plot };
}
