import { describe, expect, it } from "vitest";
import { createRandom, ismLevels, micmac } from "../src/index.js";
import { transitiveClosure } from "../src/structure/transitiveClosure.js";

describe("ismLevels(total, alpha, components)", () => {
  // Hand-traced 4-node example, α = 0.5 (edges are t_ij > α; C→D = 0.5 exactly is NOT an edge).
  const T = [
    [0, 0.9, 0.1, 0.2], // A→B
    [0.1, 0, 0.8, 0.1], // B→C
    [0.2, 0.7, 0, 0.5], // C→B
    [0.6, 0.2, 0.55, 0], // D→A, D→C
  ];
  it("builds M = [t > α] ∨ I, closes it, and partitions levels as traced by hand", () => {
    const ism = ismLevels(T, 0.5, ["A", "B", "C", "D"]);
    // Initial reachability (rows reach columns), diagonal set:
    //   A: A B      B: B C      C: B C      D: A C D
    expect(ism.initial).toEqual([
      [1, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 1, 1, 0],
      [1, 0, 1, 1],
    ]);
    // Transitive closure: A→B→C adds A→C; D→A→B adds D→B.
    //   R(A) = {A,B,C}  R(B) = {B,C}  R(C) = {B,C}  R(D) = {A,B,C,D}
    expect(ism.reachability).toEqual([
      [1, 1, 1, 0],
      [0, 1, 1, 0],
      [0, 1, 1, 0],
      [1, 1, 1, 1],
    ]);
    // Antecedent sets: A(A) = {A,D}, A(B) = A(C) = {A,B,C,D}, A(D) = {D}.
    // Iteration 1: R∩A — A: {A} ≠ R; B: {B,C} = R → top; C: {B,C} = R → top; D: {D} ≠ R.  Level 1 = {B, C}.
    // Iteration 2 (B, C removed): R(A) = {A}, A(A) = {A,D} → {A} = R → level 2; R(D) = {A,D}, A(D) = {D} → no.
    // Iteration 3: R(D) = {D} → level 3 (the root driver).
    expect(ism.levels).toEqual([["B", "C"], ["A"], ["D"]]);
    expect(ism.levelOf).toEqual([2, 1, 1, 3]);
    expect(ism.components).toEqual(["A", "B", "C", "D"]);
  });

  it("puts everything on one level when nothing exceeds α, and a chain on n levels", () => {
    const flat = ismLevels(T, 10, ["A", "B", "C", "D"]);
    expect(flat.levels).toEqual([["A", "B", "C", "D"]]);
    const chain = [
      [0, 1, 0],
      [0, 0, 1],
      [0, 0, 0],
    ];
    const c = ismLevels(chain, 0.5, ["X", "Y", "Z"]);
    expect(c.levels).toEqual([["Z"], ["Y"], ["X"]]);
    expect(c.reachability).toEqual([
      [1, 1, 1],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });

  it("gives a transitive, reflexive closure and consistent levels on seeded random matrices", () => {
    const rng = createRandom(3);
    for (let t = 0; t < 20; t++) {
      const n = 7;
      const M = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.next()));
      const ids = Array.from({ length: n }, (_, i) => `C${i}`);
      const ism = ismLevels(M, 0.75, ids);
      const R = ism.reachability;
      for (let i = 0; i < n; i++) {
        expect(R[i][i]).toBe(1);
        for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) if (R[i][j] && R[j][k]) expect(R[i][k]).toBe(1);
      }
      // Every component appears once; a component only reaches components on its own or higher (smaller-numbered) levels.
      expect(ism.levels.flat().sort()).toEqual([...ids].sort());
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (R[i][j]) expect(ism.levelOf[j]).toBeLessThanOrEqual(ism.levelOf[i]);
    }
  });

  it("does not modify T (frozen input)", () => {
    const frozen = Object.freeze(T.map((r) => Object.freeze(r.slice()))) as unknown as number[][];
    const ism = ismLevels(frozen, 0.5, ["A", "B", "C", "D"]);
    expect(ism.levelOf).toEqual([2, 1, 1, 3]);
    expect(frozen[2][3]).toBe(0.5);
  });

  it("rejects bad input", () => {
    expect(() => ismLevels(T, NaN, ["A", "B", "C", "D"])).toThrow(RangeError);
    expect(() => ismLevels(T, 0.5, ["A", "B"])).toThrow(RangeError);
    expect(() => ismLevels([[0, 1]], 0.5, ["A"])).toThrow(RangeError);
  });
});

describe("micmac(reachability, components)", () => {
  it("driving power, dependence and quadrants of the hand-traced ISM example (n/2 = 2 counts as low)", () => {
    // Final reachability from the ISM test above: rows A, B, C, D.
    const R = [
      [1, 1, 1, 0],
      [0, 1, 1, 0],
      [0, 1, 1, 0],
      [1, 1, 1, 1],
    ];
    const m = micmac(R, ["A", "B", "C", "D"]);
    expect(m.driving).toEqual([3, 2, 2, 4]); // row sums
    expect(m.dependence).toEqual([2, 4, 4, 1]); // column sums
    expect(m.midpoint).toBe(2);
    // A: drive 3 > 2, dependence 2 (= n/2, low) → independent; B, C: drive 2 (low), dependence 4 → dependent; D: 4, 1 → independent.
    expect(m.quadrant).toEqual(["independent", "dependent", "dependent", "independent"]);
  });

  it("finds linkage and autonomous components", () => {
    const R = [
      [1, 1, 1, 0],
      [1, 1, 1, 0],
      [1, 1, 1, 0],
      [0, 0, 0, 1],
    ];
    // Drive = dependence = [3, 3, 3, 1]: the cycle is high on both (linkage), the isolated node low on both (autonomous).
    expect(micmac(R, ["P", "Q", "S", "U"]).quadrant).toEqual(["linkage", "linkage", "linkage", "autonomous"]);
  });

  it("rejects non-0/1 entries and mismatched ids", () => {
    expect(() =>
      micmac(
        [
          [1, 2],
          [0, 1],
        ],
        ["A", "B"],
      ),
    ).toThrow(RangeError);
    expect(() => micmac([[1]], ["A", "B"])).toThrow(RangeError);
  });
});

describe("transitiveClosure on bitset rows equals Warshall's algorithm on entries", () => {
  /** Warshall (1962) on the 0/1 entries, the straightforward way. */
  const warshall = (m: number[][]): number[][] => {
    const r = m.map((row) => row.slice());
    for (let k = 0; k < r.length; k++) for (let i = 0; i < r.length; i++) if (r[i][k]) for (let j = 0; j < r.length; j++) if (r[k][j]) r[i][j] = 1;
    return r;
  };
  it("on 40 seeded random relations of sizes 1–100 (word boundaries 31, 32, 33, 64, 65 included) and densities 1–30%", () => {
    const rng = createRandom(1962);
    const sizes = [1, 2, 31, 32, 33, 64, 65, 100];
    for (let c = 0; c < 40; c++) {
      const n = sizes[c % sizes.length];
      const density = 0.01 + (c % 5) * 0.07;
      const m = Array.from({ length: n }, () => Array.from({ length: n }, () => (rng.next() < density ? 1 : 0)));
      const closed = transitiveClosure(m);
      const want = warshall(m);
      expect(closed.reachability).toEqual(want);
      expect(closed.added).toEqual(want.flatMap((row, i) => row.flatMap((v, j) => (v && !m[i][j] ? [[i, j]] : []))));
    }
  });
});
