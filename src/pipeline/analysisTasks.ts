/**
 * Internal: the stages of an analysis that may run on a worker thread (threadTask.ts), each a plain function
 * of a structured-clone input, so that it computes the same numbers wherever it runs. The experts' matrices
 * travel as one Float64Array in shared memory (not as K·n arrays, and not copied per worker). Not part of the public API.
 */
import type { Matrix, Model } from "../types.js";
import type { DematelResult } from "../core/dematel.js";
import { resolveSettings, type DematelSettings } from "../core/dematelSettings.js";
import { gapRatioBaseline, type GapRatioBaseline } from "../panel/gapRatioBaseline.js";
import { bootstrapRunner, planBootstrap } from "../uncertainty/bootstrapExperts.js";
import { claimChunks, type ClaimedChunks, type SharedCounters } from "./sharedBootstrap.js";
import { chunkCount } from "../uncertainty/resampleExperts.js";

/** K n×n matrices, row-major one after another. */
export interface PackedMatrices {
  K: number;
  n: number;
  values: Float64Array;
}

/** The matrices as one Float64Array in shared memory (posted to every worker without a copy). */
export function packMatrices(matrices: readonly Matrix[]): PackedMatrices {
  const K = matrices.length;
  const n = K === 0 ? 0 : matrices[0].length;
  const values = new Float64Array(new SharedArrayBuffer(K * n * n * Float64Array.BYTES_PER_ELEMENT));
  matrices.forEach((rows, k) => rows.forEach((row, i) => values.set(row, (k * n + i) * n)));
  return { K, n, values };
}

/** The matrices back as arrays of rows. */
export function unpackMatrices(p: PackedMatrices): Matrix[] {
  const { K, n, values } = p;
  return Array.from({ length: K }, (_, k) => Array.from({ length: n }, (_, i) => Array.from(values.subarray((k * n + i) * n, (k * n + i + 1) * n))));
}

/** Each task's input and output. */
interface AnalysisTasks {
  /** The gap ratio's permutation baseline (panel quality, docs/methods.md §3.1). */
  gapBaseline: { input: { matrices: PackedMatrices; B: number; seed: number }; output: GapRatioBaseline };
  /** Chunks of the bootstrap over experts (uncertainty, docs/methods.md §7), taken from counters shared with the other threads. */
  bootstrapChunks: {
    input: { matrices: PackedMatrices; model: Model; B: number; seed: number; settings: DematelSettings; baseline: DematelResult; shared: SharedCounters };
    output: ClaimedChunks;
  };
}

export type AnalysisTaskName = keyof AnalysisTasks;
export type AnalysisTaskInput<N extends AnalysisTaskName> = AnalysisTasks[N]["input"];
export type AnalysisTaskOutput<N extends AnalysisTaskName> = AnalysisTasks[N]["output"];

/**
 * Run task `name` on `input` here.
 * @example
 * runAnalysisTask("gapBaseline", { matrices: packMatrices(matrices), B: 2000, seed: 1 }).share;
 */
export function runAnalysisTask<N extends AnalysisTaskName>(name: N, input: AnalysisTaskInput<N>): AnalysisTaskOutput<N> {
  if (name === "gapBaseline") {
    const i = input as AnalysisTaskInput<"gapBaseline">;
    return gapRatioBaseline(unpackMatrices(i.matrices), { B: i.B, seed: i.seed }) as AnalysisTaskOutput<N>;
  }
  const i = input as AnalysisTaskInput<"bootstrapChunks">;
  // Every chunk already taken (the other threads were quicker): nothing to prepare.
  if (Atomics.load(i.shared.claim, 0) >= chunkCount(i.B)) return { parts: [] } as AnalysisTaskOutput<N>;
  // A resolved settings object loses its mark in a structured clone; resolving its fields again gives the same settings.
  const settings = resolveSettings(i.settings, i.matrices.K);
  const plan = planBootstrap(unpackMatrices(i.matrices), i.model, { B: i.B, seed: i.seed, settings, baseline: i.baseline });
  return claimChunks(plan, () => bootstrapRunner(plan), i.shared) as AnalysisTaskOutput<N>;
}
