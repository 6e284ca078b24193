/** MICMAC quadrant of a component. */
export type MicmacQuadrant = "autonomous" | "dependent" | "linkage" | "independent";

/** Outcome of {@link micmac}. */
export interface Micmac {
  components: string[];
  /** Driving power: row sums of the reachability matrix (self included). */
  driving: number[];
  /** Dependence: column sums of the reachability matrix (self included). */
  dependence: number[];
  quadrant: MicmacQuadrant[];
  /** The split n/2: a value strictly above it is "high", at or below it "low". */
  midpoint: number;
}

/**
 * MICMAC analysis (Matrice d'Impacts Croisés Multiplication Appliquée à un
 * Classement; Duperrin & Godet 1973; as used with ISM, e.g. Mandal &
 * Deshmukh 1994) of a final reachability matrix (docs/methods.md §6.4):
 * driving power = row sums, dependence = column sums, both counting the
 * component itself; quadrants split at n/2:
 * - autonomous: low driving power, low dependence;
 * - dependent: low driving power, high dependence;
 * - linkage: high both;
 * - independent (driver): high driving power, low dependence.
 * A value exactly at n/2 counts as low ("high" means strictly above n/2), so
 * for even n the two halves hold equally many possible values (1..n/2 and n/2+1..n).
 * @param reachability the 0/1 final reachability matrix, e.g. `ismLevels(...).reachability`.
 * @param components component ids in matrix order.
 * @throws {RangeError} when the matrix is not square, holds values other than
 *   0 and 1, or the ids do not match it.
 * @example
 * micmac([[1, 1], [0, 1]], ["A", "B"]).quadrant; // ["independent", "dependent"]
 */
export function micmac(reachability: readonly (readonly number[])[], components: readonly string[]): Micmac {
  const n = reachability.length;
  if (n === 0) throw new RangeError("micmac needs a non-empty reachability matrix");
  if (components.length !== n) throw new RangeError(`micmac: ${components.length} component ids for a ${n}×${n} matrix`);
  const driving = new Array<number>(n).fill(0);
  const dependence = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const row = reachability[i];
    if (!Array.isArray(row) || row.length !== n) throw new RangeError(`micmac: row ${i} must have ${n} entries`);
    for (let j = 0; j < n; j++) {
      const v = row[j];
      if (v !== 0 && v !== 1) throw new RangeError(`micmac: reachability[${i}][${j}] must be 0 or 1, got ${v}`);
      driving[i] += v;
      dependence[j] += v;
    }
  }
  const midpoint = n / 2;
  const quadrant = driving.map((d, i): MicmacQuadrant => {
    const highD = d > midpoint;
    const highR = dependence[i] > midpoint;
    return highD ? (highR ? "linkage" : "independent") : highR ? "dependent" : "autonomous";
  });
  return { components: [...components], driving, dependence, quadrant, midpoint };
}
