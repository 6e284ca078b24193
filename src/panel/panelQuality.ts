import type { Matrix } from "../types.js";
import type { DematelResult } from "../core/dematel.js";
import { resolveSettings, type DematelSettings, type DematelSettingsInput } from "../core/dematelSettings.js";
import { panelDematel } from "../core/panelDematel.js";
import { assertPanel } from "../linalg/assertPanel.js";
import { gapRatio, type GapRatioResult } from "./gapRatio.js";
import { CONSENSUS_LEVEL, GAP_BASELINE_DRAWS, gapRatioBaseline, type GapRatioBaseline } from "./gapRatioBaseline.js";
import { alphaReading, type AlphaReading } from "./alphaReading.js";
import { krippendorffAlphas } from "../stats/krippendorffAlpha.js";
import { expertDistances } from "./expertDistances.js";
import { leaveOneOut as leaveEachOut, type LeaveOneOutRun } from "./leaveOneOut.js";

/** Options of {@link panelQuality}. */
export interface PanelQualityOptions {
  /** The DEMATEL settings of the whole-panel and leave-one-out runs (aggregation, weights, normalisation, ε; default all defaults). The gap ratio, alpha and distances are unweighted. */
  settings?: DematelSettingsInput | DematelSettings;
  /** The whole panel's DEMATEL result under `settings`, when the caller has it (default: computed here). */
  baseline?: DematelResult;
  /** The leave-one-out runs under `settings` (`leaveOneOut`), when the caller has them (default: computed here). */
  leaveOneOut?: readonly LeaveOneOutRun[];
  /** The conventional rule of DEMATEL studies: the final gap ratio is compared with this share (default 0.05, i.e. 5%); reported, but consensus is read against the baseline. */
  consensusLevel?: number;
  /** Shuffled no-agreement panels of the gap-ratio baseline ({@link gapRatioBaseline}; default 2,000). */
  baselineDraws?: number;
  /** Seed of the baseline's shuffles (default 1). */
  seed?: number;
  /**
   * The gap-ratio baseline of these matrices with `baselineDraws` and `seed`, when the caller has it, or a function
   * giving it, called once when it is needed (so that a baseline computed elsewhere is waited for as late as possible;
   * default: computed here).
   */
  gapBaseline?: GapRatioBaseline | (() => GapRatioBaseline);
  /** Expert labels for the report (default `"1"`, `"2"`, …). */
  labels?: readonly string[];
}

/** One expert's distance from the mean of the others. */
export interface ExpertDistance {
  /** 0-based index of the expert in the panel. */
  expertIndex: number;
  label: string;
  distance: number;
}

/** How much the DEMATEL results move when one expert is left out. */
export interface LeaveOneOutEffect {
  /** 0-based index of the expert left out. */
  expertIndex: number;
  label: string;
  /** max_i |relation_i(all) − relation_i(without this expert)|; NaN when either run has no solution. */
  maxRelationChange: number;
  /** max_ij |t_ij(all) − t_ij(without this expert)|; NaN when either run has no solution. */
  maxTotalChange: number;
}

/** Panel-quality figures of {@link panelQuality}. */
export interface PanelQuality {
  /** K, the number of experts. */
  expertCount: number;
  /** n, the number of components. */
  components: number;
  /** gap(p) for p = 2..K (empty when K = 1); depends on expert order. */
  gapRatio: GapRatioResult;
  /** gap(K), NaN when K = 1. */
  finalGap: number;
  consensusLevel: number;
  /** finalGap < consensusLevel: the conventional 5% rule, which any panel passes once K is large enough (false when K = 1). */
  belowConventionalLevel: boolean;
  /** The final gap against panels with no agreement (docs/methods.md §3.1); NaN figures when K = 1. */
  gapBaseline: GapRatioBaseline;
  /** Consensus beyond chance: gapBaseline.share ≤ 0.05, i.e. the final gap is smaller than that of at least 95% of no-agreement panels (false when K = 1). */
  consensus: boolean;
  /** Krippendorff's alpha over the n(n−1) off-diagonal cells; NaN when undefined (K = 1, n = 1, or no variation). */
  krippendorffAlpha: { interval: number; ordinal: number };
  /** Krippendorff's (2004) reading of each alpha: reliable ≥ 0.800, tentative ≥ 0.667, else unreliable. */
  alphaReading: { interval: AlphaReading; ordinal: AlphaReading };
  /** Each expert's distance from the mean of the others (empty when K = 1). */
  distances: ExpertDistance[];
  /** Each expert's leave-one-out effect on T and relation (empty when K = 1). */
  leaveOneOut: LeaveOneOutEffect[];
  /** Plain-language remarks on figures that could not be computed and why. */
  notes: string[];
}

function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Each expert's leave-one-out effect: NaN where the whole panel or the run without the expert has no solution (noted). */
function leaveOneOutEffects(full: DematelResult | undefined, runs: readonly LeaveOneOutRun[], labels: readonly string[], notes: string[]): LeaveOneOutEffect[] {
  return labels.map((label, k) => {
    const run = runs[k];
    if (full && run?.error !== undefined) notes.push(`Leaving out expert ${label} leaves no DEMATEL solution (${run.error}).`);
    const without = run?.result;
    if (!full || !without) return { expertIndex: k, label, maxRelationChange: NaN, maxTotalChange: NaN };
    return {
      expertIndex: k,
      label,
      maxRelationChange: maxAbsDiff(full.relation, without.relation),
      maxTotalChange: full.total.reduce((m, row, i) => Math.max(m, maxAbsDiff(row, without.total[i])), 0),
    };
  });
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Panel quality of a DEMATEL survey (docs/methods.md §3), on one n×n matrix per expert
 * in model component order: the consensus gap-ratio curve and its final value
 * ({@link gapRatio}) against a permutation baseline of panels with no agreement
 * ({@link gapRatioBaseline}; consensus means the final gap is smaller than that
 * of at least 95% of them), Krippendorff's alpha at the interval and ordinal levels
 * ({@link krippendorffAlpha}), each expert's distance from the others
 * ({@link expertDistances}), and each expert's leave-one-out effect: the largest
 * change of any relation D−R (and of any t_ij) when the panel's DEMATEL is
 * rerun without that expert (same settings as the whole-panel run; the
 * runs are computed once per analysis and shared with sensitivity).
 * A single expert is accepted: alpha is NaN, there is no gap curve, no
 * distances and no leave-one-out effects, and `notes` says so.
 * Sources: gap ratio — the 5% rule of DEMATEL studies, read against its
 * permutation baseline (docs/methods.md §3.1); alpha — Krippendorff (2011), read
 * by Krippendorff's (2004) thresholds ({@link alphaReading}); expert distances and leave-one-out — docs/methods.md §3.3–3.4.
 * @throws {RangeError} on no matrices, matrices of different sizes, invalid weights or an invalid consensus level.
 * @throws {TypeError} on a rating that is not a finite number.
 * @example
 * const q = panelQuality([[[0, 3], [1, 0]], [[0, 4], [1, 0]], [[0, 3], [2, 0]]]);
 * q.gapRatio.panelSizes; // [2, 3]
 */
export function panelQuality(matrices: readonly Matrix[], options: PanelQualityOptions = {}): PanelQuality {
  const n = assertPanel(matrices, "panelQuality");
  const K = matrices.length;
  const consensusLevel = options.consensusLevel ?? 0.05;
  if (!Number.isFinite(consensusLevel) || consensusLevel <= 0) throw new RangeError(`consensusLevel must be a positive number, got ${consensusLevel}`);
  const settings = resolveSettings(options.settings, K);
  const labels = options.labels ?? Array.from({ length: K }, (_, k) => String(k + 1));
  if (labels.length !== K) throw new RangeError(`panelQuality needs one label per expert: ${K} matrices, ${labels.length} labels`);
  const notes: string[] = [];

  const curve = gapRatio(matrices);
  const finalGap = K >= 2 ? curve.gap[curve.gap.length - 1] : NaN;
  const alpha = krippendorffAlphas(matrices);
  const given = options.gapBaseline;
  const gapBaseline =
    typeof given === "function" ? given() : (given ?? gapRatioBaseline(matrices, { B: options.baselineDraws ?? GAP_BASELINE_DRAWS, seed: options.seed ?? 1 }));
  const figures = {
    expertCount: K,
    components: n,
    gapRatio: curve,
    finalGap,
    consensusLevel,
    belowConventionalLevel: finalGap < consensusLevel,
    gapBaseline,
    consensus: K >= 2 && gapBaseline.share <= CONSENSUS_LEVEL,
    krippendorffAlpha: alpha,
    alphaReading: { interval: alphaReading(alpha.interval), ordinal: alphaReading(alpha.ordinal) },
  };
  if (K < 2) {
    notes.push("Only one expert: the gap ratio, its baseline, Krippendorff's alpha, expert distances and leave-one-out effects need at least two.");
    return { ...figures, distances: [], leaveOneOut: [], notes };
  }
  if (n < 2) notes.push("A 1×1 model has no off-diagonal cell: gap ratios are 0 and alpha is undefined.");
  else if (Number.isNaN(alpha.interval))
    notes.push("Krippendorff's alpha is undefined: every expert gave every cell the same value, so there is no variation to agree on.");

  const distances = expertDistances(matrices).map((distance, k) => ({ expertIndex: k, label: labels[k], distance }));

  const ids = Array.from({ length: n }, (_, i) => String(i));
  let full = options.baseline;
  if (!full) {
    try {
      full = panelDematel(matrices, settings, ids);
    } catch (e) {
      notes.push(`Leave-one-out effects not computed: DEMATEL has no solution for the whole panel (${reason(e)}).`);
    }
  }
  const runs = full ? (options.leaveOneOut ?? leaveEachOut(matrices, settings, ids)) : [];
  const leaveOneOut = leaveOneOutEffects(full, runs, labels, notes);
  return {
    ...figures,
    distances,
    leaveOneOut,
    notes,
  };
}
