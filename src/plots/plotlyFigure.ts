/**
 * A Plotly figure as plain data: `data` (traces) and `layout`, ready for
 * `Plotly.newPlot(div, figure.data, figure.layout)`. Builders in this folder
 * return it and never touch a DOM; tests inspect it.
 * Source: Plotly.js figure reference, https://plotly.com/javascript/reference/.
 */
export interface PlotlyFigure {
  data: Array<Record<string, unknown>>;
  layout: Record<string, unknown>;
}

/**
 * The font family of every figure's layout (`layout.font.family`): the
 * system UI fonts, as in the report's style sheet; one constant so the
 * figures cannot drift apart.
 */
export const FIGURE_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/**
 * Escape a user-provided label for Plotly text (`text`, `hovertext`, titles,
 * annotations): Plotly renders a subset of HTML tags (`<b>`, `<br>`, `<a>`,
 * `<span style>`…) in text, so `&`, `<` and `>` become `&amp;`, `&lt;`,
 * `&gt;`, which Plotly shows as the literal characters.
 * Source: plotly.js src/lib/svg_text_utils.js (tag and entity handling).
 * @example
 * plotText("<b>x</b>"); // "&lt;b&gt;x&lt;/b&gt;"
 */
export function plotText(label: unknown): string {
  return String(label).replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Format a number for figure labels and report text (the one place of this rule) with a fixed number of decimals (default 3); `−` as minus sign.
 * @example
 * plotNumber(-0.12345); // "−0.123" */
export function plotNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  const s = x.toFixed(digits);
  return s.startsWith("-") ? "−" + s.slice(1) : s;
}
