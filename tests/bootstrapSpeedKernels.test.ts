import { describe, expect, it } from "vitest";
import { createRandom, type Random } from "../src/random.js";
import { luFactor, luSolve } from "../src/linalg/linalg.js";
import { luInverse } from "../src/linalg/luInverse.js";
import { luSolveFour } from "../src/linalg/luSolveFour.js";
import { createReachabilityLevels } from "../src/structure/reachabilityLevels.js";
import { createBitsetReachabilityLevels } from "../src/uncertainty/bitsetReachability.js";
import { createWeightedSumsScratch, weightedSums } from "../src/uncertainty/weightedSums.js";
import { fitsPacked, packRatings, unpackSums } from "../src/uncertainty/packedRatings.js";
import { createPanelSums } from "../src/uncertainty/panelSums.js";

/** Every entry the same double (Object.is: +0 and −0 told apart). */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** The straightforward weighted sum of one replicate: A = 0, then experts ascending, zero factors skipped. */
function straightforwardSum(X: Float64Array, counts: ArrayLike<number>, w: Float64Array, K: number, nn: number): { A: Float64Array; total: number } {
  const A = new Float64Array(nn);
  let total = 0;
  for (let k = 0; k < K; k++) {
    const f = counts[k] * w[k];
    if (f === 0) continue;
    total += f;
    for (let c = 0; c < nn; c++) A[c] += f * X[k * nn + c];
  }
  return { A, total };
}

/** Bootstrap-like counts: K draws with replacement per replicate (many zeros). */
function drawCounts(rng: Random, K: number, size: number): Float64Array {
  const counts = new Float64Array(size * K);
  for (let j = 0; j < size; j++) for (let k = 0; k < K; k++) counts[j * K + rng.int(K)]++;
  return counts;
}

/** A matrix like I − N of a DEMATEL panel, with a share of zeros off the diagonal. */
function iMinusN(rng: Random, n: number, zeros: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = i === j ? 1 : rng.next() < zeros ? 0 : (-rng.next() * 2) / n;
  return a;
}

/** The textbook LU with partial pivoting, one elimination step at a time (Golub & Van Loan, Algorithm 3.4.1): the reference. */
function luFactorByStep(a: Float64Array, n: number, piv: Int32Array): number {
  let scale = 0;
  for (let k = 0; k < n * n; k++) scale = Math.max(scale, Math.abs(a[k]));
  if (scale === 0) return 0;
  for (let i = 0; i < n; i++) piv[i] = i;
  let minPivot = Infinity;
  for (let k = 0; k < n; k++) {
    let p = k;
    let max = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++)
      if (Math.abs(a[i * n + k]) > max) {
        max = Math.abs(a[i * n + k]);
        p = i;
      }
    if (max < minPivot) minPivot = max;
    if (max === 0) return 0;
    if (p !== k) {
      for (let j = 0; j < n; j++) [a[k * n + j], a[p * n + j]] = [a[p * n + j], a[k * n + j]];
      [piv[k], piv[p]] = [piv[p], piv[k]];
    }
    const pivot = a[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const f = (a[i * n + k] /= pivot);
      if (f !== 0) for (let j = k + 1; j < n; j++) a[i * n + j] -= f * a[k * n + j];
    }
  }
  return minPivot / scale;
}

describe("luFactor (elimination steps in pairs)", () => {
  it("gives the one-step-at-a-time loop's factors, permutation and pivot ratio bit for bit", () => {
    const rng = createRandom(11);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 32, 33, 64, 100]) {
      for (const zeros of [0, 0.5, 0.95]) {
        for (const general of [false, true]) {
          const a = general ? Float64Array.from({ length: n * n }, () => (rng.next() < zeros ? 0 : rng.normal())) : iMinusN(rng, n, zeros);
          const b = Float64Array.from(a);
          const pa = new Int32Array(n),
            pb = new Int32Array(n);
          expect(Object.is(luFactor(b, n, pb), luFactorByStep(a, n, pa))).toBe(true);
          expect(sameBits(b, a)).toBe(true);
          expect(Array.from(pb)).toEqual(Array.from(pa));
        }
      }
    }
  });

  it("stops at a zero pivot as luFactor does, at an even or an odd step", () => {
    const rng = createRandom(12);
    for (const n of [4, 5, 8, 9, 10, 11, 12, 13, 20]) {
      for (let zeroColumn = 0; zeroColumn < n; zeroColumn++) {
        const a = Float64Array.from({ length: n * n }, () => rng.normal());
        for (let i = 0; i < n; i++) a[i * n + zeroColumn] = 0;
        const b = Float64Array.from(a);
        const pa = new Int32Array(n),
          pb = new Int32Array(n);
        expect(luFactor(b, n, pb)).toBe(luFactorByStep(a, n, pa));
        expect(sameBits(b, a)).toBe(true);
        expect(Array.from(pb)).toEqual(Array.from(pa));
      }
      // A repeated row: singular at the last step, and an all-zero matrix.
      const a = Float64Array.from({ length: n * n }, () => rng.int(3));
      a.copyWithin((n - 1) * n, 0, n);
      const b = Float64Array.from(a);
      expect(luFactor(b, n, new Int32Array(n))).toBe(luFactorByStep(a, n, new Int32Array(n)));
      expect(sameBits(b, a)).toBe(true);
      expect(luFactor(new Float64Array(n * n), n, new Int32Array(n))).toBe(0);
    }
  });
});

describe("weightedSums", () => {
  it("equals the straightforward loop bit for bit, zero factors skipped, batches of any size", () => {
    const rng = createRandom(21);
    for (const [K, n] of [
      [1, 3],
      [3, 4],
      [5, 7],
      [14, 10],
      [33, 9],
      [50, 30],
    ]) {
      const nn = n * n;
      const X = Float64Array.from({ length: K * nn }, () => (rng.next() < 0.3 ? 0 : rng.next() * 4));
      const w = Float64Array.from({ length: K }, (_, k) => (k % 4 === 1 ? 0 : 0.1 + rng.next()));
      for (const size of [1, 2, 16]) {
        const counts = drawCounts(rng, K, size);
        if (size === 2) counts.fill(0, K, 2 * K); // a replicate with no expert at all
        const S = new Float64Array(size * nn).fill(NaN);
        const totals = new Float64Array(size);
        weightedSums(X, counts, w, K, nn, size, S, totals, createWeightedSumsScratch(K, nn, size));
        for (let j = 0; j < size; j++) {
          const ref = straightforwardSum(X, counts.subarray(j * K, (j + 1) * K), w, K, nn);
          expect(Object.is(totals[j], ref.total)).toBe(true);
          expect(sameBits(S.subarray(j * nn, (j + 1) * nn), ref.A)).toBe(true);
        }
      }
    }
  });

  it("gives +0 where the straightforward loop gives +0 (a −0 rating)", () => {
    const X = Float64Array.of(-0, 1, -0, 2);
    const counts = Float64Array.of(1, 2);
    const w = Float64Array.of(1, 1);
    const S = new Float64Array(2);
    weightedSums(X, counts, w, 2, 2, 1, S, new Float64Array(1), createWeightedSumsScratch(2, 2, 1));
    expect(sameBits(S, straightforwardSum(X, counts, w, 2, 2).A)).toBe(true);
  });
});

describe("packed ratings", () => {
  it("unpack to the straightforward sums bit for bit for integer ratings and weights", () => {
    const rng = createRandom(31);
    for (const [K, n, top] of [
      [2, 3, 1],
      [14, 10, 4],
      [50, 20, 4],
      [500, 6, 4],
      [40, 11, 100],
    ]) {
      const nn = n * n;
      const X = Float64Array.from({ length: K * nn }, () => rng.int(top + 1));
      const w = Float64Array.from({ length: K }, (_, k) => (k % 5 === 2 ? 0 : 1 + (k % 3)));
      const packed = packRatings(X, w, K, nn, K * 3);
      expect(packed).not.toBeNull();
      if (!packed) return;
      expect(packed.fields).toBeGreaterThanOrEqual(2);
      const size = 8;
      const counts = drawCounts(rng, K, size);
      const S = new Float64Array(size * packed.cells);
      const totals = new Float64Array(size);
      weightedSums(packed.X, counts, w, K, packed.cells, size, S, totals, createWeightedSumsScratch(K, packed.cells, size));
      const A = new Float64Array(nn);
      for (let j = 0; j < size; j++) {
        const ref = straightforwardSum(X, counts.subarray(j * K, (j + 1) * K), w, K, nn);
        expect(totals[j]).toBe(ref.total);
        expect(fitsPacked(packed, totals[j])).toBe(true);
        unpackSums(packed, S, j * packed.cells, nn, A);
        expect(sameBits(A, ref.A)).toBe(true);
      }
    }
  });

  it("are not made for fractional ratings or weights, or when fewer than two cells fit in a double", () => {
    const X = Float64Array.of(0, 1.5, 2, 0);
    expect(packRatings(X, Float64Array.of(1), 1, 4, 1)).toBeNull();
    expect(packRatings(Float64Array.of(0, 1, 2, 0), Float64Array.of(0.5), 1, 4, 1)).toBeNull();
    expect(packRatings(Float64Array.of(0, 2 ** 30, 2, 0), Float64Array.of(1), 1, 4, 1)).toBeNull();
  });
});

describe("createPanelSums", () => {
  it("reads each replicate's straightforward sum, packed or not, one at a time or in batches, drawn or left out", () => {
    const rng = createRandom(41);
    const K = 30,
      n = 12,
      nn = n * n;
    const integer = Float64Array.from({ length: K * nn }, () => rng.int(5));
    const fractional = Float64Array.from({ length: K * nn }, () => rng.int(5) + (rng.next() < 0.2 ? 0.5 : 0));
    const w = Float64Array.from({ length: K }, (_, k) => (k % 7 === 3 ? 0 : 1));
    for (const X of [integer, fractional]) {
      for (const [batch, leaveOut] of [
        [1, false],
        [16, false],
        [1, true],
        [16, true],
      ] as const) {
        const sums = createPanelSums(X, w, nn, batch);
        // Bootstrap draws, or the jackknife's panels (everyone once but expert j, or j and j + 1).
        const counts = leaveOut ? new Float64Array(batch * K).fill(1) : drawCounts(rng, K, batch);
        if (!leaveOut) counts[0] = 5000; // a total beyond K·max w: too large for the packed fields, summed on the ratings
        if (leaveOut)
          for (let j = 0; j < batch; j++) {
            counts[j * K + j] = 0;
            if (j % 3 === 0) counts[j * K + j + 1] = 0;
          }
        sums.sum(counts, batch);
        const A = new Float64Array(nn);
        for (let j = 0; j < batch; j++) {
          const ref = straightforwardSum(X, counts.subarray(j * K, (j + 1) * K), w, K, nn);
          expect(sums.totals[j]).toBe(ref.total);
          sums.read(counts, j, A);
          expect(sameBits(A, ref.A)).toBe(true);
        }
      }
    }
  });
});

describe("luInverse", () => {
  it("equals n separate luSolve calls on the unit vectors bit for bit", () => {
    const rng = createRandom(51);
    for (const n of [1, 2, 3, 5, 10, 17, 40]) {
      for (const zeros of [0, 0.6]) {
        const a = iMinusN(rng, n, zeros);
        // A general matrix too, so that the pivoting permutes rows.
        const g = Float64Array.from({ length: n * n }, () => (rng.next() < zeros ? 0 : rng.normal()));
        for (const m of [a, g]) {
          const piv = new Int32Array(n);
          if (!(luFactor(m, n, piv) > 0)) continue;
          const W = new Float64Array(n * n);
          luInverse(m, n, piv, W, new Float64Array(n * n));
          const col = new Float64Array(n),
            work = new Float64Array(n);
          for (let j = 0; j < n; j++) {
            col.fill(0);
            col[j] = 1;
            luSolve(m, n, piv, col, work);
            for (let i = 0; i < n; i++) expect(Object.is(W[i * n + j], col[i])).toBe(true);
          }
        }
      }
    }
  });
});

describe("createBitsetReachabilityLevels", () => {
  it("gives the byte version's ISM levels, level count and MICMAC quadrants, n = 1 to 32", () => {
    const rng = createRandom(61);
    for (let n = 1; n <= 32; n++) {
      const words = createBitsetReachabilityLevels(n);
      const bytes = createReachabilityLevels(n);
      for (let trial = 0; trial < 12; trial++) {
        const density = rng.next();
        const T = Float64Array.from({ length: n * n }, () => (rng.next() < density ? rng.next() : 0));
        const alpha = trial % 3 === 0 ? 0 : rng.next() * 0.8;
        words.run(T, alpha);
        bytes.run(T, alpha);
        expect(words.levels).toBe(bytes.levels);
        expect(Array.from(words.levelOf)).toEqual(Array.from(bytes.levelOf));
        expect(Array.from(words.quadrant)).toEqual(Array.from(bytes.quadrant));
      }
    }
  });

  it("refuses more than 32 components", () => {
    expect(() => createBitsetReachabilityLevels(33)).toThrow(RangeError);
  });
});

describe("luSolveFour", () => {
  it("equals four luSolve calls bit for bit", () => {
    const rng = createRandom(71);
    for (const n of [1, 2, 3, 7, 10, 31, 100]) {
      const m = Float64Array.from({ length: n * n }, () => rng.normal());
      const piv = new Int32Array(n);
      if (!(luFactor(m, n, piv) > 0)) continue;
      const X = Float64Array.from({ length: 4 * n }, () => (rng.next() < 0.5 ? 0 : rng.int(2)));
      const B = Float64Array.from(X);
      luSolveFour(m, n, piv, X, new Float64Array(4 * n));
      const x = new Float64Array(n),
        work = new Float64Array(n);
      for (let c = 0; c < 4; c++) {
        for (let i = 0; i < n; i++) x[i] = B[i * 4 + c];
        luSolve(m, n, piv, x, work);
        for (let i = 0; i < n; i++) expect(Object.is(X[i * 4 + c], x[i])).toBe(true);
      }
    }
  });
});
