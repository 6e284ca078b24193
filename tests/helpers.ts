/** Shared test helpers: one tolerance check and seeded random matrices. */
import { expect } from "vitest";
import { createRandom, InputError, type Matrix, type Model } from "../src/index.js";

/** Assert two matrices (or vectors) agree entry-wise within an absolute tolerance. */
export function expectClose(actual: number[] | Matrix, expected: number[] | Matrix, tol: number): void {
  const a = (actual as unknown[]).flat() as number[];
  const e = (expected as unknown[]).flat() as number[];
  expect(a.length).toBe(e.length);
  let worst = 0,
    at = -1;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - e[i]);
    if (!(d <= worst)) {
      worst = d;
      at = i;
    }
  }
  if (!(worst <= tol)) expect.fail(`entry ${at}: ${a[at]} vs ${e[at]} differs by ${worst} > ${tol}`);
}

/** A seeded random n×n direct-influence matrix with integer ratings 0..max and a zero diagonal. */
export function randomDirect(n: number, seed: number, max = 4): Matrix {
  const rng = createRandom(seed);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : rng.int(max + 1))));
}

/** Matrix product of plain matrices. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}

/** Deep-freeze a nested array/object so tests prove inputs are not mutated. */
export function deepFreeze<T>(x: T): T {
  if (x && typeof x === "object") {
    Object.values(x as object).forEach(deepFreeze);
    Object.freeze(x);
  }
  return x;
}

/** Folder of the survey fixtures (relative to the repository root, where vitest runs). */
export const SURVEY_FIXTURES = "tests/fixtures/surveys";

/** The tiny 3-component model the survey tests read their fixtures with: A Alpha, B Beta, C Gamma, with Persian names. */
export const TINY_MODEL: Model = deepFreeze({
  components: [
    { id: "A", name: "Alpha", name_fa: "آلفا" },
    { id: "B", name: "Beta", name_fa: "بتا" },
    { id: "C", name: "Gamma", name_fa: "گاما" },
  ],
});

/** Run `f`, expect it to throw an InputError, and return it (any other outcome fails the test). */
export function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw new Error(`expected an InputError, got ${String(e)}`);
  }
  throw new Error("expected an InputError, but nothing was thrown");
}

/** Half a unit in the last printed digit of a printed decimal such as "0.09486207" (5e-9). */
export function halfUnit(printed: string): number {
  const dot = printed.indexOf(".");
  const decimals = dot < 0 ? 0 : printed.length - dot - 1;
  return 0.5 * 10 ** -decimals;
}

/** |computed − printed| within half a unit of the printed value's last digit (plus `extra`, e.g. for sums of printed values). */
export function expectPrinted(computed: number, printed: string, what: string, extra = 0): void {
  const tol = halfUnit(printed) + extra + 1e-15;
  const diff = Math.abs(computed - Number(printed));
  if (!(diff <= tol)) throw new Error(`${what}: computed ${computed}, printed ${printed} (|diff| = ${diff.toExponential(2)} > ${tol})`);
  expect(diff).toBeLessThanOrEqual(tol);
}

/** Two components, one per layer (outer A, inner B): the smallest layered model, for hand cases. */
export const TWO_LAYER_MODEL: Model = deepFreeze({
  components: [
    { id: "A", name: "A" },
    { id: "B", name: "B" },
  ],
  layers: [
    { id: "L1", name: "outer", components: ["A"] },
    { id: "L2", name: "inner", components: ["B"] },
  ],
});
