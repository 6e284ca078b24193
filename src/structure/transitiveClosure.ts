/** Outcome of {@link transitiveClosure}. */
export interface TransitiveClosure {
  /** The closed 0/1 matrix: i reaches j directly or through other components. */
  reachability: number[][];
  /** The entries the closure added (0 in the input, 1 in the closure): the "1*" of ISM papers, as [row, column] index pairs in row order. */
  added: Array<[number, number]>;
}

/**
 * Transitive closure of a 0/1 relation (docs/methods.md §6.7), by Warshall's
 * algorithm (Warshall 1962, "A theorem on Boolean matrices", J. ACM 9(1),
 * 11–12): for each intermediate k, i reaches j when it already did or when i
 * reaches k and k reaches j (on rows held as bitsets, a word at a time). The entries that were 0 and became 1 are the
 * transitive links ISM papers mark "1*". The diagonal is taken as given (an
 * ISM reachability matrix has ones there). The input is not modified.
 * @param relation a square 0/1 matrix.
 * @throws {RangeError} when the matrix is not square or holds values other than 0 and 1.
 * @example
 * transitiveClosure([[1, 1, 0], [0, 1, 1], [0, 0, 1]]).added; // [[0, 2]]
 */
export function transitiveClosure(relation: readonly (readonly number[])[]): TransitiveClosure {
  const n = assertZeroOne(relation, "transitiveClosure");
  // Each row a bitset of ⌈n/32⌉ words: "i reaches k, so i reaches all k reaches" is one OR per word (n³/32 word
  // operations instead of n³ steps). The closure of a relation is unique, so the result is Warshall's on entries.
  const words = (n + 31) >>> 5;
  const bits = new Uint32Array(n * words);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (relation[i][j]) bits[i * words + (j >>> 5)] |= 1 << (j & 31);
  for (let k = 0; k < n; k++) {
    const kw = k >>> 5;
    const kb = 1 << (k & 31);
    for (let i = 0; i < n; i++) {
      if (!(bits[i * words + kw] & kb)) continue;
      for (let w = 0; w < words; w++) bits[i * words + w] |= bits[k * words + w];
    }
  }
  const reach = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (bits[i * words + (j >>> 5)] >>> (j & 31)) & 1));
  const added: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (reach[i][j] && !relation[i][j]) added.push([i, j]);
  return { reachability: reach, added };
}

/**
 * The entries a 0/1 relation lacks to be transitive: every (i, j) with
 * M_ij = 0 although M_ik = M_kj = 1 for some k (one step through one other
 * component; closing those and repeating gives {@link transitiveClosure}).
 * Empty exactly when the relation is transitive.
 * @param relation a square 0/1 matrix.
 * @throws {RangeError} when the matrix is not square or holds values other than 0 and 1.
 * @example
 * missingTransitiveEntries([[1, 1, 0], [0, 1, 1], [0, 0, 1]]); // [[0, 2]]
 */
export function missingTransitiveEntries(relation: readonly (readonly number[])[]): Array<[number, number]> {
  const n = assertZeroOne(relation, "missingTransitiveEntries");
  const missing: Array<[number, number]> = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (relation[i][j]) continue;
      for (let k = 0; k < n; k++)
        if (relation[i][k] && relation[k][j]) {
          missing.push([i, j]);
          break;
        }
    }
  return missing;
}

/** The size n of a square 0/1 matrix, or a RangeError naming the caller. */
function assertZeroOne(m: readonly (readonly number[])[], who: string): number {
  const n = m.length;
  m.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n) throw new RangeError(`${who}: row ${i} must have ${n} entries`);
    row.forEach((v, j) => {
      if (v !== 0 && v !== 1) throw new RangeError(`${who}: entry [${i}][${j}] must be 0 or 1, got ${v}`);
    });
  });
  return n;
}
