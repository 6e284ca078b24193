import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { combineSsim, createRandom, levelPartition, missingTransitiveEntries, ssimToReachability, transitiveClosure } from "../src/index.js";
import { readSsim } from "../src/io/readSsim.js";
import { ismAnalysis } from "../src/structure/ismAnalysis.js";
import { InputError } from "../src/errors.js";

const fixture = (name: string): string => readFileSync(`tests/fixtures/ism/${name}`, "utf8");
const C = (...k: number[]): string[] => k.map((x) => `C${x}`);
const range = (a: number, b: number, skip: number[] = []): number[] => Array.from({ length: b - a + 1 }, (_, k) => a + k).filter((x) => !skip.includes(x));

describe("published example: final reachability matrix and level partition (scitepress 2021)", () => {
  // Source: the ISM paper at http://www.scitepress.net/PublishedPapers/2021/103153/pdf/index.html (SCITEPRESS, 2021),
  // Table 3 "Final reachability matrix" (16 causes C1…C16, transitive entries printed 1*) and Table 4
  // "Level partitioning results" (reachability, antecedent and intersection sets and the level of each cause).
  // The fixture is Table 3 cell by cell. The printed matrix is not transitive (e.g. C6 → C1 → C2 but C6 ↛ C2),
  // and the paper partitions it as printed, which is what `ism` does with a reachability matrix.
  const input = readSsim(fixture("scitepress-2021-final-reachability.csv"), "t3.csv");
  const ism = ismAnalysis(input);

  it("reads Table 3 as a reachability matrix, 1* as 1, and says it is not transitive", () => {
    expect(input.kind).toBe("reachability");
    expect(ism.components).toEqual(C(...range(1, 16)));
    expect(ism.reachability[0]).toEqual([1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(ism.transitive).toBe(false);
    expect(ism.added).toEqual([]);
    // C6 reaches C1 and C1 reaches C2, C3 is reached from C4 which C1 reaches: 22 one-step gaps in all.
    expect(ism.missing).toContainEqual({ from: "C6", to: "C2" });
    expect(ism.missing).toContainEqual({ from: "C1", to: "C3" });
    expect(ism.missing).toHaveLength(22);
  });

  it("reproduces the levels of Table 4", () => {
    const levelOf = Object.fromEntries(ism.levels.flatMap((l, k) => l.map((id) => [id, k + 1])));
    // Table 4, Level column: C1 2, C2 4, C3 5, C4 2, C5 6, C6 3, C7 2, C8 4, C9 4, C10 2, C11 3 (the rows we could read);
    // C15 is the cause removed before C1 … C14 (absent from their sets), so it is level 1.
    expect(levelOf).toMatchObject({ C1: 2, C2: 4, C3: 5, C4: 2, C5: 6, C6: 3, C7: 2, C8: 4, C9: 4, C10: 2, C11: 3, C15: 1 });
    expect(ism.levels[0]).toEqual(["C15"]);
    expect(ism.stoppedAt).toBeUndefined();
  });

  it("reproduces Table 4's reachability, antecedent and intersection sets, each in the iteration that places the cause", () => {
    const rowAt = (id: string) => {
      const level = ism.levels.findIndex((l) => l.includes(id)) + 1;
      return ism.iterations[level - 1].rows.find((r) => r.id === id);
    };
    const printed: Record<string, [number[], number[], number[]]> = {
      C1: [range(1, 14, [3, 5]), range(1, 16, [15]), range(1, 14, [3, 5])],
      C2: [
        [2, 8, 9],
        [2, 3, 5, 8, 9, 16],
        [2, 8, 9],
      ],
      C3: [[3], [3, 5, 16], [3]],
      C4: [range(1, 14, [5]), range(1, 16, [15]), range(1, 14, [5])],
      C5: [[5], [5], [5]],
      C6: [[6], [2, 3, 5, 6, 8, 9, 16], [6]],
      C7: [[1, 4, 6, 7, 10, 11, 12, 13, 14], range(1, 16, [15]), [1, 4, 6, 7, 10, 11, 12, 13, 14]],
      C8: [
        [2, 3, 8, 9],
        [2, 3, 5, 8, 9, 16],
        [2, 3, 8, 9],
      ],
      C9: [
        [2, 3, 8, 9],
        [2, 3, 5, 8, 9, 16],
        [2, 3, 8, 9],
      ],
      C10: [range(1, 14, [5]), range(1, 16, [15]), range(1, 14, [5])],
      C11: [[11], [2, 3, 5, 8, 9, 11, 16], [11]],
    };
    for (const [id, [R, A, I]] of Object.entries(printed))
      expect(rowAt(id), id).toEqual({ id, reachability: C(...R), antecedent: C(...A), intersection: C(...I) });
  });

  it("its 1* entries are all transitive links of its plain 1 entries", () => {
    const lines = fixture("scitepress-2021-final-reachability.csv")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",").slice(1));
    const plain = lines.map((r) => r.map((c) => (c === "1" ? 1 : 0)));
    const closed = transitiveClosure(plain).reachability;
    let starred = 0;
    lines.forEach((r, i) => r.forEach((c, j) => c === "1*" && (starred++, expect(closed[i][j]).toBe(1))));
    expect(starred).toBe(93);
  });

  it("with close, partitions the transitive closure instead", () => {
    const closed = ismAnalysis(input, { close: true });
    expect(closed.transitive).toBe(true);
    expect(closed.added).toHaveLength(22);
    expect(missingTransitiveEntries(closed.reachability)).toEqual([]);
  });
});

describe("ism from an SSIM (hand-traced)", () => {
  it("one expert: V/A/X/O → initial matrix, closure with 1* entries, levels, MICMAC", () => {
    // A V B, A O C, A A D (D → A), B V C, B O D, C O D.
    // Initial: A→B, B→C, D→A. Closure adds A→C (A→B→C), D→B and D→C (D→A→B→C).
    // Levels: C (R = {C}); then B; then A; then D. MICMAC (n/2 = 2): driving A 3, B 2, C 1, D 4; dependence A 2, B 3, C 4, D 1.
    const ism = ismAnalysis(readSsim(fixture("ssim-one-expert.csv"), "s.csv"));
    expect(ism.initial).toEqual([
      [1, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 0],
      [1, 0, 0, 1],
    ]);
    expect(ism.added).toEqual([
      { from: "A", to: "C" },
      { from: "D", to: "B" },
      { from: "D", to: "C" },
    ]);
    expect(ism.transitive).toBe(true);
    expect(ism.levels).toEqual([["C"], ["B"], ["A"], ["D"]]);
    expect(ism.iterations[0].rows).toEqual([
      { id: "A", reachability: ["A", "B", "C"], antecedent: ["A", "D"], intersection: ["A"] },
      { id: "B", reachability: ["B", "C"], antecedent: ["A", "B", "D"], intersection: ["B"] },
      { id: "C", reachability: ["C"], antecedent: ["A", "B", "C", "D"], intersection: ["C"] },
      { id: "D", reachability: ["A", "B", "C", "D"], antecedent: ["D"], intersection: ["D"] },
    ]);
    expect(ism.iterations.map((it) => it.rows.length)).toEqual([4, 3, 2, 1]);
    expect(ism.micmac).toEqual([
      { id: "A", driving: 3, dependence: 2, quadrant: "independent" },
      { id: "B", driving: 2, dependence: 3, quadrant: "dependent" },
      { id: "C", driving: 1, dependence: 4, quadrant: "dependent" },
      { id: "D", driving: 4, dependence: 1, quadrant: "independent" },
    ]);
  });

  it("three experts: majority per pair, a three-way tie resolved by the union of the tied codes and reported", () => {
    // A–C: O, V, A → tie of V, A, O → union X. C–D: O, O, X → O. Everything else unanimous as above.
    const input = readSsim(fixture("ssim-three-experts.csv"), "s3.csv");
    expect(input.kind === "ssim" && input.experts.map((e) => e.expert)).toEqual(["E1", "E2", "E3"]);
    const ism = ismAnalysis(input);
    expect(ism.ties).toEqual([{ from: "A", to: "C", votes: { V: 1, A: 1, X: 0, O: 1 }, tied: ["V", "A", "O"], chosen: "X" }]);
    expect(ism.added).toEqual([
      { from: "B", to: "A" },
      { from: "C", to: "B" },
      { from: "D", to: "B" },
      { from: "D", to: "C" },
    ]);
    expect(ism.levels).toEqual([["A", "B", "C"], ["D"]]);
  });
});

describe("building blocks", () => {
  it("ssimToReachability follows V, A, X, O", () => {
    expect(
      ssimToReachability([
        [null, "V", "A"],
        [null, null, "X"],
        [null, null, null],
      ]),
    ).toEqual([
      [1, 1, 0],
      [0, 1, 1],
      [1, 1, 1],
    ]);
    expect(
      ssimToReachability([
        [null, "O"],
        [null, null],
      ]),
    ).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(() =>
      ssimToReachability([
        [null, "Q" as never],
        [null, null],
      ]),
    ).toThrow(RangeError);
  });

  it("combineSsim: two-way ties V+A → X, V+O → V, A+O → A; a majority wins without a tie", () => {
    const one = (c: "V" | "A" | "X" | "O") => [
      [null, c],
      [null, null],
    ];
    expect(combineSsim([one("V"), one("A")]).codes[0][1]).toBe("X");
    expect(combineSsim([one("V"), one("O")]).codes[0][1]).toBe("V");
    expect(combineSsim([one("O"), one("A")]).codes[0][1]).toBe("A");
    const maj = combineSsim([one("V"), one("V"), one("X")]);
    expect(maj.codes[0][1]).toBe("V");
    expect(maj.ties).toEqual([]);
  });

  it("a non-transitive cycle stops the partition as given, and its closure puts the cycle on one level", () => {
    const cycle = [
      [1, 1, 0],
      [0, 1, 1],
      [1, 0, 1],
    ];
    const p = levelPartition(cycle, ["A", "B", "C"]);
    expect(p.stoppedAt).toBe(1);
    expect(p.levels).toEqual([]);
    expect(levelPartition(transitiveClosure(cycle).reachability, ["A", "B", "C"]).levels).toEqual([["A", "B", "C"]]);
  });

  it("seeded invariants: the closure is transitive, contains the input, and adds exactly the 0 → 1 entries; frozen input unchanged", () => {
    const rng = createRandom(12);
    for (let t = 0; t < 30; t++) {
      const n = 2 + Math.floor(rng.next() * 7);
      const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j || rng.next() < 0.25 ? 1 : 0)));
      const frozen = Object.freeze(m.map((r) => Object.freeze(r.slice())));
      const { reachability, added } = transitiveClosure(frozen);
      expect(missingTransitiveEntries(reachability)).toEqual([]);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (m[i][j]) expect(reachability[i][j]).toBe(1);
      const ones = (x: number[][]): number => x.flat().filter((v) => v === 1).length;
      expect(added.length).toBe(ones(reachability) - ones(m));
      const p = levelPartition(
        reachability,
        Array.from({ length: n }, (_, k) => `c${k}`),
      );
      expect(p.stoppedAt).toBeUndefined();
      expect(p.levels.flat().sort()).toEqual(Array.from({ length: n }, (_, k) => `c${k}`).sort());
    }
  });
});

describe("readSsim: bad input, every problem located at once", () => {
  const problems = (text: string): string[] => {
    try {
      readSsim(text, "bad.csv");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).problems.map((p) => `${p.row}|${p.column ?? ""}|${p.message}`);
    }
    throw new Error("no error");
  };

  it("SSIM cells that are not V/A/X/O, a row naming no header component, a missing row", () => {
    const list = problems(fixture("ssim-bad.csv"));
    expect(list).toEqual([
      "5|1|this row names no column of the header",
      '2||no row for component "D" (the matrix must be square)',
      "2|C|not an SSIM code for A → C",
      "3|D|not an SSIM code for B → D",
    ]);
  });

  it("reports cell problems of an SSIM with line and column", () => {
    const list = problems(",A,B,C\nA,,Q,V\nB,,,1\nC,,,\n");
    expect(list).toEqual(["2|B|not an SSIM code for A → B", "3|C|not an SSIM code for B → C"]);
  });

  it("reachability cells not 0/1, and a 0 on the diagonal", () => {
    expect(problems(fixture("reachability-bad.csv"))).toEqual(["2|C|not a reachability entry for A → C", "4|C|not a reachability entry for C → C"]);
    expect(problems(",A,B\nA,0,1\nB,0,1\n")).toEqual(["2|A|every component reaches itself"]);
  });

  it("an unlabelled matrix and repeated names", () => {
    expect(problems("A,B\n1,0\n")[0]).toMatch(/header row must name the components/);
    expect(problems(",A,A\nA,,V\n")).toContain("1|3|component named twice in the header (also column 2)");
  });

  it("unknown component names when a model is given", () => {
    const model = {
      components: [
        { id: "A", name: "Alpha" },
        { id: "B", name: "Beta" },
      ],
    };
    expect(readSsim(",alpha,B\nAlpha,,V\nbeta,,\n", "m.csv", model).components).toEqual(["A", "B"]);
    expect(() => readSsim(",A,Gamma\nA,,V\nGamma,,\n", "m.csv", model)).toThrow(/unknown component/);
  });
});
