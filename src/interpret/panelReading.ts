import { plotNumber } from "../plots/plotlyFigure.js";

/** What {@link panelReading} reads: the panel-quality figures of `panelQuality`. */
export interface PanelReadingInput {
  expertCount: number;
  components?: number;
  finalGap: number;
  consensusLevel?: number;
  consensus: boolean;
  gapBaseline?: { B: number; draws?: number; seed: number; median: number; p05: number; share: number; standardError?: number };
  krippendorffAlpha: { interval: number; ordinal: number };
}

const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(2)}%` : "n/a");
const num = (x: number): string => (Number.isFinite(x) ? plotNumber(x, 3) : "n/a");

/** The share of no-agreement panels as text (docs/methods.md §3.1); it is never 0, since the observed panel is counted. */
function shareText(share: number): string {
  if (!Number.isFinite(share)) return "n/a";
  if (share < 0.001) return "< 0.1%";
  return `${+(100 * share).toFixed(1)}%`;
}

/** "2,000 panels", or "120 panels (the sequential rule stopped there, at most 2,000)" when it stopped early. */
function panelsText(b: { B: number; draws?: number }): string {
  const drawn = b.draws ?? b.B;
  if (drawn >= b.B) return `${b.B.toLocaleString("en-US")} panels`;
  return `${drawn.toLocaleString("en-US")} panels, where the sequential rule of docs/methods.md §3.1 stopped, of at most ${b.B.toLocaleString("en-US")}`;
}

/** The gap ratio read against its no-agreement baseline (docs/methods.md §3.1). */
function consensusText(p: PanelReadingInput): string {
  const level = p.consensusLevel ?? 0.05;
  const head = `Consensus gap ratio after all ${p.expertCount} experts: ${pct(p.finalGap)} (the conventional rule of DEMATEL studies asks for below ${+(100 * level).toFixed(6)}%, which any panel meets once it is large enough, since the gap shrinks like 1/K).`;
  const b = p.gapBaseline;
  if (!b || !Number.isFinite(b.share)) return `${head} No no-agreement baseline: it needs at least two experts.`;
  const base =
    ` Panels of the same size and scale with no agreement (each expert's ratings shuffled over the cells, ${panelsText(b)}, seed ${b.seed}) end at a median of ${pct(b.median)} (5th percentile ${pct(b.p05)}); ` +
    `${shareText(b.share)} of them end at or below the observed gap${b.standardError !== undefined && b.draws !== undefined && b.draws < b.B ? ` (Monte Carlo standard error ${+(100 * b.standardError).toFixed(1)} points)` : ""}.`;
  const verdict = p.consensus
    ? " Consensus beyond chance: the final gap is smaller than in at least 95% of the no-agreement panels. This says the experts agree more than chance, not how strongly: Krippendorff's alpha says that."
    : b.share > 0.95
      ? " No consensus beyond chance: the final gap is larger than in at least 95% of the no-agreement panels, so the last expert moves the average more than a random rater of the same scale would."
      : " No consensus beyond chance: the final gap is within the range of panels with no agreement at all.";
  return head + base + verdict + " The gap depends on the order of the experts in the file (it measures how much the last expert moves the average).";
}

/** Krippendorff's alpha with its conventional thresholds (Krippendorff 2004) and what they mean for a decision (docs/methods.md §3.2). */
function alphaText(p: PanelReadingInput): string {
  const a = p.krippendorffAlpha;
  const cells = p.components !== undefined ? ` over the ${p.components * (p.components - 1)} off-diagonal cells` : "";
  const head = `Krippendorff's alpha${cells}: interval ${num(a.interval)}, ordinal ${num(a.ordinal)} (1 = perfect agreement, 0 = no better than chance; Krippendorff 2004: ≥ 0.800 reliable, ≥ 0.667 tentative conclusions only).`;
  const low = Math.min(a.interval, a.ordinal);
  if (Number.isNaN(low)) return `${head} Alpha is undefined here.`;
  if (low >= 0.8) return `${head} The ratings are reliable by that convention: conclusions may rest on them.`;
  if (low >= 0.667)
    return `${head} Tentative by that convention: treat conclusions as provisional and confirm the ones a decision depends on (more experts, or a second round) before acting on them.`;
  return `${head} Below Krippendorff's bar for tentative conclusions: the experts do not rate the cells alike, so read the results as the panel's average view, and base a decision only on conclusions that also hold in the bootstrap and the sensitivity table.`;
}

/**
 * The panel-quality figures in plain words (plain text, not escaped): the
 * final gap ratio against its no-agreement baseline, and Krippendorff's alpha
 * with its conventional thresholds and what they mean for the user's decision
 * (docs/methods.md §3.1–3.2). No confidence level is attached to the gap:
 * no source defines one.
 * @example
 * panelReading(result.panel).consensus; // "Consensus gap ratio after all 14 experts: 4.12% (…"
 */
export function panelReading(p: PanelReadingInput): { consensus: string; alpha: string } {
  return { consensus: consensusText(p), alpha: alphaText(p) };
}
