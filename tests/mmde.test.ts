import { describe, expect, it } from "vitest";
import { createRandom, dematel, mmdeThreshold, threshold, type Matrix, type MmdeDetail } from "../src/index.js";

// MMDE: Li & Tzeng (2009), Expert Systems with Applications 36, 9891–9898, as
// stated step by step in docs/methods.md §2.6. No worked example with a printed T and a
// printed MMDE threshold could be found in public text (the paper's full text is
// not reachable here), so the algorithm is checked on hand-traced cases whose
// steps are spelled out below, and against invariants.

const ln = Math.log;
/** Mean de-entropy (ln N − H)/N of relative frequencies q (all > 0). */
const mde = (q: number[]): number => (ln(q.length) + q.reduce((s, x) => s + x * ln(x), 0)) / q.length;

function detailOf(t: ReturnType<typeof mmdeThreshold>): MmdeDetail {
  return t.detail as unknown as MmdeDetail;
}

function randomMatrix(seed: number, n: number): Matrix {
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => Array.from({ length: n }, () => rng.next()));
}

describe("mmdeThreshold(total)", () => {
  it("2×2 hand trace: T = [[0, 4], [1, 2]] gives α = 1", () => {
    // Step 1, triplets (t, i, j) sorted by t descending:
    //   p=1 (4,1,2)  p=2 (2,2,2)  p=3 (1,2,1)  p=4 (0,1,1)
    // Step 2–3, dispatch multisets (the i's) and their MDE:
    //   p=1 {1} → N=1 → 0;  p=2 {1,2} uniform → H = ln 2 → 0
    //   p=3 {1,2,2} q=(1/3,2/3) → ((5/3)ln 2 − ln 3)/2 = 0.028317;  p=4 {1,1,2,2} → 0
    // receive multisets (the j's):
    //   p=1 {2} → 0;  p=2 {2,2} → N=1 → 0;  p=3 {2,2,1} → 0.028317;  p=4 {2,2,1,1} → 0
    // Step 4: p_D = 3, p_R = 3.  Step 5: α = smallest t of the first 3 triplets = 1.
    const t = mmdeThreshold([
      [0, 4],
      [1, 2],
    ]);
    const d = detailOf(t);
    expect(t.method).toBe("mmde");
    expect(t.settings).toEqual({});
    const peak = ((5 / 3) * ln(2) - ln(3)) / 2;
    expect(peak).toBeCloseTo(0.028317, 6);
    expect(d.mdeDispatch.length).toBe(4);
    [0, 0, peak, 0].forEach((v, k) => expect(Math.abs(d.mdeDispatch[k] - v)).toBeLessThan(1e-15));
    [0, 0, peak, 0].forEach((v, k) => expect(Math.abs(d.mdeReceive[k] - v)).toBeLessThan(1e-15));
    expect(d.pDispatch).toBe(3);
    expect(d.pReceive).toBe(3);
    expect(d.prefixLength).toBe(3);
    expect(t.value).toBe(1);
  });

  it("3×3 hand trace with p_D ≠ p_R: α is taken at max(p_D, p_R)", () => {
    const T = [
      [0.6, 0.3, 0.5],
      [0.9, 0.7, 0.8],
      [0.1, 0.2, 0.4],
    ];
    // Sorted triplets (t, i, j):
    //   1 (0.9,2,1) 2 (0.8,2,3) 3 (0.7,2,2) 4 (0.6,1,1) 5 (0.5,1,3)
    //   6 (0.4,3,3) 7 (0.3,1,2) 8 (0.2,3,2) 9 (0.1,3,1)
    // Dispatch multisets → MDE:
    //   p1 {2}→0  p2 {2,2}→0  p3 {2,2,2}→0
    //   p4 {2,2,2,1}       q=(3/4,1/4)      → (ln2 − H)/2 = 0.065406  ← largest
    //   p5 {2,2,2,1,1}     q=(3/5,2/5)      → 0.010068
    //   p6 {…,3}           q=(3/6,2/6,1/6)  → 0.029069
    //   p7 {…,1}           q=(3/7,3/7,1/7)  → 0.031457
    //   p8 q=(3/8,3/8,2/8) → 0.005472      p9 uniform → 0
    // Receive multisets → MDE:
    //   p1 {1}→0  p2 {1,3}→0  p3 {1,3,2}→0 (uniform)
    //   p4 {1,3,2,1}       q=(2/4,1/4,1/4)  → 0.019631
    //   p5 {1,3,2,1,3}     q=(2/5,1/5,2/5)  → 0.014564
    //   p6 {1,3,2,1,3,3}   q=(2/6,1/6,3/6)  → 0.029069  ← largest
    //   p7 q=(2/7,2/7,3/7) → 0.006540      p8 q=(2/8,3/8,3/8) → 0.005472   p9 → 0
    // p_D = 4, p_R = 6, prefix = 6, α = t of triplet 6 = 0.4.
    const t = mmdeThreshold(T);
    const d = detailOf(t);
    const expD = [0, 0, 0, mde([3 / 4, 1 / 4]), mde([3 / 5, 2 / 5]), mde([3 / 6, 2 / 6, 1 / 6]), mde([3 / 7, 3 / 7, 1 / 7]), mde([3 / 8, 3 / 8, 2 / 8]), 0];
    const expR = [
      0,
      0,
      0,
      mde([2 / 4, 1 / 4, 1 / 4]),
      mde([2 / 5, 1 / 5, 2 / 5]),
      mde([2 / 6, 1 / 6, 3 / 6]),
      mde([2 / 7, 2 / 7, 3 / 7]),
      mde([2 / 8, 3 / 8, 3 / 8]),
      0,
    ];
    expD.forEach((v, k) => expect(Math.abs(d.mdeDispatch[k] - v)).toBeLessThan(1e-14));
    expR.forEach((v, k) => expect(Math.abs(d.mdeReceive[k] - v)).toBeLessThan(1e-14));
    expect(expD[3]).toBeCloseTo(0.065406, 6);
    expect(expR[5]).toBeCloseTo(0.029069, 6);
    expect(d.pDispatch).toBe(4);
    expect(d.pReceive).toBe(6);
    expect(d.prefixLength).toBe(6);
    expect(t.value).toBe(0.4);
  });

  it("ties in t are ordered by i, then j: all-equal T gives α = that value and no edges", () => {
    // T = 1 everywhere (3×3). Triplets in order (1,1,1) (1,1,2) (1,1,3) (1,2,1) … (1,3,3).
    // Dispatch: p1–p3 {1,1,1} → 0; p4 {1,1,1,2} q=(3/4,1/4) → 0.065406 (largest); p7 q=(3/7,3/7,1/7) → 0.031457.
    // Receive: p1–p3 {1,2,3} uniform → 0; p4 {1,2,3,1} q=(2/4,1/4,1/4) → 0.019631 (largest); p6 uniform → 0.
    // p_D = 4, p_R = 4, α = 1.
    const T = [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ];
    const t = mmdeThreshold(T);
    const d = detailOf(t);
    expect(d.pDispatch).toBe(4);
    expect(d.pReceive).toBe(4);
    expect(d.mdeDispatch[3]).toBeCloseTo(mde([3 / 4, 1 / 4]), 14);
    expect(d.mdeReceive[3]).toBeCloseTo(mde([2 / 4, 1 / 4, 1 / 4]), 14);
    expect(t.value).toBe(1);
    let edges = 0;
    for (const row of T) for (const v of row) if (v > t.value) edges++;
    expect(edges).toBe(0);
  });

  it("1×1: every MDE is 0, p_D = p_R = 1, α = t_11", () => {
    const t = mmdeThreshold([[0.25]]);
    const d = detailOf(t);
    expect(d.mdeDispatch).toEqual([0]);
    expect(d.mdeReceive).toEqual([0]);
    expect(d.pDispatch).toBe(1);
    expect(d.pReceive).toBe(1);
    expect(t.value).toBe(0.25);
  });

  it("threshold(T, { method: 'mmde' }) and dematel(..., { threshold: { method: 'mmde' } }) use it", () => {
    const T = [
      [0.6, 0.3, 0.5],
      [0.9, 0.7, 0.8],
      [0.1, 0.2, 0.4],
    ];
    expect(threshold(T, { method: "mmde" }).value).toBe(0.4);
    const r = dematel(
      [
        [0, 3, 2],
        [4, 0, 1],
        [1, 2, 0],
      ],
      { threshold: { method: "mmde" } },
    );
    expect(r.threshold.method).toBe("mmde");
    expect(r.threshold.value).toBe(mmdeThreshold(r.total).value);
    for (const e of r.edges) expect(e.value).toBeGreaterThan(r.threshold.value);
  });

  it("rejects a non-square or non-finite matrix", () => {
    expect(() => mmdeThreshold([])).toThrow(RangeError);
    expect(() => mmdeThreshold([[1, 2]])).toThrow(RangeError);
    expect(() => mmdeThreshold([[NaN]])).toThrow(TypeError);
  });

  it("does not mutate a frozen input", () => {
    const T = Object.freeze([Object.freeze([0.2, 0.5]), Object.freeze([0.1, 0.3])]) as unknown as Matrix;
    expect(mmdeThreshold(T).value).toBe(0.2);
  });

  it("invariants on seeded random T: α is an entry, MDE ≥ 0, relabelling and scaling behave", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const n = 2 + (seed % 7);
      const T = randomMatrix(seed, n);
      const t = mmdeThreshold(T);
      const d = detailOf(t);
      expect(d.mdeDispatch.length).toBe(n * n);
      for (const v of [...d.mdeDispatch, ...d.mdeReceive]) expect(v).toBeGreaterThanOrEqual(-1e-15);
      expect(T.flat()).toContain(t.value);
      // exactly prefixLength entries are ≥ α (values are distinct with probability 1)
      expect(T.flat().filter((v) => v >= t.value).length).toBe(d.prefixLength);
      // relabelling components (same permutation of rows and columns) relabels the multisets only
      const p = Array.from({ length: n }, (_, i) => (i + 1) % n);
      const P = p.map((pi) => p.map((pj) => T[pi][pj]));
      const tp = mmdeThreshold(P);
      expect(tp.value).toBe(t.value);
      expect(detailOf(tp).pDispatch).toBe(d.pDispatch);
      expect(detailOf(tp).pReceive).toBe(d.pReceive);
      // scaling T scales α (the order of entries is unchanged)
      expect(mmdeThreshold(T.map((r) => r.map((v) => v * 8))).value).toBe(t.value * 8);
    }
  });
});
