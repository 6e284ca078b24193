import type { Model } from "../types.js";
import type { IsmAnalysis } from "../structure/ismAnalysis.js";
import { escapeHtml } from "../plots/escapeHtml.js";
import { ismLevelsPlot } from "../plots/ismLevelsPlot.js";
import { micmacPlot } from "../plots/micmacPlot.js";
import { htmlPage } from "./htmlPage.js";
import { TOOL } from "../tool.js";

/** Options of {@link renderIsmReport}. */
export interface IsmReportOptions {
  /** The text of plotly.min.js, inlined once. */
  plotlyJs: string;
  /** The input file's label, shown in the header. */
  source?: string;
  /** A model, to outline components in their proposed layer's colour. */
  model?: Model;
}

const QUADRANT_WORDS: Record<string, string> = {
  autonomous: "I. autonomous",
  dependent: "II. dependent",
  linkage: "III. linkage",
  independent: "IV. independent (driver)",
};

/**
 * The ISM report (docs/methods.md §6.3, §6.4, §6.7): where the matrix came
 * from (SSIM of how many experts, ties; or a reachability matrix as given,
 * with its missing transitive entries), the final reachability matrix with
 * the closure's entries marked 1*, the levelled digraph (level 1 at the top;
 * arrows are the initial matrix's links between levels), one table per
 * iteration of the level partition (reachability, antecedent and
 * intersection sets), and MICMAC driving power and dependence with the
 * quadrant chart. User text is escaped; the Plotly library is inlined once.
 * @throws {TypeError} when `plotlyJs` is empty.
 * @example
 * renderIsmReport(ismAnalysis(readSsimFile("ssim.csv")), { plotlyJs, source: "ssim.csv" });
 */
export function renderIsmReport(ism: IsmAnalysis, options: IsmReportOptions): string {
  const e = escapeHtml;
  const ids = ism.components;
  const matrix = matrixTable(ism);
  const iterations = iterationTables(ism);
  const micmacTable = micmacRows(ism);
  const edges: Array<{ from: string; to: string }> = [];
  ism.initial.forEach((row, i) => row.forEach((v, j) => v && i !== j && edges.push({ from: ids[i], to: ids[j] })));
  const placed = new Set(ism.levels.flat());
  const levelled = { levels: ism.levels, edges: edges.filter((l) => placed.has(l.from) && placed.has(l.to)) };
  const body = [
    `<header><h1>Interpretive structural model</h1><p class="meta">${e(options.source ?? "input")} · ${ids.length} components · ${e(TOOL.name)} ${e(TOOL.version)}</p></header>`,
    `<p>${sourceSentence(ism)}</p>`,
    ism.ties.length
      ? `<div class="notice"><p>${ism.ties.length} pair${ism.ties.length === 1 ? "" : "s"} had no single majority; each uses the union of the tied codes (docs/methods.md §6.7):</p><ul>${ism.ties
          .map(
            (t) =>
              `<li>${e(t.from)} – ${e(t.to)}: ${e(
                Object.entries(t.votes)
                  .filter(([, v]) => v > 0)
                  .map(([c, v]) => `${c} ×${v}`)
                  .join(", "),
              )} → ${e(t.chosen)}</li>`,
          )
          .join("")}</ul></div>`
      : "",
    !ism.transitive
      ? `<div class="notice"><p>The reachability matrix as given is not transitive; it is partitioned as given. Entries missing for transitivity (i reaches k and k reaches j, but not i → j): ${e(ism.missing.map((l) => `${l.from} → ${l.to}`).join(", "))}. Run with --close to close it first.</p></div>`
      : "",
    `<h2>Final reachability matrix</h2><p class="small">Row i, column j is 1 when i reaches j; entries marked 1* were added by the transitive closure. Row sums are driving power, column sums dependence.</p>`,
    matrix,
    `<h2>Levels</h2><p>${ism.levels.map((l, k) => `Level ${k + 1}: ${e(l.join(", "))}`).join("<br>")}</p>`,
    `<div class="plot" id="ism-levels" role="img" aria-label="Levelled digraph"></div>`,
    `<h2>Level partition</h2>`,
    iterations,
    `<h2>MICMAC</h2><p class="small">High means strictly above n/2 = ${ism.midpoint} (docs/methods.md §6.4).</p>`,
    micmacTable,
    `<div class="plot" id="ism-micmac" role="img" aria-label="MICMAC driving power against dependence"></div>`,
  ].join("\n");
  const figures = [
    { id: "ism-levels", figure: ismLevelsPlot(levelled, options.model) },
    {
      id: "ism-micmac",
      figure: micmacPlot(
        {
          components: ids,
          driving: ism.micmac.map((m) => m.driving),
          dependence: ism.micmac.map((m) => m.dependence),
          quadrant: ism.micmac.map((m) => m.quadrant),
        },
        options.model,
      ),
    },
  ];
  return htmlPage({ title: "Interpretive structural model", body, figures, plotlyJs: options.plotlyJs });
}

/** Where the final matrix came from, in one sentence (escaped HTML). */
function sourceSentence(ism: IsmAnalysis): string {
  if (ism.source === "ssim")
    return escapeHtml(
      `From ${ism.experts === 1 ? "one expert's SSIM" : `${ism.experts} experts' SSIMs, combined pair by pair by majority`}: V, A, X and O turned into the initial reachability matrix, which was closed transitively (${ism.added.length} entr${ism.added.length === 1 ? "y" : "ies"} added, marked 1*).`,
    );
  return escapeHtml(
    ism.closed
      ? `From a reachability matrix given in the file, closed transitively first (--close; ${ism.added.length} entr${ism.added.length === 1 ? "y" : "ies"} added, marked 1*).`
      : `From a reachability matrix given in the file, taken as the final one${ism.transitive ? " (it is transitive)" : ""}.`,
  );
}

/** The final reachability matrix as an HTML table, 1* on the closure's entries, with driving power and dependence. */
function matrixTable(ism: IsmAnalysis): string {
  const e = escapeHtml;
  const ids = ism.components;
  const starred = new Set(ism.added.map((l) => `${l.from}\u0000${l.to}`));
  return (
    `<div class="table-wrap"><table><thead><tr><th></th>${ids.map((id) => `<th>${e(id)}</th>`).join("")}<th>driving power</th></tr></thead><tbody>` +
    ism.reachability
      .map(
        (row, i) =>
          `<tr><th class="text">${e(ids[i])}</th>${row.map((v, j) => `<td${starred.has(`${ids[i]}\u0000${ids[j]}`) ? ' class="hi"' : ""}>${v}${starred.has(`${ids[i]}\u0000${ids[j]}`) ? "*" : ""}</td>`).join("")}<td>${ism.micmac[i].driving}</td></tr>`,
      )
      .join("") +
    `<tr><th class="text">dependence</th>${ism.micmac.map((m) => `<td>${m.dependence}</td>`).join("")}<td></td></tr></tbody></table></div>`
  );
}

/** One HTML table per iteration of the level partition: each remaining component's R, A and R ∩ A, and its level when placed. */
function iterationTables(ism: IsmAnalysis): string {
  const e = escapeHtml;
  return ism.iterations
    .map(
      (it) =>
        `<h3>Iteration ${it.level}${ism.stoppedAt === it.level ? " (no component can be placed: the partition stops)" : ""}</h3><div class="table-wrap"><table><thead><tr><th class="text">component</th><th class="text">reachability set R</th><th class="text">antecedent set A</th><th class="text">intersection R ∩ A</th><th>level</th></tr></thead><tbody>` +
        it.rows
          .map(
            (r) =>
              `<tr><td class="text">${e(r.id)}</td><td class="text">${e(r.reachability.join(", "))}</td><td class="text">${e(r.antecedent.join(", "))}</td><td class="text">${e(r.intersection.join(", "))}</td><td>${r.intersection.length === r.reachability.length ? it.level : ""}</td></tr>`,
          )
          .join("") +
        `</tbody></table></div>`,
    )
    .join("\n");
}

/** MICMAC driving power, dependence and quadrant as an HTML table. */
function micmacRows(ism: IsmAnalysis): string {
  const e = escapeHtml;
  return (
    `<div class="table-wrap"><table><thead><tr><th class="text">component</th><th>driving power</th><th>dependence</th><th class="text">quadrant</th></tr></thead><tbody>` +
    ism.micmac
      .map(
        (m) => `<tr><td class="text">${e(m.id)}</td><td>${m.driving}</td><td>${m.dependence}</td><td class="text">${e(QUADRANT_WORDS[m.quadrant])}</td></tr>`,
      )
      .join("") +
    `</tbody></table></div>`
  );
}
