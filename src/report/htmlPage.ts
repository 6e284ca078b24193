import type { PlotlyFigure } from "../plots/plotlyFigure.js";
import { escapeHtml } from "../plots/escapeHtml.js";
import { inlineScript, scriptJson } from "../plots/inlineScript.js";
import { TOOL } from "../tool.js";

/** The report style sheet: system fonts, readable responsive tables, print rules. */
export const REPORT_CSS = `
:root { --fg: #1d2430; --muted: #5b6472; --line: #d9dee5; --bg-alt: #f5f7fa; --accent: #0072B2; --warn-bg: #fff4d6; --warn-line: #e0a800; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Vazirmatn", sans-serif; color: var(--fg); line-height: 1.55; font-size: 16px; background: #fff; }
main { max-width: 1080px; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
p, li { max-width: 75ch; }
.meta { color: var(--muted); font-size: 0.92rem; margin: 0 0 1rem; }
.banner { background: #b00020; color: #fff; font-weight: 700; letter-spacing: 0.04em; padding: 0.7rem 1rem; border-radius: 6px; margin: 1rem 0; text-align: center; }
.banner small { display: block; font-weight: 400; letter-spacing: 0; }
.notice { background: var(--warn-bg); border-left: 4px solid var(--warn-line); padding: 0.6rem 0.9rem; margin: 1rem 0; border-radius: 4px; }
.verdict { font-size: 1.08rem; background: var(--bg-alt); border-left: 4px solid var(--accent); padding: 0.8rem 1rem; border-radius: 4px; }
.reading li { margin: 0.35rem 0; }
.plot { width: 100%; min-height: 420px; margin: 0.5rem 0 1rem; page-break-inside: avoid; break-inside: avoid; }
.figure-row { display: flex; flex-wrap: wrap; gap: 1rem; } .figure-row > div { flex: 1 1 420px; min-width: 0; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th { background: var(--bg-alt); font-weight: 600; position: sticky; top: 0; }
td.text, th.text { text-align: left; white-space: normal; }
tr:nth-child(even) td { background: #fbfcfd; }
td.hi { font-weight: 700; color: #003f66; }
.cause { color: #005a8c; } .effect { color: #a63d00; }
.small { font-size: 0.88rem; color: var(--muted); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
footer { margin-top: 3rem; font-size: 0.85rem; color: var(--muted); border-top: 1px solid var(--line); padding-top: 1rem; }
@media (max-width: 640px) { body { font-size: 15px; } main { padding: 1rem 0.75rem 3rem; } .plot { min-height: 340px; } }
@media print {
  body { font-size: 11pt; } main { max-width: none; padding: 0; }
  h2 { page-break-after: avoid; break-after: avoid; }
  table, .plot, .verdict { page-break-inside: avoid; break-inside: avoid; }
  .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  th { position: static; }
}
`;

/** What {@link htmlPage} assembles. */
export interface HtmlPageParts {
  /** Page title (plain text; escaped here). */
  title: string;
  /** The body's HTML, already escaped where it holds user text. */
  body: string;
  /** Figures to draw into the `<div id>`s the body holds. */
  figures: ReadonlyArray<{ id: string; figure: PlotlyFigure }>;
  /** The Plotly library's JavaScript, inlined once in `<head>`. */
  plotlyJs: string;
  /** Footer HTML (already escaped). */
  footer?: string;
}

/**
 * Assemble one self-contained HTML page: `<head>` with the style sheet, the
 * body, then the Plotly library inlined once ({@link inlineScript}) and one
 * script that draws every figure from embedded JSON ({@link scriptJson}) with
 * `Plotly.newPlot`, one figure per task, in page order (the text is shown
 * before the 4.7 MB library is evaluated, and the page answers while it draws). No external resource is loaded,
 * so the file opens offline.
 * Source: WHATWG HTML Living Standard §4.12.1.3 (inline script restrictions).
 * @throws {TypeError} when `plotlyJs` is empty.
 * @example
 * htmlPage({ title: "Power", body: '<div id="f1"></div>', figures: [{ id: "f1", figure }], plotlyJs });
 */
export function htmlPage(parts: HtmlPageParts): string {
  if (typeof parts.plotlyJs !== "string" || parts.plotlyJs.length === 0) throw new TypeError("htmlPage needs the text of plotly.min.js");
  // The text first, then the figures one per task: the page is readable while Plotly draws, and
  // stays responsive; the figures are drawn in page order without waiting to be scrolled to, so a
  // printed or saved page has them all.
  const draw = `(function () {
  var figures = ${scriptJson(parts.figures.map((f) => ({ id: f.id, data: f.figure.data, layout: f.figure.layout })))};
  if (typeof Plotly === "undefined") return;
  var i = 0;
  function next() {
    if (i >= figures.length) return;
    var f = figures[i++];
    Plotly.newPlot(f.id, f.data, Object.assign({ autosize: true }, f.layout), { responsive: true, displaylogo: false });
    setTimeout(next, 0);
  }
  next();
})();`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(TOOL.name)} ${escapeHtml(TOOL.version)}">
<title>${escapeHtml(parts.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${parts.body}
${parts.footer ? `<footer>${parts.footer}</footer>` : ""}
</main>
<script>${inlineScript(parts.plotlyJs)}</script>
<script>${draw}</script>
</body>
</html>
`;
}
