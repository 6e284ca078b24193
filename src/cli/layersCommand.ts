import { InputError } from "../errors.js";
import type { Model, Survey } from "../types.js";
import { analyzeSurvey, type AnalysisResult, type LayerAnalysis } from "../pipeline/analyzeSurvey.js";
import { parseCommandLine } from "./parseCommandLine.js";
import { METHOD_OPTIONS, SURVEY_OPTIONS, cliAnalyzeOptions, cliModel, cliSurvey, withCliWorkers, WORKERS_OPTION } from "./cliInputs.js";
import { progressLine } from "./progressLine.js";
import { layeringVerdict } from "../interpret/layeringVerdict.js";
import type { CommandIo } from "./commandIo.js";
import { printWarnings } from "./printWarnings.js";
import { assertLayeredModel } from "../model/assertLayeredModel.js";
import { layersResultsJson } from "../report/layersResultsJson.js";
import { PERMUTATION_NULL_WORDS } from "../interpret/permutationNullWords.js";
import { formatShare } from "../plots/formatShare.js";
import { intervalCaveat } from "../interpret/intervalCaveat.js";
import { formatPValue } from "../interpret/formatPValue.js";

const f = (x: number, d = 3): string => (Number.isFinite(x) ? x.toFixed(d) : "n/a");

/**
 * `cxm-dematel layers [survey] [options]`: does the proposed layering hold?
 * Prints the verdict and the tests (text), or with `--json` the layer
 * results `{ meta, components, relation, trend, flow, signs, orders,
 * suggestedLayer, ism, micmac, agreement, sensitivity, bootstrap, notes,
 * conditioning }` (conditioning: ρ(N) and its warning, docs/methods.md §2.13).
 * @returns the exit status (0).
 * With more than MAX_LAYER_ORDERS (8) layers every test runs except the
 * ranking of all L! layer orders, which is left out with a note saying why.
 * @throws {InputError} when the model has fewer than two layers ({@link assertLayeredModel}); {@link UsageError} on bad options.
 * @example
 * await layersCommand(["--json", "--bootstrap", "2000"], io); // 0, the layer results on stdout
 */
export async function layersCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const cl = parseCommandLine(
    args,
    { ...SURVEY_OPTIONS, ...METHOD_OPTIONS, ...WORKERS_OPTION, json: { type: "boolean" }, quiet: { type: "boolean", short: "q" } },
    1,
    "layers",
  );
  if (cl.values.help) return io.help("layers");
  const json = cl.values.json === true;
  const options = cliAnalyzeOptions(cl, "layers");
  const { model, path: modelPath } = cliModel(cl);
  const file = modelPath ?? "the embedded model";
  const layerCount = assertLayeredModel(model, { file });
  const { survey, label: path } = await cliSurvey(cl, model, "layers");
  if (cl.values.quiet !== true) printWarnings(survey, io);
  const progress = progressLine("bootstrap", cl.values.quiet === true);
  const r = analyzeSurvey(survey, model, { ...withCliWorkers(options), onProgress: (d, t) => progress.update(d, t) });
  const L = r.layers;
  if (!L)
    throw new InputError({
      file,
      column: "layers",
      message: `the layering could not be tested${r.meta.notes.length ? `: ${r.meta.notes.join(" ")}` : ""}`,
      expected: "a model with at least two non-empty layers",
      found: `${layerCount} layers`,
    });
  if (L.bootstrap) progress.finish(`bootstrap: ${L.bootstrap.B.toLocaleString("en-US")} replicates (seed ${L.bootstrap.seed})`);
  // The analysis's own warning (docs/methods.md §2.13), after the survey's; it is also in meta.warnings and the JSON's conditioning.
  if (cl.values.quiet !== true && r.conditioning.warning) printWarnings({ warnings: [{ message: r.conditioning.warning }] }, io);
  if (json) {
    io.stdout(layersResultsJson(r) ?? "");
    return 0;
  }
  io.stdout(layersText(r, L, survey, path, model) + "\n");
  return 0;
}

/** `text` broken into lines of at most 100 characters, each starting with `indent`. */
function wrapped(text: string, indent: string): string {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && indent.length + line.length + 1 + word.length > 100) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out.join("\n");
}

/** The text output: the synthetic-data note, the survey and layers, the verdict, the tests, layer orders, suggested layers, ISM levels, the bootstrap, the sensitivity and the notes. */
function layersText(r: AnalysisResult, L: LayerAnalysis, survey: Survey, path: string, model: Model): string {
  const lines: string[] = [];
  if (survey.synthetic) lines.push("Note: SYNTHETIC example data (see data/README.md); the results are not evidence about the model.", "");
  lines.push(
    `Layer validation of ${path}: ${survey.experts.length} expert${survey.experts.length === 1 ? "" : "s"}, ${r.components.length} components, layers ${(model.layers ?? []).map((l) => `${l.id} (${l.components.join(", ")})`).join(" → ")}`,
    "",
  );
  lines.push(layeringVerdict(L), "");
  const t = L.trend;
  const alpha = `α = ${Math.round(100 * t.attainableSize.significanceLevel)}%`;
  const size = t.attainableSize.size === null ? `size at ${alpha} close to α` : `attainable size at ${alpha}: ${(100 * t.attainableSize.size).toFixed(2)}%`;
  lines.push(
    `  S_trend = ${f(t.statistic)}   p = ${t.p.toPrecision(3)}   (${t.method}, ${t.assignments.toLocaleString("en-US")} assignments; ${size})`,
    `            = ${f(t.shareOfMaximum, 2)} × ${f(t.maximum)}, the largest S_trend these layer sizes allow`,
  );
  lines.push(
    `  S_flow  = ${f(L.flow.statistic)}   p = ${L.flow.p.toPrecision(3)}   (${L.flow.method}, ${L.flow.assignments.toLocaleString("en-US")} assignments)`,
  );
  lines.push(wrapped(PERMUTATION_NULL_WORDS, "  "));
  if (L.orders) lines.push(`  proposed order ranks ${L.orders.proposedRank} of ${L.orders.count} layer orders by S_trend`);
  else lines.push(`  layer orders: not ranked (${L.layers.length} layers; see the note below)`);
  const moved = L.suggestedLayer.filter((s) => !s.agrees);
  lines.push(
    `  suggested layers: ${moved.length === 0 ? "every component stays in its proposed layer" : moved.map((s) => `${s.id} ${s.proposed}→${s.suggested}`).join(", ")}`,
  );
  lines.push(`  ISM levels (top = effects): ${L.ism.levels.map((l, i) => `${i + 1}: ${l.join(" ")}`).join(" | ")}`);
  const st = L.bootstrap?.structure;
  if (st)
    lines.push(
      `  stability over ${st.used} bootstrap panels (share giving the same ISM level / MICMAC class): ${L.components.map((id, i) => `${id} ${f(st.ismLevelSame[i], 2)}/${f(st.micmacSame[i], 2)}`).join(", ")}; same number of ISM levels: ${f(st.levelCountSame, 2)}`,
    );
  if (L.bootstrap) {
    const b = L.bootstrap;
    lines.push("", `Bootstrap (B = ${b.B}, seed ${b.seed}, ${Math.round(100 * b.level)}% percentile intervals):`);
    lines.push(
      `  S_trend [${f(b.trend.lower)}, ${f(b.trend.upper)}] (at its attainable maximum in ${f(100 * b.trendAtMaximum, 1)}% of the resampled panels)   S_flow [${f(b.flow.lower)}, ${f(b.flow.upper)}]   P(layer means fall outer → inner) = ${f(b.pLayerMeansDecrease)}`,
      `  expert-level test (docs/methods.md §7.7): layer slope of the relation share ${f(100 * b.expertTest.estimate, 2)}% of ΣD per layer step, bootstrap SE ${f(100 * b.expertTest.standardError, 2)}, one-sided p = ${formatPValue(b.expertTest.p)} (t, ${b.expertTest.df} df)`,
    );
    b.components.forEach((id, i) =>
      lines.push(
        `  ${id.padEnd(8)} relation ${f(b.relation[i].estimate).padStart(7)} [${f(b.relation[i].lower)}, ${f(b.relation[i].upper)}]  P(cause) = ${formatShare(b.pCause[i], b.B)}`,
      ),
    );
    lines.push(`  P(cause): the share of the ${b.B} resampled panels in which the component is a cause (D−R > 0), not the probability that it is one.`);
    lines.push(wrapped(intervalCaveat(L.expertCount, b.coverage !== undefined), "  "));
    const j = b.jackknife;
    if (j) {
      const pct = (x: { estimate: number; lower: number; upper: number }): string =>
        `${f(100 * x.estimate, 1)} [${f(100 * x.lower, 1)}, ${f(100 * x.upper, 1)}]`;
      lines.push(
        `  Shares of the total influence, %, 95% jackknife-t intervals (coverage 94.5–95.8% in simulation, docs/methods.md §7.6); S_flow [${f(j.flow.lower)}, ${f(j.flow.upper)}]:`,
      );
      b.components.forEach((id, i) => lines.push(`  ${id.padEnd(8)} D/ΣD ${pct(j.givenShare[i])}   (D−R)/ΣD ${pct(j.relationShare[i])}`));
    }
  }
  if (L.sensitivity) {
    const changed = L.sensitivity.scenarios.filter((x) => x.changes.length > 0);
    lines.push("", `Sensitivity: ${changed.length} of ${L.sensitivity.scenarios.length} scenarios change a conclusion${changed.length ? ":" : "."}`);
    for (const x of changed) lines.push(`  ${x.scenario}: ${x.changes.join("; ")}`);
    const m = L.sensitivity.summary;
    const c = m.changedBy;
    lines.push(`  scenarios changing a role: ${c.roles}, a layer test: ${c.tests}, ISM levels: ${c.ism}, a MICMAC class: ${c.micmac}, map links: ${c.edges}`);
    if (m.marginalEdges.length)
      lines.push(
        `  marginal map links (t within ${100 * m.edgeMargin}% of α = ${f(m.marginalEdges[0].threshold)}): ${m.marginalEdges.map((e) => `${e.from}→${e.to} ${f(e.value, 5)} (${e.above ? "in" : "out"})`).join(", ")}`,
      );
  }
  for (const n of L.notes) lines.push(`Note: ${n}`);
  return lines.join("\n");
}
