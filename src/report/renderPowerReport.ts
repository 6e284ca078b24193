import type { Model } from "../types.js";
import { powerCurvePlot, type PowerCurveInput } from "../plots/powerCurvePlot.js";
import { escapeHtml } from "./escapeHtml.js";
import { htmlPage } from "./htmlPage.js";
import { TOOL } from "./tool.js";

/** What {@link renderPowerReport} reads: a `powerCurve` result. */
export interface PowerReportInput extends PowerCurveInput {
  rejections?: readonly number[];
  settings: object;
}

/**
 * A self-contained HTML page for a power simulation (METHODS §7): what was
 * simulated in plain words (the generative model and every setting), the
 * power curve with Monte Carlo error bars, the smallest panel size that
 * reaches 80% power, and the table of power per K. The Plotly library is
 * inlined once; the model's title and citation are escaped.
 * Source: METHODS §7 (this project's generative model).
 * @throws {TypeError} when `plotlyJs` is empty.
 * @example
 * renderPowerReport(await powerCurve(model, { sims: 500 }), model, { plotlyJs });
 */
export function renderPowerReport(power: PowerReportInput, model: Model, options: { plotlyJs: string; date?: string }): string {
  const s = power.settings as Record<string, unknown>;
  const get = (k: string): string => escapeHtml(typeof s[k] === "number" || typeof s[k] === "string" ? String(s[k]) : "n/a");
  const enough = power.experts.find((_, i) => power.power[i] >= 0.8);
  const body = [
    `<header><h1>How many experts does a study need?</h1><p class="meta">${escapeHtml(model.title ?? "model")} · ${escapeHtml(TOOL.name)} ${escapeHtml(TOOL.version)}${options.date ? " · " + escapeHtml(options.date) : ""}</p></header>`,
    `<div class="banner">SYNTHETIC SIMULATION<small>Every panel here is simulated; the curve shows what a study of a given size could detect if the stated model were true.</small></div>`,
    `<p>Each simulated expert k rates i → j as round(clip(μ<sub>ij</sub> + b<sub>k</sub> + ε, 0, ${get("scaleMax")})) with μ<sub>ij</sub> = c + δ·(ℓ(j) − ℓ(i)), c = ${get("c")}, layer effect δ = ${get("delta")}, expert bias b<sub>k</sub> ~ N(0, ${get("tau")}²) and noise ε ~ N(0, ${get("sigma")}²) (METHODS §7). For each panel size, ${get("sims")} panels were analysed and tested with the exact trend test; power is the share with p &lt; ${get("alpha")}. Seed ${get("seed")}.</p>`,
    `<p class="verdict">${enough !== undefined ? `With these settings, ${enough} experts are enough for 80% power.` : `With these settings, none of the panel sizes tried (up to ${Math.max(...power.experts)}) reaches 80% power.`}</p>`,
    `<div class="plot" id="fig1" role="img" aria-label="Power against the number of experts"></div>`,
    `<div class="table-wrap"><table><thead><tr><th>experts K</th><th>power</th><th>± MCSE</th>${power.rejections ? "<th>rejections</th>" : ""}</tr></thead><tbody>` +
      power.experts.map((k, i) => `<tr><td>${k}</td><td>${power.power[i].toFixed(3)}</td><td>${power.mcse ? power.mcse[i].toFixed(3) : ""}</td>${power.rejections ? `<td>${power.rejections[i]}</td>` : ""}</tr>`).join("") +
      `</tbody></table></div>`,
    model.citation ? `<p class="small">Model: ${escapeHtml(model.citation)}</p>` : "",
  ].join("\n");
  return htmlPage({ title: "Power of the layer trend test", body, figures: [{ id: "fig1", figure: powerCurvePlot(power) }], plotlyJs: options.plotlyJs });
}
