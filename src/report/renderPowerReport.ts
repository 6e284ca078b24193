import type { Model } from "../types.js";
import { attainableTrendSize, type AttainableSize } from "../permutation/attainableTrendSize.js";
import { formatDelta, powerCurvePlot, type PowerCurveInput } from "../plots/powerCurvePlot.js";
import { escapeHtml } from "../plots/escapeHtml.js";
import { htmlPage } from "./htmlPage.js";
import { TOOL } from "../tool.js";
import type { PilotParameters } from "../simulate/pilotEstimate.js";
import type { PilotPowerBand } from "../simulate/pilotPowerBand.js";
import type { PilotSummary } from "../simulate/powerStudy.js";

export type { PilotSummary } from "../simulate/powerStudy.js";
import { pilotBandPlot } from "../plots/pilotBandPlot.js";

/** One power curve as the page reads it: a `powerCurve` result (its `settings.delta` names it). */
export interface PowerReportCurve extends PowerCurveInput {
  rejections?: readonly number[];
  settings: object;
}

/**
 * Several power curves that share every setting but δ, as `cxm-dematel power
 * --json` prints them: `settings` holds the shared settings (with `deltas`,
 * the list of δ), `curves` one `powerCurve` result per δ.
 */
export interface PowerStudyInput {
  settings: object;
  curves: readonly PowerReportCurve[];
  /** A pilot's estimates (`power --pilot`): then `curves` holds the one curve at the estimates. */
  pilot?: PilotSummary;
  /** The band of the pilot's parameter uncertainty around that curve. */
  band?: PilotPowerBand;
}

/** What {@link renderPowerReport} reads: one `powerCurve` result, or a {@link PowerStudyInput} of several. */
export type PowerReportInput = PowerReportCurve | PowerStudyInput;

/** The smallest panel size whose estimated power reaches `target` (default 0.8), or undefined when none does.
 * @example
 * smallestAdequatePanel({ panelSizes: [5, 10, 15], power: [0.4, 0.82, 0.9] }); // 10 */
export function smallestAdequatePanel(curve: PowerCurveInput, target = 0.8): number | undefined {
  return curve.panelSizes.find((_, i) => curve.power[i] >= target);
}

/** Settings of a curve, read safely. */
function settingsOf(x: { settings?: object }): Record<string, unknown> {
  return (x.settings ?? {}) as Record<string, unknown>;
}

function num(s: Record<string, unknown>, k: string, fallback: number): number {
  return typeof s[k] === "number" ? (s[k] as number) : fallback;
}

/** A number in running text: up to 3 decimals, trailing zeros dropped. */
function plain(x: number): string {
  return String(Number(x.toFixed(3)));
}

/**
 * Plain-words notes on power curves, one per curve that needs one: δ = 0 is
 * the null (its curve is the test's size); a curve already at ≥ 99% power at
 * the smallest panel size tried is "saturated" (the effect is large: stated as
 * the rating difference δ·(L − 1) between the outermost and innermost layers
 * on the 0–s scale); a curve that never reaches 80% needs more experts than
 * tried; δ < 0 reverses the proposed order, which the one-sided test does not
 * detect. Used by the `power` command's text output and by the power page.
 * Source: docs/methods.md §8.1, §8.4 (μ_ij = c + δ·(ℓ(j) − ℓ(i))).
 * @param curves `powerCurve` results (settings with delta, sigma, scaleMax, significanceLevel).
 * @param model the simulated model (its number of layers L).
 * @example
 * powerNotes([curveDelta05], defaultModel());
 * // ["δ = 0.5 is detected almost always even by 5 experts: on a 0–4 scale it means a 1.5-point difference …"]
 */
export function powerNotes(curves: readonly PowerReportCurve[], model: Model): string[] {
  const L = Math.max(1, (model.layers ?? []).length);
  const notes: string[] = [];
  for (const c of curves) {
    const s = settingsOf(c);
    if (typeof s.delta !== "number" || c.panelSizes.length === 0) continue;
    const delta = s.delta;
    const alpha = num(s, "significanceLevel", 0.05);
    const scale = `0–${plain(num(s, "scaleMax", 4))}`;
    const gap = `on a ${scale} scale it means a ${plain(Math.abs(delta) * (L - 1))}-point difference between the outermost and innermost layers`;
    const kMin = c.panelSizes[0];
    const kMax = Math.max(...c.panelSizes);
    const best = Math.max(...c.power.filter((p) => Number.isFinite(p)));
    const bestAt = c.panelSizes[c.power.indexOf(best)];
    if (delta === 0) {
      notes.push(
        `δ = 0 is the null (the layers carry no information): its curve is the test's size, the rate of false alarms, and should stay at or just below α = ${alpha} at every K (the exact test cannot reach α exactly).`,
      );
    } else if (delta < 0) {
      notes.push(
        `δ = ${plain(delta)} reverses the proposed order (inner layers drive outer ones): the trend test is one-sided, so it is not meant to detect this, and its power stays near 0.`,
      );
    } else if (c.power[0] >= 0.99) {
      notes.push(
        `δ = ${plain(delta)} is detected almost always even by ${kMin} experts: ${gap}; plan with a smaller δ unless you expect an effect this large.`,
      );
    } else if (smallestAdequatePanel(c) === undefined) {
      notes.push(
        `δ = ${plain(delta)} never reaches 80% power with up to ${kMax} experts (at most ${best.toFixed(2)}, at K = ${bestAt}): ${gap}; ${num(s, "omega", 0) > 0 ? `an effect this small needs more experts than tried (with within-layer heterogeneity ω = ${plain(num(s, "omega", 0))} power may also level off below 1, at the share of simulated populations whose own ordering the test can detect: a larger --experts range shows whether it still rises)` : "an effect this small needs more experts than tried"}, or less noisy ratings (σ = ${plain(num(s, "sigma", 0.8))}).`,
      );
    }
  }
  return notes;
}

/**
 * A self-contained HTML page for a power simulation (docs/methods.md §8.4): what was
 * simulated in plain words (the generative model and every setting), the
 * power curves (one per layer effect δ) with Monte Carlo error bars, the
 * smallest panel size that reaches 80% power for each δ, plain-words notes on
 * saturated curves and curves that never reach 80% (`powerNotes`), why
 * the exact test's size is below α ({@link attainableTrendSize}, computed for
 * the model), and a table of power for each K × δ. The Plotly library is
 * inlined once; the model's title and citation are escaped.
 * Source: docs/methods.md §8.1 and §8.4 (this project's generative model and power procedure).
 * @param power one `powerCurve` result, or `{ settings, curves }` with one result per δ.
 * @throws {TypeError} when `plotlyJs` is empty.
 * @throws {RangeError} when no curve is given.
 * @example
 * renderPowerReport(await powerCurve(model, { sims: 500 }), model, { plotlyJs });
 * renderPowerReport({ settings: { deltas: [0.05, 0.5] }, curves: [c005, c05] }, model, { plotlyJs });
 */
export function renderPowerReport(power: PowerReportInput, model: Model, options: { plotlyJs: string; date?: string }): string {
  const curves: readonly PowerReportCurve[] = "curves" in power ? power.curves : [power];
  if (curves.length === 0) throw new RangeError("renderPowerReport needs at least one power curve");
  const shared = "curves" in power ? settingsOf(power) : {};
  const s = { ...settingsOf(curves[0]), ...shared };
  const get = (k: string): string => escapeHtml(typeof s[k] === "number" || typeof s[k] === "string" ? String(s[k]) : "n/a");
  const deltas = curves.map((c) => settingsOf(c).delta);
  const deltaText = (d: unknown): string => (typeof d === "number" ? escapeHtml(formatDelta(d)) : "n/a");
  const single = curves.length === 1;
  const deltaSettings = single
    ? `layer effect δ = ${get("delta")}`
    : `layer effect δ = ${deltas.map(deltaText).join(", ")} (one curve each${s.deltasSource === "command default" ? "; the command's default list, chosen to show where power falls off — the generator's default δ is 0.5, docs/methods.md §8.1 in the cxm-dematel repository" : ""})`;
  const omega = num(s, "omega", 0);
  const heterogeneity =
    omega > 0
      ? `the layer positions ℓ replaced in every simulated study by its own component positions ℓ + ω·z, z ~ N(0, 1), with within-layer heterogeneity ω = ${get("omega")} layer units (components of one layer differ; the curve is the power averaged over such populations and may level off below 1)`
      : "every component of a layer alike (within-layer heterogeneity ω = 0)";
  const alpha = num(s, "significanceLevel", 0.05);

  // Verdict: the smallest K with 80% power, per δ.
  const verdictFor = (c: PowerReportCurve): string => {
    const k = smallestAdequatePanel(c);
    return k !== undefined ? `${k} experts are enough for 80% power` : `none of the panel sizes tried (up to ${Math.max(...c.panelSizes)}) reaches 80% power`;
  };
  const verdict = single
    ? `<p class="verdict">With these settings, ${verdictFor(curves[0])}.</p>`
    : `<div class="verdict">Smallest panel with 80% power, with these settings:<ul>${curves.map((c, i) => `<li>δ = ${deltaText(deltas[i])}: ${verdictFor(c)}</li>`).join("")}</ul></div>`;

  const notes = powerNotes(curves, model);
  const size = attainableSizeSentence(model, alpha, s);

  // Table K × δ (rows: every K of any curve).
  const ks = [...new Set(curves.flatMap((c) => [...c.panelSizes]))].sort((a, b) => a - b);
  const cell = (c: PowerReportCurve, k: number): string => {
    const i = c.panelSizes.indexOf(k);
    if (i < 0) return "<td></td>";
    return `<td>${c.power[i].toFixed(3)}${c.mcse ? ` <small>± ${c.mcse[i].toFixed(3)}</small>` : ""}${single && c.rejections ? `</td><td>${c.rejections[i]}` : ""}</td>`;
  };
  const head = single
    ? `<th>experts K</th><th>power ± MCSE</th>${curves[0].rejections ? "<th>rejections</th>" : ""}`
    : `<th>experts K</th>${deltas.map((d) => `<th>δ = ${deltaText(d)}</th>`).join("")}`;
  const table =
    `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>` +
    ks.map((k) => `<tr><td>${k}</td>${curves.map((c) => cell(c, k)).join("")}</tr>`).join("") +
    `</tbody></table></div>`;

  const body = [
    `<header><h1>How many experts does a study need?</h1><p class="meta">${escapeHtml(model.title ?? "model")} · ${escapeHtml(TOOL.name)} ${escapeHtml(TOOL.version)}${options.date ? " · " + escapeHtml(options.date) : ""}</p></header>`,
    `<div class="banner">SYNTHETIC SIMULATION<small>Every panel here is simulated; the curves show what a study of a given size could detect if the stated model were true.</small></div>`,
    `<p>Each simulated expert k rates i → j as round(clip(μ<sub>ij</sub> + b<sub>k</sub> + ε, 0, ${get("scaleMax")})) with μ<sub>ij</sub> = c + δ·(ℓ(j) − ℓ(i)), c = ${get("c")}, ${deltaSettings}, ${heterogeneity}, expert bias b<sub>k</sub> ~ N(0, ${get("tau")}²) and noise ε ~ N(0, ${get("sigma")}²) (docs/methods.md §8.1 in the cxm-dematel repository). For each panel size${single ? "" : " and δ"}, ${get("sims")} panels were analysed and tested with the exact trend test; power is the share with p &lt; ${get("significanceLevel")}. Seed ${get("seed")}${single ? "" : " (the same simulation seeds for every δ, so each curve equals a run with that δ alone)"}.</p>`,
    "pilot" in power && power.pilot ? pilotParagraph(power.pilot, "band" in power ? power.band : undefined) : "",
    verdict,
    notes.length ? `<div class="notice">${notes.map((n) => `<p>${escapeHtml(n)}</p>`).join("")}</div>` : "",
    `<div class="plot" id="fig1" role="img" aria-label="Power against the number of experts${single ? "" : ", one line per δ"}"></div>`,
    size ? `<p class="small">${size}</p>` : "",
    table,
    model.citation ? `<p class="small">Model: ${escapeHtml(model.citation)}</p>` : "",
  ].join("\n");
  return htmlPage({
    title: "Power of the layer trend test",
    body,
    figures: [{ id: "fig1", figure: "band" in power && power.band ? pilotBandPlot(curves[0], power.band) : powerCurvePlot(curves) }],
    plotlyJs: options.plotlyJs,
  });
}

/** The two sentences on the exact test's attainable size (escaped HTML), or "" when the model has too few layers. */
function attainableSizeSentence(model: Model, alpha: number, s: Record<string, unknown>): string {
  const test = (s.test ?? {}) as Record<string, unknown>;
  let a: AttainableSize | undefined;
  try {
    a = attainableTrendSize(model, alpha, { maxExact: typeof test.maxExact === "number" ? test.maxExact : 1e6 });
  } catch {
    return "";
  }
  const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
  if (!a) {
    return escapeHtml(
      `The layers have too many assignments to enumerate, so the trend test draws a Monte Carlo sample of them and reports p = (b + 1)/(B + 1); its rejection rate under the null (δ = 0) is at most α = ${alpha}.`,
    );
  }
  return escapeHtml(
    `The exact trend test is discrete: S_trend takes only a few distinct values over the ${a.assignments.toLocaleString("en-US")} assignments of layer sizes ${a.sizes.join(", ")}, so no rule "p < α" rejects exactly ${pct(alpha)} of panels under the null. ` +
      `Its attainable size here is ${pct(a.size)} (computed from every assignment), so with δ = 0 the curve should sit near ${pct(a.size)}, not ${pct(alpha)}, and every power figure is that of a test slightly more cautious than its nominal level.`,
  );
}

/** The estimates of a pilot panel, their standard errors and the band, in words (escaped HTML). */
function pilotParagraph(pilot: PilotSummary, band: PilotPowerBand | undefined): string {
  const e = pilot.estimates;
  const se = pilot.standardErrors;
  const est = (name: string, k: keyof PilotParameters): string => `${name} = ${e[k].toFixed(3)} (SE ${se[k].toFixed(3)})`;
  const text =
    `Calibrated from the pilot panel ${pilot.file} (${pilot.expertCount} experts; moment estimates, standard errors from ${pilot.bootstrap.replicates.toLocaleString("en-US")} bootstrap resamples of the experts, seed ${pilot.bootstrap.seed}; docs/methods.md §8.6 in the cxm-dematel repository): ` +
    [est("δ", "delta"), est("ω", "omega"), est("σ", "sigma"), est("τ", "tau"), est("c", "c")].join(", ") +
    "." +
    (band
      ? ` The shaded band holds ${Math.round(100 * band.level)}% of the power curves of ${band.draws} parameter sets drawn from those resamples (${band.sims} panels each, the same seeds for all), so it shows what the pilot's uncertainty means for the plan.`
      : "");
  return `<p>${escapeHtml(text)}</p>${pilot.notes.length ? `<div class="notice">${pilot.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join("")}</div>` : ""}`;
}
