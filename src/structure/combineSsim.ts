import type { SsimCode } from "../types.js";
import { SSIM_CODES } from "./ssimToReachability.js";

/** A pair whose SSIM code no single majority decides, as {@link combineSsim} reports it. */
export interface SsimTie {
  /** Row and column index of the pair (row < column). */
  row: number;
  column: number;
  /** How many experts gave each code. */
  votes: Record<SsimCode, number>;
  /** The codes with the most votes, in V, A, X, O order. */
  tied: SsimCode[];
  /** The code used: the union of the tied codes' relations. */
  chosen: SsimCode;
}

/** Outcome of {@link combineSsim}. */
export interface CombinedSsim {
  /** The combined SSIM: codes above the diagonal, null elsewhere. */
  codes: Array<Array<SsimCode | null>>;
  ties: SsimTie[];
}

/**
 * Combine several experts' SSIMs by majority (docs/methods.md §6.7): for each
 * pair i < j the code given by the most experts wins. When two or more codes
 * share the largest count the pair is a tie, reported, and resolved by the
 * union of the relations the tied codes stand for (i → j when any tied code
 * has it, likewise j → i): V with A gives X, V with O gives V, A with O gives
 * A, anything with X gives X. The union keeps every relation some equally
 * large group of experts saw, rather than dropping one by an arbitrary order
 * (this project's convention).
 * @param experts one n×n array of codes per expert (only the cells above the diagonal are read).
 * @throws {RangeError} when there is no expert, the arrays differ in size, or a cell above the diagonal is no SSIM code.
 * @example
 * combineSsim([[[null, "V"], [null, null]], [[null, "A"], [null, null]]]).codes[0][1]; // "X" (a tie, reported)
 */
export function combineSsim(experts: ReadonlyArray<ReadonlyArray<ReadonlyArray<SsimCode | null>>>): CombinedSsim {
  if (experts.length === 0) throw new RangeError("combineSsim needs at least one expert's SSIM");
  const n = experts[0].length;
  const codes: Array<Array<SsimCode | null>> = Array.from({ length: n }, () => new Array<SsimCode | null>(n).fill(null));
  const ties: SsimTie[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const votes: Record<SsimCode, number> = { V: 0, A: 0, X: 0, O: 0 };
      experts.forEach((m, e) => {
        if (m.length !== n || !Array.isArray(m[i]) || m[i].length !== n) throw new RangeError(`combineSsim: expert ${e} does not give an ${n}×${n} SSIM`);
        const c = m[i][j];
        if (c !== "V" && c !== "A" && c !== "X" && c !== "O")
          throw new RangeError(`combineSsim: expert ${e}, cell [${i}][${j}] must be V, A, X or O, got ${String(c)}`);
        votes[c]++;
      });
      const most = Math.max(...SSIM_CODES.map((c) => votes[c]));
      const tied = SSIM_CODES.filter((c) => votes[c] === most);
      const chosen = tied.length === 1 ? tied[0] : unionOf(tied);
      codes[i][j] = chosen;
      if (tied.length > 1) ties.push({ row: i, column: j, votes, tied, chosen });
    }
  return { codes, ties };
}

/** The code of the union of the codes' relations (i → j from V or X, j → i from A or X). */
function unionOf(tied: readonly SsimCode[]): SsimCode {
  const forward = tied.some((c) => c === "V" || c === "X");
  const backward = tied.some((c) => c === "A" || c === "X");
  return forward ? (backward ? "X" : "V") : backward ? "A" : "O";
}
