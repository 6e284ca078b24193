import type { Matrix } from "../types.js";
import { assertSquare } from "./linalg.js";

/**
 * Check that a panel is at least one square matrix of finite numbers, all of
 * the same size; returns n. Internal helper of the panel-quality functions.
 * @throws {RangeError} on no matrices or matrices of different sizes.
 * @throws {TypeError} on an entry that is not a finite number.
 */
export function assertPanel(matrices: readonly Matrix[], what: string): number {
  if (!Array.isArray(matrices) || matrices.length === 0) throw new RangeError(`${what} requires at least one expert matrix`);
  const n = assertSquare(matrices[0], "expert matrix 1");
  for (let k = 1; k < matrices.length; k++) {
    if (assertSquare(matrices[k], `expert matrix ${k + 1}`) !== n) throw new RangeError(`expert matrix ${k + 1} is not ${n}×${n}`);
  }
  return n;
}
