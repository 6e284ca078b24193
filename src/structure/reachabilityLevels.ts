/**
 * Internal: ISM levels and MICMAC quadrants of a thresholded total-relation
 * matrix on preallocated typed arrays, for many matrices in a row (the
 * bootstrap's structure stability, docs/methods.md §7.4). The same rules as
 * `ismLevels` (§6.3: M = [t_ij > α] ∨ I, Warshall closure, level partition,
 * level 1 the top) and `micmac` (§6.4: row and column sums of the closure,
 * split at n/2, "high" strictly above), without the component names and
 * without allocating per call.
 */
export interface ReachabilityLevels {
  readonly n: number;
  /** Output: each component's ISM level (1 = top) after `run`; 0 if the partition stopped (never, after a closure). */
  readonly levelOf: Int32Array;
  /** Output: each component's MICMAC quadrant code after `run` (see {@link QUADRANT_CODES}). */
  readonly quadrant: Int8Array;
  /** Output: the number of ISM levels after `run`. */
  levels: number;
  /** Threshold T (row-major n×n) at α into levels and quadrants. */
  run(total: Float64Array, threshold: number): void;
}

/** MICMAC quadrant names by the codes of {@link ReachabilityLevels.quadrant}: 2·[high driving] + [high dependence]. */
export const QUADRANT_CODES = Object.freeze(["autonomous", "dependent", "independent", "linkage"] as const);

/** The code of a quadrant name (as `micmac` gives it), for comparing with {@link ReachabilityLevels.quadrant}. */
export function quadrantCode(name: string): number {
  return (QUADRANT_CODES as readonly string[]).indexOf(name);
}

/** Warshall's transitive closure of the 0/1 matrix R (row-major n×n), in place. */
function closeInPlace(R: Uint8Array, n: number): void {
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) {
      if (!R[i * n + k]) continue;
      for (let j = 0; j < n; j++) if (R[k * n + j]) R[i * n + j] = 1;
    }
}

/** Level partition of the closed R into levelOf (1 = top); returns the number of levels. `top` is scratch. */
function partition(R: Uint8Array, n: number, levelOf: Int32Array, top: Uint8Array): number {
  levelOf.fill(0);
  let placed = 0;
  let level = 0;
  while (placed < n) {
    level++;
    let found = 0;
    for (let i = 0; i < n; i++) {
      top[i] = 0;
      if (levelOf[i]) continue;
      let ok = 1;
      // R(i) ⊆ A(i) among the unplaced: every j that i reaches reaches i.
      for (let j = 0; j < n && ok; j++) if (!levelOf[j] && R[i * n + j] && !R[j * n + i]) ok = 0;
      top[i] = ok;
      found += ok;
    }
    if (found === 0) return level - 1;
    for (let i = 0; i < n; i++) if (top[i]) levelOf[i] = level;
    placed += found;
  }
  return level;
}

/** Make the evaluator for n components; allocates once. */
export function createReachabilityLevels(n: number): ReachabilityLevels {
  const R = new Uint8Array(n * n);
  const top = new Uint8Array(n);
  const levelOf = new Int32Array(n);
  const quadrant = new Int8Array(n);
  const out: ReachabilityLevels = {
    n,
    levelOf,
    quadrant,
    levels: 0,
    run(total: Float64Array, threshold: number): void {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) R[i * n + j] = i === j || total[i * n + j] > threshold ? 1 : 0;
      closeInPlace(R, n);
      out.levels = partition(R, n, levelOf, top);
      const mid = n / 2;
      for (let i = 0; i < n; i++) {
        let driving = 0,
          dependence = 0;
        for (let j = 0; j < n; j++) {
          driving += R[i * n + j];
          dependence += R[j * n + i];
        }
        quadrant[i] = 2 * (driving > mid ? 1 : 0) + (dependence > mid ? 1 : 0);
      }
    },
  };
  return out;
}
