import type { Model } from "../types.js";
import { causalDiagram } from "../plots/causalDiagram.js";
import { totalRelationHeatmap } from "../plots/totalRelationHeatmap.js";
import { gapRatioPlot } from "../plots/gapRatioPlot.js";
import { relationForestPlot, type ForestInterval } from "../plots/relationForestPlot.js";
import { layerOrderPlot, type LayerOrderEntry } from "../plots/layerOrderPlot.js";
import { micmacPlot } from "../plots/micmacPlot.js";
import { ismLevelsPlot } from "../plots/ismLevelsPlot.js";
import { escapeHtml } from "../plots/escapeHtml.js";
import { htmlPage } from "./htmlPage.js";
import { figurePlacer, htmlTable as table, reportNumber as num, type PlaceFigure } from "./htmlTable.js";
import { plainReading } from "../interpret/plainReading.js";
import { panelReading } from "../interpret/panelReading.js";
import { formatPValue } from "../interpret/formatPValue.js";
import { formatShare } from "../plots/formatShare.js";
import { intervalCaveat } from "../interpret/intervalCaveat.js";
import { layeringVerdict, monteCarloPrecision, type LayeringVerdictInput } from "../interpret/layeringVerdict.js";
import { componentTable, type ResultTablesInput } from "./resultTables.js";
import { PERMUTATION_NULL_WORDS } from "../interpret/permutationNullWords.js";

/** The panel-quality figures the report shows (the shape `panelQuality` returns). */
export interface PanelReportInput {
  expertCount: number;
  gapRatio: { panelSizes: readonly number[]; gap: readonly number[] };
  finalGap: number;
  consensusLevel?: number;
  consensus: boolean;
  /** The no-agreement baseline of the final gap (docs/methods.md §3.1). */
  gapBaseline?: { B: number; draws?: number; seed: number; median: number; p05: number; share: number; standardError?: number };
  krippendorffAlpha: { interval: number; ordinal: number };
  distances: ReadonlyArray<{ label: string; distance: number }>;
  leaveOneOut?: ReadonlyArray<{ label: string; maxRelationChange: number; maxTotalChange: number }>;
  notes?: readonly string[];
}

/** The layer-validation results the report shows (the shape of `AnalysisResult.layers`). */
export interface LayersReportInput extends LayeringVerdictInput {
  /** The panel's number of experts (for the intervals' caveat, docs/methods.md §7.6). */
  expertCount?: number;
  /** The trend test, with S_trend's largest attainable value for the layer sizes, the share of it reached and the exact test's attainable size (absent in results of older versions). */
  trend: LayeringVerdictInput["trend"] & {
    maximum?: number;
    shareOfMaximum?: number;
    attainableSize?: { significanceLevel: number; size: number | null };
  };
  orders?: { orders: readonly LayerOrderEntry[]; proposedRank: number; count: number };
  suggestedLayer?: ReadonlyArray<{ id: string; proposed: string; suggested: string; agrees: boolean }>;
  ism?: { levels: ReadonlyArray<readonly string[]> };
  micmac?: { components: readonly string[]; driving: readonly number[]; dependence: readonly number[]; quadrant?: readonly string[] };
  agreement?: {
    suggested: { tau: number; kappa: number; kappaLinear: number; kappaQuadratic: number; agreement: number };
    ism: { tau: number; levels: number };
  };
  sensitivity?: {
    significanceLevel: number;
    scenarios: ReadonlyArray<{
      scenario: string;
      available: boolean;
      note?: string;
      trendStatistic: number;
      trendP: number;
      flowStatistic: number;
      flowP: number;
      changes: readonly string[];
    }>;
    summary: {
      changedConclusions: number;
      unavailable: number;
      stableRoles?: readonly boolean[];
      changedBy?: { roles: number; tests: number; ism: number; micmac: number; edges: number };
      edgeMargin?: number;
      marginalEdges?: ReadonlyArray<{ from: string; to: string; value: number; threshold: number; above: boolean }>;
    };
    notes?: readonly string[];
  } | null;
  notes?: readonly string[];
  bootstrap?: {
    B: number;
    seed: number;
    level?: number;
    components: readonly string[];
    relation: readonly ForestInterval[];
    pCause?: readonly number[];
    pLayerMeansDecrease?: number;
    trend?: ForestInterval;
    flow?: ForestInterval;
    failed?: number;
    structure?: { used: number; ismLevelSame: readonly number[]; micmacSame: readonly number[]; levelCountSame: number };
    /** The expert-level test of the ordering (docs/methods.md §7.7). */
    expertTest?: { estimate: number; standardError: number; df: number; p: number };
    /** Share of replicates with S_trend at its attainable maximum. */
    trendAtMaximum?: number;
    /** The coverage measured for these settings (docs/methods.md §7.6), absent when the study did not run them. */
    coverage?: unknown;
    /** Jackknife-t intervals of the influence shares and S_flow (docs/methods.md §7.6). */
    jackknife?: {
      givenShare: readonly ForestInterval[];
      prominenceShare: readonly ForestInterval[];
      relationShare: readonly ForestInterval[];
      flow: ForestInterval;
    };
  };
}

/**
 * What {@link renderReport} reads: an `AnalysisResult` (panel and layers
 * optional) — the result-table fields of {@link ResultTablesInput} plus the
 * provenance, the direct matrix, λ, ρ(N), the threshold and the optional
 * panel and layer sections.
 */
export interface ReportInput extends ResultTablesInput {
  meta: {
    tool: string;
    version: string;
    date: string;
    source: string;
    synthetic: boolean;
    experts: ReadonlyArray<{ expert: string; weight: number }>;
    scale: { min: number; max: number };
    options: {
      aggregation: string;
      normalization: string;
      epsilon: number;
      threshold: object;
      /** Written only for fuzzy and grey analyses (docs/methods.md §2.9–2.11). */
      method?: string;
      variant?: { order: string; range: string; diagonal: boolean; scale: { name?: string; terms: ReadonlyArray<unknown> } };
    };
    warnings: ReadonlyArray<{ file?: string; row?: number; column?: string; message: string }>;
    imputed: ReadonlyArray<{ expert: string; from: string; to: string }>;
    notes?: readonly string[];
  };
  direct: ReadonlyArray<readonly number[]>;
  lambda: number;
  spectralRadius: number;
  /** The conditioning of T under the normalisation (the shape of `AnalysisResult.conditioning`, docs/methods.md §2.13); absent in older results. */
  conditioning?: { spectralRadius: number; amplification: number; lambdaSource: string; lambdaElsewhere: number | null; unstable: boolean; warning?: string };
  threshold: { method: string; value: number; settings?: Record<string, unknown> };
  panel?: PanelReportInput;
  layers?: LayersReportInput;
  /** DANP influential weights (the shape of `AnalysisResult.danp`), shown next to the DEMATEL weights. */
  danp?: DanpReportInput;
}

/** The DANP results the report shows (docs/methods.md §6.6): vectors in component order, cluster weights in cluster order. */
export interface DanpReportInput {
  clusters: readonly string[];
  weights: readonly number[];
  clusterWeights: readonly number[];
  localWeights: readonly number[];
}

/** Options of {@link renderReport}. */
export interface RenderReportOptions {
  /**
   * The Plotly library's JavaScript (plotly.min.js), inlined once so the file
   * opens offline. Required: the caller reads it (the CLI resolves it from the
   * installed package), since a library function cannot know where it lives.
   */
  plotlyJs: string;
  /** Page title (default: "DEMATEL analysis — " + the model's title). */
  title?: string;
}

/**
 * Render the analysis as ONE self-contained HTML file that opens offline:
 * the Plotly library inlined once, every figure as data, system fonts,
 * readable responsive tables, print styles. Sections: a visible
 * "SYNTHETIC EXAMPLE DATA" banner when `meta.synthetic` is true; the source,
 * date, tool version and model citation; a plain-language reading of who
 * drives whom ({@link plainReading}); when layer results are present, the
 * verdict on the proposed layering in plain words ({@link layeringVerdict});
 * the causal diagram; the component table (D, R, prominence, relation, role,
 * weight); T as a heatmap and a table with the threshold method and value;
 * the impact-relation map's edges; "Does the proposed layering hold?" (the
 * tests, the forest plot of relation with bootstrap intervals, the layer-
 * order ranking, suggested layers, ISM and MICMAC pictures, sensitivity);
 * panel quality (gap-ratio curve, Krippendorff's alphas, expert distances);
 * warnings, with every imputed cell listed; method and settings.
 * Every text that comes from a user's file (component names, expert labels,
 * file names, warnings) is HTML-escaped.
 * Source: docs/methods.md §2–7; the layout follows the classic DEMATEL reporting of Tzeng, Chiang & Li (2007).
 * @throws {TypeError} when `options.plotlyJs` is missing or empty.
 * @example
 * const html = renderReport(result, model, { plotlyJs: readFileSync(require.resolve("plotly.js-dist-min"), "utf8") });
 */
export function renderReport(results: ReportInput, model: Model, options: RenderReportOptions): string {
  if (typeof options?.plotlyJs !== "string" || options.plotlyJs.length === 0)
    throw new TypeError("renderReport needs options.plotlyJs: the text of plotly.min.js");
  const r = results;
  const title = options.title ?? `DEMATEL analysis — ${model.title ?? "model"}`;
  const { figures, plot } = figurePlacer();
  // The verdict opens the summary and the layering section alike: built once, shown twice.
  const verdict = r.layers ? `<p class="verdict">${escapeHtml(layeringVerdict(r.layers))}</p>` : "";
  // In page order, which is also the order the figures are numbered in.
  const parts = [pageHeader(r, model, title), summarySection(r, model, verdict), causalSection(r, model, plot), totalRelationSection(r, model, plot)];
  if (r.danp) parts.push(danpSection(r, r.danp, model));
  if (r.layers) parts.push(layersSection(r.layers, model, plot, verdict));
  for (const note of r.meta.notes ?? []) parts.push(`<p class="notice">${escapeHtml(note)}</p>`);
  if (r.panel) parts.push(panelSection(r.panel, r, plot));
  parts.push(warningsSection(r), methodSection(r));
  return htmlPage({
    title,
    body: parts.join("\n"),
    figures,
    plotlyJs: options.plotlyJs,
    footer: `Made with ${escapeHtml(r.meta.tool)} ${escapeHtml(r.meta.version)} on ${escapeHtml(r.meta.date)}. Open offline; no data leave this file.`,
  });
}

/** The threshold's settings as "k = 1, sd = population" ("" when none). */
const thresholdSettings = (r: ReportInput): string =>
  Object.entries(r.threshold.settings ?? {})
    .map(([k, v]) => `${k} = ${v}`)
    .join(", ");

/** Title and provenance; the synthetic-data banner, the imputation notice and the model's citation when they apply. */
function pageHeader(r: ReportInput, model: Model, title: string): string {
  const K = r.meta.experts.length;
  const n = r.components.length;
  const parts = [`<header><h1>${escapeHtml(title)}</h1>`];
  parts.push(
    `<p class="meta">Survey: <code>${escapeHtml(r.meta.source)}</code> · ${K} expert${K === 1 ? "" : "s"} · ${n} components · ratings ${num(r.meta.scale.min, 0)}–${num(r.meta.scale.max, 0)} · ` +
      `${escapeHtml(r.meta.tool)} ${escapeHtml(r.meta.version)} · ${escapeHtml(r.meta.date)}</p></header>`,
  );
  if (r.meta.synthetic) {
    parts.push(
      `<div class="banner" role="alert">SYNTHETIC EXAMPLE DATA<small>These ratings were generated by a seeded simulator (see data/README.md), not given by real experts. Nothing here is evidence about the model.</small></div>`,
    );
  }
  if (r.meta.imputed.length) {
    parts.push(
      `<div class="notice"><strong>${r.meta.imputed.length} missing rating${r.meta.imputed.length === 1 ? " was" : "s were"} imputed</strong> with the mean of the other experts; they are listed under <a href="#warnings">Warnings</a>. Results depend on these filled-in values.</div>`,
    );
  }
  if (r.conditioning?.warning)
    parts.push(
      `<div class="notice"><strong>T's magnitudes are unstable (spectral radius ρ(N) = ${num(r.conditioning.spectralRadius, 3)}).</strong> ${escapeHtml(r.conditioning.warning.replace(/^Conditioning: /, ""))}</div>`,
    );
  if (model.citation) parts.push(`<p class="small">Model: ${escapeHtml(model.title ?? "")}. ${escapeHtml(model.citation)}</p>`);
  return parts.join("\n");
}

/** "Who drives whom": the verdict on the layering (when tested) and the plain-language reading. */
function summarySection(r: ReportInput, model: Model, verdict: string): string {
  const parts = [`<section id="summary"><h2>Who drives whom</h2>`];
  if (verdict) parts.push(verdict);
  parts.push(
    `<ul class="reading">${plainReading(r, model)
      .map((s) => `<li>${escapeHtml(s)}</li>`)
      .join("")}</ul></section>`,
  );
  return parts.join("\n");
}

/** The causal diagram and the component table (the rows of components.csv). */
function causalSection(r: ReportInput, model: Model, plot: PlaceFigure): string {
  return [
    `<section id="causal"><h2>Causal diagram</h2>`,
    `<p>Each component sits at its prominence D+R (how much influence it gives and receives in total) and its relation D−R (above zero: a net cause; below: a net effect). The dashed vertical line is the mean prominence. Arrows are the links of the impact-relation map, t<sub>ij</sub> above the threshold α = ${num(r.threshold.value, 4)} (${escapeHtml(r.threshold.method)}), wider for stronger influence.</p>`,
    plot(causalDiagram(r, model), "Causal diagram: prominence against relation per component"),
    table(
      ["id", "component", "layer", "D (given)", "R (received)", "prominence D+R", "relation D−R", "role", "weight"],
      // The rows of components.csv (componentTable), so the page and the file cannot disagree; the role cell is coloured.
      componentTable(r, model)
        .slice(1)
        .map((row) => row.map((c, k) => (k === 7 ? { v: c, cls: String(c) } : c))),
      [0, 1, 2, 7],
    ),
    `</section>`,
  ].join("\n");
}

/** DANP influential weights next to the DEMATEL weights, and the cluster (layer) weights. */
function danpSection(r: ReportInput, d: DanpReportInput, model: Model): string {
  const names = new Map(model.components.map((c) => [c.id, c.name] as const));
  const layerNames = new Map((model.layers ?? []).map((l) => [l.id, l.name] as const));
  const layerOf = new Map((model.layers ?? []).flatMap((l) => l.components.map((c) => [c, l.id] as const)));
  return [
    `<section id="danp"><h2>DANP influential weights</h2>`,
    `<p>DANP (DEMATEL-based ANP; docs/methods.md §6.6) treats the layers as clusters: T is normalised block by block, the cluster-level matrix T<sub>D</sub> weights the supermatrix, and the limit of its powers gives each component's influential weight. The DEMATEL weight (from D+R and D−R) is shown beside it.</p>`,
    table(
      ["id", "component", "layer", "DEMATEL weight", "DANP weight", "weight within layer"],
      r.components.map((id, i) => [id, names.get(id) ?? id, layerOf.get(id) ?? "", r.weights[i], d.weights[i], d.localWeights[i]]),
      [0, 1, 2],
    ),
    table(
      ["layer", "name", "DANP layer weight"],
      d.clusters.map((id, k) => [id, layerNames.get(id) ?? id, d.clusterWeights[k]]),
      [0, 1],
    ),
    `</section>`,
  ].join("\n");
}

/** T as a heatmap and a table (links above α in bold), with the threshold, and the impact-relation map's links. */
function totalRelationSection(r: ReportInput, model: Model, plot: PlaceFigure): string {
  const ids = r.components;
  const names = new Map(model.components.map((c) => [c.id, c.name] as const));
  const label = (id: string): string => names.get(id) ?? id;
  const alpha = r.threshold.value;
  const settings = thresholdSettings(r);
  return [
    `<section id="total"><h2>Total-relation matrix T</h2>`,
    `<p>T = N(I − N)<sup>−1</sup> holds the direct and all indirect influence of each row component on each column component. Threshold α = <strong>${num(alpha, 4)}</strong> by the <strong>${escapeHtml(r.threshold.method)}</strong> rule${settings ? ` (${escapeHtml(settings)})` : ""}; ${r.edges.length} links lie above it (bold).</p>`,
    plot(totalRelationHeatmap(r), "Heatmap of the total-relation matrix T"),
    table(
      ["from \\ to", ...ids],
      r.total.map((row, i) => [ids[i], ...row.map((v, j) => ({ v, cls: i !== j && v > alpha ? "hi" : undefined }))]),
    ),
    `<h3>Impact-relation map: links with t<sub>ij</sub> &gt; α</h3>`,
    r.edges.length
      ? table(
          ["from", "to", "t"],
          r.edges.map((e) => [`${label(e.from)} (${e.from})`, `${label(e.to)} (${e.to})`, e.value]),
          [0, 1],
        )
      : `<p>No link lies above the threshold.</p>`,
    `</section>`,
  ].join("\n");
}

/** Panel quality: the consensus gap ratio and its curve, Krippendorff's alphas, each expert against the others. */
function panelSection(p: PanelReportInput, r: ReportInput, plot: PlaceFigure): string {
  const n = r.components.length;
  const parts = [`<section id="panel"><h2>Panel quality</h2>`];
  const reading = panelReading({ ...p, components: n });
  parts.push(`<p>${escapeHtml(reading.consensus)}</p><p>${escapeHtml(reading.alpha)}</p>`);
  if (p.gapRatio.panelSizes.length)
    parts.push(plot(gapRatioPlot(p.gapRatio, { baseline: p.gapBaseline }), "Consensus gap ratio against the number of experts"));
  if (p.distances.length) {
    const loo = new Map((p.leaveOneOut ?? []).map((x) => [x.label, x] as const));
    parts.push(
      `<h3>Each expert against the others</h3><p class="small">Distance: mean absolute difference between the expert's ratings and the mean of the other experts. Leave-one-out: the largest change of any relation D−R and of any t<sub>ij</sub> when the expert is left out.</p>`,
    );
    parts.push(
      table(
        ["expert", "weight", "distance", "max change of D−R", "max change of T"],
        p.distances.map((d, k) => [
          d.label,
          String(r.meta.experts[k]?.weight ?? 1),
          d.distance,
          loo.get(d.label)?.maxRelationChange ?? NaN,
          loo.get(d.label)?.maxTotalChange ?? NaN,
        ]),
      ),
    );
  }
  for (const note of p.notes ?? []) parts.push(`<p class="small">${escapeHtml(note)}</p>`);
  parts.push(`</section>`);
  return parts.join("\n");
}

/** The survey's warnings, with every imputed cell listed. */
function warningsSection(r: ReportInput): string {
  const parts = [`<section id="warnings"><h2>Warnings</h2>`];
  if (!r.meta.warnings.length && !r.meta.imputed.length) parts.push(`<p>None: every rating was present and valid.</p>`);
  if (r.meta.imputed.length) {
    parts.push(`<h3>Imputed ratings (filled with the mean of the other experts)</h3>`);
    parts.push(
      table(
        ["expert", "from", "to"],
        r.meta.imputed.map((c) => [c.expert, c.from, c.to]),
        [0, 1, 2],
      ),
    );
  }
  if (r.meta.warnings.length) {
    parts.push(
      `<ul>${r.meta.warnings.map((w) => `<li>${w.file !== undefined ? `<code>${escapeHtml(w.file)}${w.row !== undefined ? ":" + w.row : ""}</code> ` : ""}${w.column !== undefined ? `column ${escapeHtml(w.column)}: ` : ""}${escapeHtml(w.message)}</li>`).join("")}</ul>`,
    );
  }
  parts.push(`</section>`);
  return parts.join("\n");
}

/** Method and settings: how the experts were combined, λ and ρ(N), T, the threshold, the layer tests and their sources. */
/** The fuzzy or grey method and its conventions in words (docs/methods.md §2.9–2.11). */
function variantSentence(method: string, v: ReportInput["meta"]["options"]["variant"]): string {
  const what = method === "fuzzy" ? "Fuzzy DEMATEL (triangular fuzzy numbers, CFCS defuzzification)" : "Grey DEMATEL (interval grey numbers, whitening)";
  if (!v) return `${escapeHtml(what)}, docs/methods.md §2.9–2.11.`;
  const last = v.order === "defuzzify-last" || v.order === "whiten-last";
  const conventions = last
    ? `the lower, middle and upper matrices carried through T and made crisp at the end, T's diagonal ${v.diagonal ? "included in" : "left out of"} the final minimum and range`
    : `each expert's matrix made crisp first, its minimum and range taken ${v.range === "global" ? "over all experts' cells" : "per expert"}, then classic DEMATEL`;
  const scale = `linguistic scale: ${v.scale.name ?? "custom"}, ${v.scale.terms.length} terms`;
  return `${escapeHtml(what)}, order ${escapeHtml(v.order)}: ${escapeHtml(conventions)}; ${escapeHtml(scale)} (docs/methods.md §2.9–2.11). The crisp T, D, R, roles and IRM below are those of the method; results.json also holds its own matrices under <code>method</code>.`;
}

/** ", so a 1% change in λ (row LEAD) changes the sum of T by about 4.3%; …" (docs/methods.md §2.13); "" for results without it. */
function conditioningWords(r: ReportInput): string {
  const c = r.conditioning;
  if (!c) return "";
  const share = c.lambdaElsewhere === null ? "" : `; in ${num(100 * c.lambdaElsewhere, 0)}% of the bootstrap replicates λ came from another row or column`;
  return `, so a 1% change in λ (the sum of ${escapeHtml(c.lambdaSource)}) changes the sum of T by about ${num(c.amplification, 1)}%${share}${c.unstable ? " — see the conditioning notice at the top" : ""}`;
}

function methodSection(r: ReportInput): string {
  const K = r.meta.experts.length;
  const alpha = r.threshold.value;
  const settings = thresholdSettings(r);
  const parts: string[] = [];
  const o = r.meta.options;
  parts.push(`<section id="method"><h2>Method and settings</h2><ul>`);
  if (o.method !== undefined && o.method !== "classic") parts.push(`<li>${variantSentence(o.method, o.variant)}</li>`);
  parts.push(
    `<li>Aggregation of the ${K} experts' matrices: ${escapeHtml(o.aggregation === "median" ? "element-wise median" : "weighted mean")}${K > 1 && new Set(r.meta.experts.map((e) => e.weight)).size > 1 ? " with the expert weights given in the survey" : ""}.</li>`,
  );
  parts.push(
    `<li>Normalisation: ${escapeHtml(o.normalization)} (λ = ${num(r.lambda, 4)}${o.epsilon ? `, ε = ${o.epsilon} added by choice` : ""}); spectral radius of N: ${num(r.spectralRadius, 4)} (must be below 1)${conditioningWords(r)}.</li>`,
  );
  parts.push(
    `<li>Total relation T = N(I − N)<sup>−1</sup>, computed by solving a linear system; D = row sums, R = column sums of T; a component with D − R &gt; 0 is a cause.</li>`,
  );
  parts.push(`<li>Threshold: ${escapeHtml(r.threshold.method)}${settings ? ` (${escapeHtml(settings)})` : ""}, α = ${num(alpha, 4)}.</li>`);
  if (r.layers) {
    const b = r.layers.bootstrap;
    parts.push(
      `<li>Layer tests (docs/methods.md §5 in the cxm-dematel repository): exact permutation p-values over every assignment of the components to layers of the proposed sizes (Monte Carlo above 10<sup>6</sup> assignments); ${b ? `bootstrap over experts with B = ${b.B.toLocaleString("en-US")} resampled panels, seed ${b.seed}, percentile intervals` : "no bootstrap"}; sensitivity: each expert left out, thresholds mean, mean+sd and MMDE, median aggregation.</li>`,
    );
  }
  parts.push(`<li>Experts are taken in the order of the survey file (this order matters only for the gap-ratio curve).</li>`);
  parts.push(
    `</ul><p class="small">Methods: Gabus &amp; Fontela (1973); Tzeng, Chiang &amp; Li (2007), Expert Systems with Applications 32, 1028–1044; MMDE threshold: Li &amp; Tzeng (2009), Expert Systems with Applications 36, 9891–9898. Every method and default is defined in docs/methods.md in the cxm-dematel repository; the layer tests in §5–7.</p></section>`,
  );
  return parts.join("\n");
}

/** "Does the proposed layering hold?": the verdict, the proposed layers, the tests, the bootstrap, the structure the data suggest and the sensitivity. */
function layersSection(L: LayersReportInput, model: Model, plot: PlaceFigure, verdict: string): string {
  const layers = model.layers ?? [];
  const out: string[] = [`<section id="layers"><h2>Does the proposed layering hold?</h2>`];
  out.push(verdict);
  out.push(
    `<p>Proposed layers, outermost (drivers) first: ${layers.map((l) => `${escapeHtml(l.id)} <strong>${escapeHtml(l.name)}</strong> (${l.components.map(escapeHtml).join(", ")})`).join(" → ")}.</p>`,
  );
  out.push(layerTestsPart(L));
  if (L.bootstrap) out.push(bootstrapPart(L.bootstrap, model, plot, L.expertCount));
  if (L.orders) {
    out.push(`<h3>Which order of the layers fits best?</h3>`);
    out.push(
      `<p>The proposed order ranks <strong>${L.orders.proposedRank}</strong> of ${L.orders.count} possible orders of the ${layers.length} layers by S_trend (1 = best; ties share a rank).</p>`,
    );
    out.push(plot(layerOrderPlot(L.orders), "S_trend for every order of the layers"));
  }
  if (L.suggestedLayer?.length || L.agreement) out.push(suggestedLayersPart(L, layers));
  if (L.ism) {
    out.push(
      `<h3>ISM levels</h3><p class="small">Reachability from the thresholded T; level 1 (top) holds the ultimate effects, the last level the root drivers — it corresponds to the outermost proposed layer.</p>`,
    );
    out.push(plot(ismLevelsPlot(L.ism, model), "ISM level diagram"));
  }
  if (L.micmac) out.push(`<h3>MICMAC</h3>` + plot(micmacPlot(L.micmac, model), "MICMAC driving power against dependence, coloured by proposed layer"));
  if (L.bootstrap?.structure && L.ism && L.micmac) out.push(structureStabilityPart(L.bootstrap.structure, L.ism, L.micmac));
  if (L.sensitivity) out.push(sensitivityPart(L.sensitivity));
  for (const note of L.notes ?? []) out.push(`<p class="small">${escapeHtml(note)}</p>`);
  out.push(`</section>`);
  return out.join("\n");
}

/** "; attainable size at α = 5%: 4.72%" for an exact test, "" when unknown (docs/methods.md §5.6). */
function attainableSizeText(a: { significanceLevel: number; size: number | null } | undefined): string {
  if (!a) return "";
  const alpha = `${num(100 * a.significanceLevel, 0)}%`;
  return a.size === null
    ? `; size at α = ${alpha}: close to α (Monte Carlo)`
    : `; attainable size at α = ${alpha}: ${num(100 * a.size, 2)}% (S_trend is discrete, so the test rejects less often than α under the null)`;
}

/** The permutation tests of S_trend and S_flow and the sign checks of the outermost and innermost layers. */
function layerTestsPart(L: LayersReportInput): string {
  const tests: Array<Array<string | number>> = [];
  const row = (name: string, t: LayeringVerdictInput["trend"], meaning: string, value: string | number = t.statistic, size = ""): void => {
    tests.push([
      name,
      value,
      formatPValue(t.p),
      t.method === "exact" ? `exact over ${t.assignments.toLocaleString("en-US")} assignments${size}` : `Monte Carlo ${monteCarloPrecision(t)}${size}`,
      meaning,
    ]);
  };
  const t = L.trend;
  const ceiling = t.maximum !== undefined && Number.isFinite(t.maximum);
  row(
    "S_trend = −τ_b(layer, relation)",
    t,
    ceiling
      ? `${t.maximum === 1 ? "+1" : `its largest value for these layer sizes, ${num(t.maximum!)},`} when every component of an outer layer has a larger relation than every component of an inner one`
      : "+1: relation falls strictly from outer to inner layers",
    ceiling ? `${num(t.statistic)} (${num(100 * (t.shareOfMaximum ?? NaN), 0)}% of the attainable ${num(t.maximum!)})` : t.statistic,
    attainableSizeText(t.attainableSize),
  );
  row("S_flow", L.flow, "> 0: more total influence runs inward than outward");
  const s = L.signs;
  const roleList = (xs: ReadonlyArray<{ id: string; relation: number }>): string => xs.map((x) => `${escapeHtml(x.id)} (${num(x.relation)})`).join(", ");
  return [
    `<h3>Permutation tests</h3>`,
    table(["statistic", "value", "p", "null distribution", "reading"], tests, [0, 2, 3, 4]),
    `<p class="small">p = share of all assignments of the components to layers of the same sizes whose statistic is at least the observed one (the observed assignment included). ${PERMUTATION_NULL_WORDS}</p>`,
    `<ul><li>Outermost layer all causes: <strong>${s.outerAllCauses ? "yes" : "no"}</strong> — ${roleList(s.outer)}.</li><li>Innermost layer all effects: <strong>${s.innerAllEffects ? "yes" : "no"}</strong> — ${roleList(s.inner)}.</li></ul>`,
  ].join("\n");
}

/** The bootstrap over experts: what was drawn, the intervals of S_trend and S_flow, the forest plot of relation and P(cause). */
function bootstrapPart(b: NonNullable<LayersReportInput["bootstrap"]>, model: Model, plot: PlaceFigure, expertCount?: number): string {
  const out = [`<h3>Uncertainty over experts (bootstrap)</h3>`];
  out.push(
    `<p>${b.B.toLocaleString("en-US")} panels of the same size were drawn from the experts with replacement (seed ${b.seed}).` +
      (b.pLayerMeansDecrease !== undefined
        ? ` In ${(100 * b.pLayerMeansDecrease).toFixed(1)}% of them the layer means of relation fall strictly from outer to inner.`
        : "") +
      (b.trend ? ` S_trend ${Math.round(100 * (b.level ?? 0.95))}% interval [${num(b.trend.lower)}, ${num(b.trend.upper)}]` : "") +
      (b.flow ? `; S_flow [${num(b.flow.lower)}, ${num(b.flow.upper)}].` : b.trend ? "." : "") +
      (b.trendAtMaximum !== undefined && b.trendAtMaximum > 0
        ? ` In ${num(100 * b.trendAtMaximum, 1)}% of the resampled panels S_trend is at its attainable maximum${b.trendAtMaximum >= 0.5 ? ": the interval's upper end is the ceiling, not an estimate, and this share is the better summary" : ""}.`
        : "") +
      (b.expertTest && Number.isFinite(b.expertTest.p)
        ? ` Expert-level test of the ordering (docs/methods.md §7.7): layer slope of the relation share ${num(100 * b.expertTest.estimate, 2)}% of ΣD per layer step (bootstrap SE ${num(100 * b.expertTest.standardError, 2)}), one-sided p = ${formatPValue(b.expertTest.p)} (t, ${b.expertTest.df} df).`
        : "") +
      (b.failed ? ` ${b.failed} resampled panels had no DEMATEL solution and were left out.` : "") +
      `</p>`,
  );
  out.push(plot(relationForestPlot(b, model), "Relation D−R per component with bootstrap intervals, coloured by layer"));
  if (expertCount !== undefined) out.push(`<p class="notice">${escapeHtml(intervalCaveat(expertCount, b.coverage !== undefined))}</p>`);
  if (b.jackknife) out.push(sharesPart(b.jackknife, b.components));
  if (b.pCause)
    out.push(
      table(
        ["component", "relation D−R", "lower", "upper", "P(cause)"],
        b.components.map((id, i) => [id, b.relation[i].estimate, b.relation[i].lower, b.relation[i].upper, formatShare(b.pCause?.[i] ?? NaN, b.B)]),
      ),
      `<p class="small">P(cause): the share of the ${b.B.toLocaleString("en-US")} resampled panels in which the component is a cause (D−R > 0). It describes how stable the role is when other experts are asked; it is not the probability that the component is a cause. In simulation (docs/methods.md §7.6), components with P(cause) ≥ 0.95 were true causes 96–100% of the time.</p>`,
    );
  return out.join("\n");
}

/** The influence shares and S_flow with their jackknife-t intervals: the intervals whose coverage holds (docs/methods.md §7.6). */
function sharesPart(j: NonNullable<NonNullable<LayersReportInput["bootstrap"]>["jackknife"]>, components: readonly string[]): string {
  const pct = (x: number): string => num(100 * x, 1);
  const iv = (x: ForestInterval): string => `${pct(x.estimate)} [${pct(x.lower)}, ${pct(x.upper)}]`;
  return (
    `<h3>Shares of the total influence, with intervals that cover</h3><p class="small">Each component's share of all influence given (D/ΣD), of prominence ((D+R)/Σ(D+R)) and its relation as a share of all influence ((D−R)/ΣD), in %, with 95% jackknife-t intervals (docs/methods.md §7.6). ` +
    `Unlike the magnitudes above, these do not depend on the scale the normalisation gives T, and in simulation their intervals covered the population value 94.5–95.8% of the time for panels of 8 to 30 experts. S_flow, also a ratio, has the jackknife-t interval [${num(j.flow.lower)}, ${num(j.flow.upper)}] (coverage 94.0–96.3%).</p>` +
    table(
      ["component", "D/ΣD %", "(D+R)/Σ(D+R) %", "(D−R)/ΣD %"],
      components.map((id, i) => [id, iv(j.givenShare[i]), iv(j.prominenceShare[i]), iv(j.relationShare[i])]),
    )
  );
}

/** Where the data would put each component, and how well that (and the ISM levels) agrees with the proposed layers. */
function suggestedLayersPart(L: LayersReportInput, layers: NonNullable<Model["layers"]>): string {
  const out: string[] = [];
  if (L.suggestedLayer?.length) {
    const lname = new Map(layers.map((l) => [l.id, l.name] as const));
    out.push(
      `<h3>Where the data would put each component</h3><p class="small">Components sorted by relation D−R and cut at the proposed layer sizes, outermost first.</p>`,
    );
    out.push(
      table(
        ["component", "proposed layer", "suggested by the data", "agrees"],
        L.suggestedLayer.map((x) => [
          x.id,
          lname.get(x.proposed) ?? x.proposed,
          lname.get(x.suggested) ?? x.suggested,
          x.agrees ? "yes" : { v: "no", cls: "effect" },
        ]),
        [0, 1, 2, 3],
      ),
    );
  }
  if (L.agreement) {
    const a = L.agreement;
    out.push(
      `<p>Agreement between the proposed and the suggested layers: ${(100 * a.suggested.agreement).toFixed(0)}% of the components in the same layer; Kendall τ<sub>b</sub> = ${num(a.suggested.tau)}; Cohen's weighted κ = ${num(a.suggested.kappaLinear)} (linear), ${num(a.suggested.kappaQuadratic)} (quadratic). Proposed layers against the ${a.ism.levels} ISM levels: τ<sub>b</sub> = ${num(a.ism.tau)} (+1 = the ISM levels follow the layers exactly).</p>`,
    );
  }
  return out.join("\n");
}

/** " Roles change in 1, the tests in 0, …": how many scenarios change each kind of conclusion. */
function changedByText(c: NonNullable<LayersReportInput["sensitivity"]>["summary"]["changedBy"]): string {
  if (!c) return "";
  return ` Scenarios changing a role: ${c.roles}; a layer test: ${c.tests}; the ISM levels: ${c.ism}; a MICMAC class: ${c.micmac}; the map's links: ${c.edges}.`;
}

/** How often the bootstrap panels give each component the full panel's ISM level and MICMAC class (docs/methods.md §7.4). */
function structureStabilityPart(
  st: NonNullable<NonNullable<LayersReportInput["bootstrap"]>["structure"]>,
  ism: NonNullable<LayersReportInput["ism"]>,
  mic: NonNullable<LayersReportInput["micmac"]>,
): string {
  const levelOf = new Map(ism.levels.flatMap((l, k) => l.map((id) => [id, k + 1] as const)));
  return [
    `<h3>How stable are the ISM levels and MICMAC classes?</h3><p class="small">Share of the ${st.used.toLocaleString("en-US")} bootstrap panels (each at its own threshold by the same rule) that put the component at the same ISM level, and in the same MICMAC class, as the full panel; ${num(st.levelCountSame, 2)} of them have as many ISM levels (${ism.levels.length}). A share well below 1 means the level or class depends on which experts were asked.</p>`,
    table(
      ["component", "ISM level", "same level", "MICMAC class", "same class"],
      mic.components.map((id, i) => [id, String(levelOf.get(id) ?? ""), st.ismLevelSame[i], mic.quadrant?.[i] ?? "", st.micmacSame[i]]),
      [0, 1, 3],
    ),
  ].join("\n");
}

/** Which conclusions change when an expert is left out, the threshold or the aggregation changes. */
function sensitivityPart(sv: NonNullable<LayersReportInput["sensitivity"]>): string {
  const out = [`<h3>Sensitivity: which conclusions change</h3>`];
  out.push(
    `<p>${sv.summary.changedConclusions === 0 ? "No scenario changes a conclusion" : `${sv.summary.changedConclusions} of ${sv.scenarios.length} scenarios change a conclusion`} (a component's role, a layer test at ${100 * sv.significanceLevel}%, an ISM level, a MICMAC class or a link of the map), leaving out each expert in turn, trying other thresholds and the median instead of the mean.${sv.summary.unavailable ? ` ${sv.summary.unavailable} scenarios could not be computed.` : ""}${changedByText(sv.summary.changedBy)}</p>`,
  );
  const marginal = sv.summary.marginalEdges ?? [];
  if (marginal.length)
    out.push(
      `<p>Links within ${100 * (sv.summary.edgeMargin ?? 0.01)}% of the threshold α = ${num(marginal[0].threshold, 5)} (docs/methods.md §7.5), in or out of the map by less than one expert typically moves them: ${marginal.map((e) => `${escapeHtml(e.from)} → ${escapeHtml(e.to)} (t = ${num(e.value, 5)}, ${e.above ? "in the map" : "not in the map"})`).join("; ")}.</p>`,
    );
  out.push(
    table(
      ["scenario", "S_trend", "trend p", "S_flow", "flow p", "what changes"],
      sv.scenarios.map((x) => [
        x.scenario,
        x.trendStatistic,
        formatPValue(x.trendP),
        x.flowStatistic,
        formatPValue(x.flowP),
        x.available ? (x.changes.length ? x.changes.join("; ") : "nothing") : `not computed: ${x.note ?? ""}`,
      ]),
      [0, 5],
    ),
  );
  for (const note of sv.notes ?? []) out.push(`<p class="small">${escapeHtml(note)}</p>`);
  return out.join("\n");
}
