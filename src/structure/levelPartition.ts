/** One component's sets in one iteration of {@link levelPartition}, as component ids in matrix order. */
export interface LevelPartitionRow {
  id: string;
  /** R(i): the components not yet placed that i reaches (itself included). */
  reachability: string[];
  /** A(i): the components not yet placed that reach i. */
  antecedent: string[];
  /** R(i) ∩ A(i). */
  intersection: string[];
}

/** Outcome of {@link levelPartition}. */
export interface LevelPartition {
  /** Component ids per level; `levels[0]` is level 1, the top. */
  levels: string[][];
  /** Each component's level, 1 = top, in component order. */
  levelOf: number[];
  /** Every iteration: its level and, for each component not yet placed, its three sets. */
  iterations: Array<{ level: number; rows: LevelPartitionRow[] }>;
  /** Present when the partition stopped: the iteration (1-based) at which no remaining component had R(i) = R(i) ∩ A(i); the rest stay unplaced (level 0). */
  stoppedAt?: number;
}

/**
 * Level partition of a reachability matrix as given (docs/methods.md §6.3,
 * §6.7; Warfield 1974): in each iteration, among the components not yet
 * placed, i is on the current level when its reachability set R(i) equals
 * R(i) ∩ A(i) (A(i) its antecedent set, both restricted to the components
 * not yet placed); those are placed and removed, and the next iteration
 * starts. The matrix is not closed here: a non-transitive matrix is
 * partitioned as it stands, as ISM papers partition the matrix they print.
 * If an iteration finds no such component (possible only when the matrix
 * is not transitive), the partition stops and `stoppedAt` says where.
 * @param reachability a square 0/1 matrix, rows reaching columns.
 * @param components component ids in matrix order.
 * @throws {RangeError} when the matrix is not square or the ids do not match it.
 * @example
 * levelPartition([[1, 1], [0, 1]], ["A", "B"]).levels; // [["B"], ["A"]]
 */
export function levelPartition(reachability: readonly (readonly number[])[], components: readonly string[]): LevelPartition {
  const n = reachability.length;
  if (components.length !== n) throw new RangeError(`levelPartition: ${components.length} component ids for a ${n}×${n} matrix`);
  reachability.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n) throw new RangeError(`levelPartition: row ${i} must have ${n} entries`);
  });
  const levelOf = new Array<number>(n).fill(0);
  const levels: string[][] = [];
  const iterations: LevelPartition["iterations"] = [];
  let placed = 0;
  while (placed < n) {
    const level = levels.length + 1;
    const rows: LevelPartitionRow[] = [];
    const top: number[] = [];
    for (let i = 0; i < n; i++) {
      if (levelOf[i]) continue;
      const R: string[] = [],
        A: string[] = [],
        I: string[] = [];
      for (let j = 0; j < n; j++) {
        if (levelOf[j]) continue;
        if (reachability[i][j]) R.push(components[j]);
        if (reachability[j][i]) A.push(components[j]);
        if (reachability[i][j] && reachability[j][i]) I.push(components[j]);
      }
      rows.push({ id: components[i], reachability: R, antecedent: A, intersection: I });
      if (I.length === R.length) top.push(i);
    }
    iterations.push({ level, rows });
    if (top.length === 0) return { levels, levelOf, iterations, stoppedAt: level };
    for (const i of top) levelOf[i] = level;
    levels.push(top.map((i) => components[i]));
    placed += top.length;
  }
  return { levels, levelOf, iterations };
}
