import type { Matrix } from "../types.js";
import { assertSquare } from "../linalg/linalg.js";
import { transitiveClosure } from "./transitiveClosure.js";
import { levelPartition } from "./levelPartition.js";

/** Outcome of {@link ismLevels}. */
export interface IsmLevels {
  components: string[];
  /** The initial reachability matrix M = [t_ij > α] ∨ I (0/1). */
  initial: number[][];
  /** The final reachability matrix: the transitive closure of M (0/1). */
  reachability: number[][];
  /** Component ids per level; `levels[0]` is level 1, the top. */
  levels: string[][];
  /** Each component's level, 1 = top, in component order. */
  levelOf: number[];
}

/**
 * ISM (interpretive structural modelling) levels from a thresholded
 * total-relation matrix (docs/methods.md §6.3; Warfield 1973, "Binary matrices in
 * system modeling", IEEE Trans. Systems, Man and Cybernetics SMC-3(5),
 * 441–448; Warfield 1974, Structuring Complex Systems, Battelle Monograph 4):
 * 1. initial reachability M = [t_ij > α] ∨ I (i reaches j when its total influence on j exceeds α; everyone reaches itself);
 * 2. final reachability: the transitive closure of M (Warshall 1962);
 * 3. level partition: among the components not yet placed, component i is at
 *    the current top level when its reachability set R(i) = {j : M_ij = 1}
 *    equals R(i) ∩ A(i), A(i) = {j : M_ji = 1} its antecedent set; place them,
 *    remove them, repeat. Components on a common cycle share a level.
 *
 * How levels relate to layers: ISM's top level (level 1) holds the
 * components the others reach, the ultimate effects; the bottom (highest
 * numbered) level holds the root drivers. So the bottom ISM level corresponds
 * to the outermost proposed layer and level 1 to the innermost.
 * @param total the total-relation matrix T.
 * @param threshold the impact-relation map's threshold value α (edges are t_ij > α), e.g. `dematel(...).threshold.value`.
 * @param components component ids in matrix order.
 * @throws {RangeError} when T is not square, α is not finite, or the ids do not match T.
 * @example
 * ismLevels([[0, 1], [0, 0]], 0.5, ["A", "B"]).levels; // [["B"], ["A"]]
 */
export function ismLevels(total: Matrix, threshold: number, components: readonly string[]): IsmLevels {
  const n = assertSquare(total, "total-relation matrix");
  if (!Number.isFinite(threshold)) throw new RangeError(`ismLevels needs a finite threshold α, got ${threshold}`);
  if (components.length !== n) throw new RangeError(`ismLevels: ${components.length} component ids for a ${n}×${n} matrix`);
  const initial = total.map((row, i) => row.map((t, j) => (i === j || t > threshold ? 1 : 0)));
  const reach = transitiveClosure(initial).reachability;
  const { levels, levelOf, stoppedAt } = levelPartition(reach, components);
  // A transitive closure always partitions (docs/methods.md §6.3).
  if (stoppedAt !== undefined) throw new Error("ISM level partition found no top level; the reachability matrix is not transitive");
  return { components: [...components], initial, reachability: reach, levels, levelOf };
}
