/**
 * Internal: {@link createReachabilityLevels} for n ≤ 32 components, each row and column of the
 * reachability matrix one 32-bit word. The same rules and the same outputs (ISM levels, level count,
 * MICMAC quadrants; the closure of a relation is unique, so Warshall on words gives the same matrix),
 * with a word operation where the byte version loops over n entries.
 */
import type { ReachabilityLevels } from "../structure/reachabilityLevels.js";

/** The largest n a word holds. */
export const BITSET_MAX_COMPONENTS = 32;

/**
 * The evaluator for n ≤ 32 components; allocates once, `run` allocates nothing.
 * @throws {RangeError} when n is above 32.
 * @example
 * const levels = createBitsetReachabilityLevels(10);
 * levels.run(T, alpha); // levels.levelOf, levels.quadrant, levels.levels as createReachabilityLevels gives them
 */
export function createBitsetReachabilityLevels(n: number): ReachabilityLevels {
  if (!(Number.isInteger(n) && n >= 1 && n <= BITSET_MAX_COMPONENTS)) throw new RangeError(`bitset reachability holds 1 to 32 components, got ${n}`);
  const row = new Int32Array(n);
  const column = new Int32Array(n);
  const levelOf = new Int32Array(n);
  const quadrant = new Int8Array(n);
  const out: ReachabilityLevels = {
    n,
    levelOf,
    quadrant,
    levels: 0,
    run(total: Float64Array, threshold: number): void {
      reachability(total, threshold, n, row, column);
      out.levels = partition(row, column, n, levelOf);
      const mid = n / 2;
      for (let i = 0; i < n; i++) quadrant[i] = 2 * (popCount(row[i]) > mid ? 1 : 0) + (popCount(column[i]) > mid ? 1 : 0);
    },
  };
  return out;
}

/** Rows of M = [t_ij > α] ∨ I as words, closed by Warshall's algorithm, and the closure's columns. */
function reachability(total: Float64Array, threshold: number, n: number, row: Int32Array, column: Int32Array): void {
  for (let i = 0; i < n; i++) {
    let bits = 0;
    for (let j = 0; j < n; j++) if (i === j || total[i * n + j] > threshold) bits |= 1 << j;
    row[i] = bits;
  }
  for (let k = 0; k < n; k++) {
    const through = row[k];
    const bit = 1 << k;
    for (let i = 0; i < n; i++) if (row[i] & bit) row[i] |= through;
  }
  for (let j = 0; j < n; j++) {
    let bits = 0;
    const bit = 1 << j;
    for (let i = 0; i < n; i++) if (row[i] & bit) bits |= 1 << i;
    column[j] = bits;
  }
}

/** The level partition (1 = top) as `reachabilityLevels` makes it: i is at the next level when every unplaced j it reaches reaches it. */
function partition(row: Int32Array, column: Int32Array, n: number, levelOf: Int32Array): number {
  levelOf.fill(0);
  let unplaced = n === 32 ? -1 : (1 << n) - 1;
  let level = 0;
  while (unplaced !== 0) {
    level++;
    let top = 0;
    for (let i = 0; i < n; i++) if (unplaced & (1 << i) && (row[i] & unplaced & ~column[i]) === 0) top |= 1 << i;
    if (top === 0) return level - 1;
    for (let i = 0; i < n; i++) if (top & (1 << i)) levelOf[i] = level;
    unplaced &= ~top;
  }
  return level;
}

/** The number of set bits of a 32-bit word. */
function popCount(x: number): number {
  const u = x >>> 0;
  let v = u - ((u >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
