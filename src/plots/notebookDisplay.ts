// HTML for showing figures and tables in a notebook (tslab's display.html, Jupyter, nbconvert HTML).
import { escapeHtml } from "./escapeHtml.js";
import { inlineScript, scriptJson } from "./inlineScript.js";

/**
 * A figure the notebook helpers can draw: Plotly traces and an optional
 * layout. Every {@link PlotlyFigure} returned by the `*Plot` builders fits,
 * and so does a hand-written `{ data: [...], layout: {...} }` literal.
 */
export interface NotebookFigure {
  data: readonly unknown[];
  layout?: Readonly<Record<string, unknown>>;
}

/** Options of {@link plotlyHtml}. */
export interface PlotlyHtmlOptions {
  /** The chart div's id: a letter, then letters, digits, `-` or `_`. Must be unique in the page. */
  id: string;
  /** The text of `plotly.min.js`. When given, the library is inlined before the chart (do this once per page). */
  plotlyJs?: string;
  /** Height of the chart div in pixels; default `figure.layout.height` when it is a number, else 480. */
  height?: number;
}

/** Default chart height in pixels when neither the options nor the figure's layout give one. */
const DEFAULT_HEIGHT = 480;
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * HTML that draws one Plotly figure in a notebook output: a
 * `<div class="cxm-plot" id>` (the class the notebook runner looks for) and a
 * `<script>` that calls `Plotly.newPlot` on it with the figure embedded as
 * JSON (`scriptJson`: every `<` written as `\u003c`, so a label holding
 * `</script>` cannot end the script). The script waits up to 5 s
 * (100 × 50 ms) for `window.Plotly`, then says in the div that the library is
 * not loaded. When `plotlyJs` is given, the library is inlined first
 * (`inlineScript`) with require.js's `define` hidden while it loads,
 * and restored afterwards: classic Jupyter and nbconvert's HTML load
 * require.js, and a UMD build of Plotly that sees `define.amd` registers as an
 * anonymous AMD module and never sets `window.Plotly` (plotly/plotly.js#379;
 * the `window.define = undefined` workaround is from
 * ginkgobioworks/plotly-plot#2). The pinned plotly.js-dist-min 4.x sets
 * `window.Plotly` itself, so for it the guard is a no-op safeguard.
 * Source: Plotly.js `Plotly.newPlot(graphDiv, data, layout, config)`,
 * https://plotly.com/javascript/plotlyjs-function-reference/;
 * inline-script rules: WHATWG HTML Living Standard §4.12.1.3.
 * @throws {RangeError} when `id` is not a letter followed by letters, digits, `-` or `_`, or `height` is not a positive finite number.
 * @throws {TypeError} when `figure.data` is not an array, or `plotlyJs` is given but empty.
 * @example
 * import * as tslab from "tslab";
 * const plotlyJs = fs.readFileSync("node_modules/plotly.js-dist-min/plotly.min.js", "utf8");
 * tslab.display.html(cx.plotlyHtml(cx.causalDiagram(result, model), { id: "diagram", plotlyJs }));
 * tslab.display.html(cx.plotlyHtml(cx.totalRelationHeatmap(result), { id: "heatmap" })); // library already loaded
 */
export function plotlyHtml(figure: NotebookFigure, options: PlotlyHtmlOptions): string {
  if (figure === null || typeof figure !== "object" || !Array.isArray(figure.data)) throw new TypeError("plotlyHtml needs a figure with a data array");
  const id = options?.id;
  if (typeof id !== "string" || !ID_PATTERN.test(id))
    throw new RangeError(`plotlyHtml: id must be a letter followed by letters, digits, - or _ (found ${JSON.stringify(id)})`);
  const layoutHeight = figure.layout?.height;
  const height = options.height ?? (typeof layoutHeight === "number" && Number.isFinite(layoutHeight) && layoutHeight > 0 ? layoutHeight : DEFAULT_HEIGHT);
  if (typeof height !== "number" || !Number.isFinite(height) || height <= 0)
    throw new RangeError(`plotlyHtml: height must be a positive number of pixels (found ${String(height)})`);
  let html = "";
  if (options.plotlyJs !== undefined) {
    if (typeof options.plotlyJs !== "string" || options.plotlyJs.length === 0) throw new TypeError("plotlyHtml: plotlyJs must be the text of plotly.min.js");
    html +=
      "<script>window.cxmDefine = window.define; window.define = undefined;</script>" +
      `<script>${inlineScript(options.plotlyJs)}</script>` +
      "<script>window.define = window.cxmDefine;</script>";
  }
  const json = scriptJson({ data: figure.data, layout: figure.layout ?? {} });
  html += `<div class="cxm-plot" id="${escapeHtml(id)}" style="width:100%;height:${height}px"></div>
<script>(function draw(tries) {
  var el = document.getElementById(${scriptJson(id)});
  if (window.Plotly) { var f = ${json}; Plotly.newPlot(el, f.data, f.layout, { responsive: true, displaylogo: false }); }
  else if (tries < 100) setTimeout(function () { draw(tries + 1); }, 50);
  else el.textContent = "Plotly is not loaded: run the notebook again from the top.";
})(0);</script>`;
  return html;
}

/** Options of {@link tableHtml}. */
export interface TableHtmlOptions {
  /** Decimals shown for numbers that are not integers (default 3); integers and text are shown as they are. */
  digits?: number;
}

/**
 * A plain HTML `<table>` for a notebook output: one header row, then one row
 * per entry of `rows`. Every cell is converted to text — a number that is not
 * an integer with `toFixed(digits)` (NaN and ±Infinity as `NaN`, `Infinity`),
 * anything else with `String(value)` — and escaped with `escapeHtml`, so
 * component names or expert labels from a user's file cannot inject markup.
 * Rows may have a different number of cells from the header (a short summary
 * row is allowed); nothing is dropped.
 * Source: OWASP XSS Prevention Cheat Sheet, rule 1 (entity-encode element content).
 * @throws {RangeError} when `digits` is not an integer from 0 to 100 (the range of `Number.prototype.toFixed`).
 * @throws {TypeError} when `header` or a row is not an array.
 * @example
 * tslab.display.html(cx.tableHtml(["component", "relation D−R"], [["C1", 0.31234], ["C2", -0.1]], { digits: 2 }));
 * // <table><thead><tr><th>component</th><th>relation D−R</th></tr></thead><tbody><tr><td>C1</td><td>0.31</td></tr>…
 */
export function tableHtml(header: readonly unknown[], rows: readonly (readonly unknown[])[], options: TableHtmlOptions = {}): string {
  const digits = options.digits ?? 3;
  if (!Number.isInteger(digits) || digits < 0 || digits > 100)
    throw new RangeError(`tableHtml: digits must be an integer from 0 to 100 (found ${String(digits)})`);
  if (!Array.isArray(header)) throw new TypeError("tableHtml: header must be an array of column titles");
  if (!Array.isArray(rows)) throw new TypeError("tableHtml: rows must be an array of arrays");
  const cell = (v: unknown): string => escapeHtml(typeof v === "number" && Number.isFinite(v) && !Number.isInteger(v) ? v.toFixed(digits) : String(v));
  const tr = (cells: readonly unknown[], tag: "th" | "td", r: number): string => {
    if (!Array.isArray(cells)) throw new TypeError(`tableHtml: row ${r + 1} is not an array`);
    return `<tr>${cells.map((c) => `<${tag}>${cell(c)}</${tag}>`).join("")}</tr>`;
  };
  return `<table><thead>${tr(header, "th", -1)}</thead><tbody>${rows.map((row, r) => tr(row, "td", r)).join("")}</tbody></table>`;
}

/** Options of {@link createNotebookDisplay}. */
export interface NotebookDisplayOptions {
  /** The text of `plotly.min.js`; inlined with the first chart only. */
  plotlyJs: string;
  /**
   * Prefix of the chart ids (`<prefix>-1`, `<prefix>-2`, …). Default `cxm-plot-` plus the current time in
   * base 36, so that charts of a restarted kernel never reuse the id of a chart still shown in the page.
   */
  idPrefix?: string;
}

/** What {@link createNotebookDisplay} returns. */
export interface NotebookDisplay {
  /** HTML for one chart ({@link plotlyHtml}); the first call also carries the Plotly library. */
  plot(figure: NotebookFigure, options?: { height?: number }): string;
  /** HTML for one table ({@link tableHtml}); `digits` defaults to 3. */
  table(header: readonly unknown[], rows: readonly (readonly unknown[])[], digits?: number): string;
  /** Number of charts produced so far. */
  readonly plots: number;
  /**
   * The library text this display was made with, for other outputs of the same notebook that
   * inline Plotly too (e.g. `writeResultFiles(..., { plotlyJs: nb.plotlyJs })`), so the file is read once.
   */
  readonly plotlyJs: string;
}

/**
 * The display state of one notebook: `plot(figure)` returns the HTML of
 * {@link plotlyHtml} with the Plotly library inlined in the first chart only
 * (inlining it per chart would make a notebook of several charts tens of
 * megabytes) and numbered div ids `<idPrefix>-1`, `-2`, …; `table` is
 * {@link tableHtml}. Output is HTML text; showing it is the notebook's job
 * (tslab's `display.html`), so this library never imports tslab.
 * If the output holding the first chart is cleared, run the notebook from
 * the top again so the library is loaded.
 * @throws {TypeError} when `plotlyJs` is not a non-empty string.
 * @throws {RangeError} when `idPrefix` is not a letter followed by letters, digits, `-` or `_`.
 * @example
 * import * as tslab from "tslab";
 * import * as fs from "fs";
 * const nb = cx.createNotebookDisplay({ plotlyJs: fs.readFileSync("node_modules/plotly.js-dist-min/plotly.min.js", "utf8") });
 * tslab.display.html(nb.plot(cx.causalDiagram(result, model)));   // library + chart
 * tslab.display.html(nb.plot(cx.totalRelationHeatmap(result)));   // chart only
 * tslab.display.html(nb.table(["component", "relation D−R"], result.components.map((c, i) => [c, result.relation[i]])));
 */
export function createNotebookDisplay(options: NotebookDisplayOptions): NotebookDisplay {
  const plotlyJs = options?.plotlyJs;
  if (typeof plotlyJs !== "string" || plotlyJs.length === 0) throw new TypeError("createNotebookDisplay needs the text of plotly.min.js as plotlyJs");
  const prefix = options.idPrefix ?? `cxm-plot-${Date.now().toString(36)}`;
  if (typeof prefix !== "string" || !ID_PATTERN.test(prefix))
    throw new RangeError(`createNotebookDisplay: idPrefix must be a letter followed by letters, digits, - or _ (found ${JSON.stringify(prefix)})`);
  let count = 0;
  return {
    plot(figure: NotebookFigure, plotOptions: { height?: number } = {}): string {
      const html = plotlyHtml(figure, { id: `${prefix}-${count + 1}`, plotlyJs: count === 0 ? plotlyJs : undefined, height: plotOptions.height });
      count += 1;
      return html;
    },
    table(header: readonly unknown[], rows: readonly (readonly unknown[])[], digits = 3): string {
      return tableHtml(header, rows, { digits: digits });
    },
    get plots(): number {
      return count;
    },
    plotlyJs,
  };
}
