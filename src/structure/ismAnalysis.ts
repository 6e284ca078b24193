import type { IsmInput } from "../io/readSsim.js";
import { combineSsim } from "./combineSsim.js";
import { ssimToReachability } from "./ssimToReachability.js";
import { missingTransitiveEntries, transitiveClosure } from "./transitiveClosure.js";
import { levelPartition, type LevelPartition } from "./levelPartition.js";
import { micmac, type MicmacQuadrant } from "./micmac.js";

/** A directed entry of a reachability matrix, by component id. */
export interface IsmLink {
  from: string;
  to: string;
}

/** Outcome of {@link ismAnalysis}: what `cxm-dematel ism --json` prints. */
export interface IsmAnalysis {
  components: string[];
  /** What the file held. */
  source: "ssim" | "reachability";
  /** Number of experts' SSIMs combined (0 for a reachability matrix). */
  experts: number;
  /** Pairs whose combined code was a tie (several experts' SSIMs only). */
  ties: Array<IsmLink & { votes: Record<string, number>; tied: string[]; chosen: string }>;
  /** The initial reachability matrix: from the SSIM, or the matrix as given. */
  initial: number[][];
  /** The final reachability matrix, which is partitioned. */
  reachability: number[][];
  /** Entries the transitive closure added (the "1*" entries); empty for a reachability matrix taken as given. */
  added: IsmLink[];
  /** Whether the final reachability matrix is transitive. */
  transitive: boolean;
  /** Entries the given matrix lacks to be transitive (one step i → k → j), when it was given; empty for an SSIM. */
  missing: IsmLink[];
  /** Whether the final matrix is the transitive closure of the initial one (always for an SSIM; with `close` for a given matrix). */
  closed: boolean;
  levels: string[][];
  iterations: LevelPartition["iterations"];
  /** Present when the level partition stopped (a non-transitive matrix): the iteration at which no component could be placed. */
  stoppedAt?: number;
  micmac: Array<{ id: string; driving: number; dependence: number; quadrant: MicmacQuadrant }>;
  /** The MICMAC quadrant boundary n/2: strictly above is high. */
  midpoint: number;
}

/**
 * ISM from experts (docs/methods.md §6.7): from one or several SSIMs
 * (combined by majority, ties reported, {@link combineSsim}) the initial
 * reachability matrix ({@link ssimToReachability}), closed transitively
 * with the added entries marked ({@link transitiveClosure}); or a 0/1
 * reachability matrix taken as the final one, checked for transitivity
 * (the missing entries listed) and, with `close`, closed first. Then the
 * level partition with every iteration's sets ({@link levelPartition}) and
 * MICMAC driving power, dependence and quadrant ({@link micmac}, §6.4).
 * @param input what `readSsim` read.
 * @param options `close`: close a given reachability matrix before partitioning (default false; an SSIM's matrix is always closed).
 * @throws {RangeError} on malformed input (readSsim never gives any).
 * @example
 * ismAnalysis({ kind: "reachability", components: ["A", "B"], matrix: [[1, 1], [0, 1]] }).levels; // [["B"], ["A"]]
 */
export function ismAnalysis(input: IsmInput, options: { close?: boolean } = {}): IsmAnalysis {
  const ids = input.components;
  const link = ([i, j]: [number, number]): IsmLink => ({ from: ids[i], to: ids[j] });
  let initial: number[][];
  let ties: IsmAnalysis["ties"] = [];
  if (input.kind === "ssim") {
    const combined = combineSsim(input.experts.map((e) => e.codes));
    ties = combined.ties.map((t) => ({ ...link([t.row, t.column]), votes: { ...t.votes }, tied: [...t.tied], chosen: t.chosen }));
    initial = ssimToReachability(combined.codes);
  } else initial = input.matrix.map((r) => r.slice());
  const close = input.kind === "ssim" || options.close === true;
  const missing = input.kind === "reachability" ? missingTransitiveEntries(initial).map(link) : [];
  const closure = close ? transitiveClosure(initial) : { reachability: initial.map((r) => r.slice()), added: [] };
  const partition = levelPartition(closure.reachability, ids);
  const m = micmac(closure.reachability, ids);
  return {
    components: [...ids],
    source: input.kind,
    experts: input.kind === "ssim" ? input.experts.length : 0,
    ties,
    initial,
    reachability: closure.reachability,
    added: closure.added.map(link),
    transitive: close || missing.length === 0,
    missing,
    closed: close,
    levels: partition.levels,
    iterations: partition.iterations,
    ...(partition.stoppedAt !== undefined ? { stoppedAt: partition.stoppedAt } : {}),
    micmac: ids.map((id, i) => ({ id, driving: m.driving[i], dependence: m.dependence[i], quadrant: m.quadrant[i] })),
    midpoint: m.midpoint,
  };
}
