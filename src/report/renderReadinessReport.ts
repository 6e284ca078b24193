import { escapeHtml } from "../plots/escapeHtml.js";
import { plotNumber } from "../plots/plotlyFigure.js";
import { readinessGapPlot } from "../plots/readinessGapPlot.js";
import type { ReadinessResult } from "../readiness/assessReadiness.js";
import { htmlPage } from "./htmlPage.js";

/**
 * The readiness report section (docs/methods.md §13) as HTML: the index, the
 * weights used and why, the improvement rule, the priority chart
 * ({@link readinessGapPlot}) and a table with each component's gap, role,
 * drives count and reason. Every label from a file is escaped.
 * @returns the section's HTML and its figure (draw it into the `<div id="readiness-gaps">`).
 * @throws nothing.
 * @example
 * const { html, figure } = readinessSection(result);
 */
export function readinessSection(result: ReadinessResult): { html: string; figure: ReturnType<typeof readinessGapPlot> } {
  const e = escapeHtml;
  const n = (x: number, d = 2): string => e(plotNumber(x, d));
  const rows = result.components
    .map(
      (c) =>
        `<tr><td>${c.priority}</td><td>${e(c.id)}</td><td>${e(c.name)}</td><td>${n(c.score, 1)}</td><td>${n(c.aspiration, 1)}${c.aspirationGiven ? "" : " (max)"}</td>` +
        `<td>${n(c.gap)}</td><td>${n(c.weight, 3)}</td><td>${n(c.relation)}</td><td>${c.drives}</td><td>${e(c.reason)}</td></tr>`,
    )
    .join("\n");
  const html = `<section id="readiness">
<h2>Readiness of one organisation</h2>
<p>Readiness index <strong>${n(result.index)}</strong> (1 = every component at its aspiration; weighted gap ${n(result.weightedGap)}; weighted score ${n(result.weightedScore)} on the ${n(result.scale.min, 0)}–${n(result.scale.max, 0)} scale).</p>
<p>Weights: ${e(result.meta.weightsNote)}</p>
<p>Improvement order: ${e(result.meta.rule)} “Drives” counts the other components j with t<sub>ij</sub> above the impact-relation map's threshold (${n(result.threshold, 3)}).</p>
<div id="readiness-gaps" class="figure"></div>
<table>
<thead><tr><th>#</th><th>id</th><th>component</th><th>score</th><th>aspiration</th><th>gap g</th><th>weight</th><th>D − R</th><th>drives</th><th>reason</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
  return { html, figure: readinessGapPlot(result.components) };
}

/**
 * A self-contained HTML page of a readiness assessment: a SYNTHETIC banner
 * when the survey or the scores are the shipped examples, the sources, the
 * model's citation and {@link readinessSection}. Every label is escaped.
 * @throws {TypeError} when `plotlyJs` is empty.
 * @example
 * renderReadinessReport(result, { plotlyJs });
 */
export function renderReadinessReport(result: ReadinessResult, options: { plotlyJs: string }): string {
  const e = escapeHtml;
  const { html, figure } = readinessSection(result);
  const banner = result.meta.synthetic
    ? `<div class="banner" role="alert">SYNTHETIC EXAMPLE DATA<small>The survey or the scores are the shipped synthetic examples (see data/README.md); nothing here describes a real organisation or is evidence about the model.</small></div>`
    : "";
  const body = `<h1>Readiness assessment</h1>
${banner}
<p>Scores: ${e(result.meta.scores)}. Influence structure: ${e(result.meta.survey)} (${result.meta.experts} experts)${result.meta.model.title ? `, model “${e(result.meta.model.title)}”` : ""}.</p>
${html}`;
  const footer = `${e(result.meta.tool)} ${e(result.meta.version)}, ${e(result.meta.date)}${result.meta.model.citation ? `. Model: ${e(result.meta.model.citation)}` : ""}`;
  return htmlPage({ title: "Readiness assessment", body, figures: [{ id: "readiness-gaps", figure }], plotlyJs: options.plotlyJs, footer });
}
