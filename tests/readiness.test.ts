import { describe, expect, it } from "vitest";
import { createRandom } from "../src/random.js";
import { normalizedGap } from "../src/readiness/normalizedGap.js";
import { improvementOrder, improvementTier, priorityScore } from "../src/readiness/improvementOrder.js";
import { readinessAssessment, type ReadinessInfluence } from "../src/readiness/readinessAssessment.js";
import { readinessReason } from "../src/readiness/readinessReason.js";
import type { ReadinessScores } from "../src/io/readReadinessScores.js";
import { assessReadiness, READINESS_RULE } from "../src/readiness/assessReadiness.js";
import { readReadinessScoresFile } from "../src/io/readReadinessScores.js";
import { readSurveyFile } from "../src/io/readSurveyFile.js";
import { analyzeSurvey } from "../src/pipeline/analyzeSurvey.js";
import { simulatedSurvey } from "../src/simulate/simulatedSurvey.js";
import { defaultModel } from "../src/model/model.js";
import { totalRelation } from "../src/core/totalRelation.js";
import { normalize } from "../src/core/normalize.js";
import { deepFreeze, randomDirect } from "./helpers.js";

// Hand-computed case (worked out on paper for this test, numbers below):
// T = [[0, .4, .3], [.1, 0, .2], [.1, .1, 0]] → D = [.7, .3, .2], R = [.2, .5, .5], D − R = [.5, −.2, −.3];
// threshold .15 → A drives B and C (2), B drives C (1), C drives none; A is driven by none, B by 1, C by 2.
// Scale 1–5, scores [3, 2, 5], aspirations [5, 4, 5 (scale max)]:
// g = [(5−3)/(5−1), (4−2)/(4−1), 0] = [.5, 2/3, 0]; weights [.5, .3, .2]:
// weighted gap = .25 + .2 + 0 = .45, index = .55, weighted score = 1.5 + .6 + 1 = 3.1;
// order: A (cause, s = .5·.7 = .35), B (receiver, s = 2/3·.3 = .2), C (no gap).
const influence: ReadinessInfluence = deepFreeze({
  components: ["A", "B", "C"],
  names: ["Alpha", "Beta", "Gamma"],
  total: [
    [0, 0.4, 0.3],
    [0.1, 0, 0.2],
    [0.1, 0.1, 0],
  ],
  threshold: 0.15,
  weights: [0.5, 0.3, 0.2],
  weightMethod: "DANP" as const,
});
const scores: ReadinessScores = deepFreeze({
  source: "hand",
  components: ["A", "B", "C"],
  scores: [3, 2, 5],
  aspirations: [5, 4, 5],
  aspirationGiven: [false, true, false],
  scale: { min: 1, max: 5 },
  scaleFrom: "file" as const,
});

describe("normalizedGap(performance, aspiration, worst)", () => {
  it("is (aspiration − performance)/(aspiration − worst), clipped at 0 (Liou & Tzeng 2012's gap to the aspired level)", () => {
    expect(normalizedGap(2.9, 5, 1)).toBeCloseTo(0.525, 12);
    expect(normalizedGap(1, 5, 1)).toBe(1);
    expect(normalizedGap(5, 5, 1)).toBe(0);
    expect(normalizedGap(5, 4, 1)).toBe(0);
    expect(normalizedGap(3, 10, 0)).toBeCloseTo(0.7, 12);
  });
  it("refuses an aspiration at or below the worst level and non-finite values", () => {
    expect(() => normalizedGap(1, 1, 1)).toThrow(RangeError);
    expect(() => normalizedGap(Number.NaN, 5, 1)).toThrow(RangeError);
  });
});

describe("readinessAssessment(scores, influence): the hand-computed case", () => {
  const r = readinessAssessment(scores, influence);
  it("gives the gaps, the index and the weighted score worked out by hand", () => {
    const byId = Object.fromEntries(r.components.map((c) => [c.id, c]));
    expect(byId.A.gap).toBeCloseTo(0.5, 12);
    expect(byId.B.gap).toBeCloseTo(2 / 3, 12);
    expect(byId.C.gap).toBe(0);
    expect(byId.A.gapPoints).toBe(2);
    expect(byId.B.weightedGap).toBeCloseTo(0.2, 12);
    expect(r.weightedGap).toBeCloseTo(0.45, 12);
    expect(r.index).toBeCloseTo(0.55, 12);
    expect(r.weightedScore).toBeCloseTo(3.1, 12);
    expect(r.weightMethod).toBe("DANP");
  });
  it("gives D, R, D − R and the drives counts of the impact-relation map", () => {
    const byId = Object.fromEntries(r.components.map((c) => [c.id, c]));
    expect([byId.A.given, byId.B.given, byId.C.given].map((x) => +x.toFixed(12))).toEqual([0.7, 0.3, 0.2]);
    expect([byId.A.received, byId.B.received, byId.C.received].map((x) => +x.toFixed(12))).toEqual([0.2, 0.5, 0.5]);
    expect([byId.A.drives, byId.B.drives, byId.C.drives]).toEqual([2, 1, 0]);
    expect([byId.A.drivenBy, byId.B.drivenBy, byId.C.drivenBy]).toEqual([0, 1, 2]);
    expect(byId.A.priorityScore).toBeCloseTo(0.35, 12);
    expect(byId.B.priorityScore).toBeCloseTo(0.2, 12);
  });
  it("orders A (net cause), B (net receiver), C (no gap) and says why in words", () => {
    expect(r.components.map((c) => [c.id, c.priority, c.tier])).toEqual([
      ["A", 1, "cause"],
      ["B", 2, "effect"],
      ["C", 3, "no gap"],
    ]);
    expect(r.components[0].reason).toBe("Strengthen Alpha first: gap 2 of 5 (normalised 0.5), and as a net cause (D − R = 0.5) it drives all 2 others.");
    expect(r.components[1].reason).toBe(
      "2nd, Beta: gap 2 of 4 (normalised 0.67), but it is a net receiver (D − R = −0.2; drives 1 of the 2 others, 1 other drives it), so it follows the causes whose improvement also lifts it.",
    );
    expect(r.components[2].reason).toBe("3rd, Gamma: no gap, its score 5 already reaches its aspiration 5 on the 1–5 scale; keep it there.");
  });
  it("refuses scores of other components", () => {
    expect(() => readinessAssessment({ ...scores, components: ["A", "C", "B"] }, influence)).toThrow(RangeError);
  });
});

describe("improvementOrder(inputs): the rule's invariants (seeded)", () => {
  const rng = createRandom(20261202);
  const draws = Array.from({ length: 300 }, () => {
    const n = 2 + Math.floor(rng.next() * 9);
    return Array.from({ length: n }, () => ({
      gap: rng.next() < 0.15 ? 0 : Math.round(rng.next() * 8) / 8,
      given: 0.2 + rng.next() * 2,
      relation: rng.next() < 0.1 ? 0 : rng.next() * 2 - 1,
    }));
  });
  it("puts every net cause with a gap before every net receiver with the same or a smaller gap", () => {
    for (const inputs of draws) {
      const pos = new Map(improvementOrder(inputs).map((c, k) => [c, k]));
      inputs.forEach((a, i) =>
        inputs.forEach((b, j) => {
          if (a.gap > 0 && a.relation > 0 && b.relation < 0 && b.gap <= a.gap) expect(pos.get(i)! < pos.get(j)!).toBe(true);
        }),
      );
    }
  });
  it("within a tier, a larger gap × D comes first; components without a gap come last", () => {
    for (const inputs of draws) {
      const order = improvementOrder(inputs);
      for (let k = 1; k < order.length; k++) {
        const a = inputs[order[k - 1]];
        const b = inputs[order[k]];
        const ta = ["cause", "neutral", "effect", "no gap"].indexOf(improvementTier(a));
        const tb = ["cause", "neutral", "effect", "no gap"].indexOf(improvementTier(b));
        expect(ta).toBeLessThanOrEqual(tb);
        if (ta === tb) expect(priorityScore(a)).toBeGreaterThanOrEqual(priorityScore(b) - 1e-12);
      }
    }
  });
  it("is a permutation and does not depend on the order the components are listed in, apart from exact ties", () => {
    for (const inputs of draws.slice(0, 50)) {
      const order = improvementOrder(inputs);
      expect([...order].sort((a, b) => a - b)).toEqual(inputs.map((_, i) => i));
      const perm = inputs.map((_, i) => i).reverse();
      const reordered = improvementOrder(perm.map((i) => inputs[i])).map((k) => perm[k]);
      const key = (i: number): string => `${improvementTier(inputs[i])}|${priorityScore(inputs[i])}|${inputs[i].relation}`;
      expect(reordered.map(key)).toEqual(order.map(key));
    }
  });
  it("puts a net cause before a net receiver with the same gap (issue 10's requirement), even when the receiver gives more influence", () => {
    expect(
      improvementOrder([
        { gap: 0.5, given: 3, relation: -0.4 },
        { gap: 0.5, given: 1, relation: 0.4 },
      ]),
    ).toEqual([1, 0]);
  });
  it("treats scores within 1e-12 (relative) as tied, so rounding noise never decides", () => {
    const a = { gap: 0.3, given: 0.1 + 0.2, relation: 0.2 };
    const b = { gap: 0.3, given: 0.3, relation: 0.5 };
    expect(priorityScore(a)).not.toBe(priorityScore(b));
    expect(improvementOrder([a, b])).toEqual([1, 0]);
    expect(() => improvementOrder([{ gap: Number.NaN, given: 1, relation: 0 }])).toThrow(RangeError);
  });
  it("breaks a tie of g · D by the larger D − R", () => {
    expect(
      improvementOrder([
        { gap: 0.5, given: 1, relation: 0.1 },
        { gap: 0.25, given: 2, relation: 0.3 },
      ]),
    ).toEqual([1, 0]);
  });
});

describe("readinessReason(input)", () => {
  it("names a neutral component and says when it drives none", () => {
    const s = readinessReason({
      priority: 11,
      name: "X",
      tier: "neutral",
      score: 2,
      aspiration: 5,
      scale: { min: 1, max: 5 },
      gap: 0.75,
      relation: 0,
      drives: 0,
      drivenBy: 0,
      others: 11,
    });
    expect(s).toBe(
      "11th, X: gap 3 of 5 (normalised 0.75); it gives as much influence as it receives (D − R = 0) and drives none of the others, so it follows the net causes.",
    );
  });
});

describe("readinessAssessment(scores, influence): seeded invariants", () => {
  const rng = createRandom(20261203);
  const cases = Array.from({ length: 60 }, (_, k) => {
    const n = 2 + (k % 9);
    const direct = randomDirect(n, 1000 + k).map((row, i) => row.map((x, j) => (i === j ? 0 : x + 1)));
    const total = totalRelation(normalize(direct, { epsilon: 0.01 }).normalized).total;
    const raw = Array.from({ length: n }, () => 0.05 + rng.next());
    const sum = raw.reduce((a, b) => a + b, 0);
    const ids = Array.from({ length: n }, (_, i) => `C${i + 1}`);
    const scale = { min: 0, max: 10 };
    const scoresOf = (f: (i: number) => number): ReadinessScores => ({
      source: "seeded",
      components: ids,
      scores: ids.map((_, i) => f(i)),
      aspirations: ids.map(() => 10),
      aspirationGiven: ids.map(() => false),
      scale,
      scaleFrom: "file",
    });
    const influence: ReadinessInfluence = { components: ids, names: ids, total, threshold: 0.1, weights: raw.map((x) => x / sum), weightMethod: "DEMATEL" };
    return { n, influence, random: scoresOf(() => Math.round(rng.next() * 100) / 10), scoresOf };
  });

  it("index = 1 − Σ w_j g_j lies in [0, 1]; every component at its aspiration gives 1, every one at the worst level 0", () => {
    for (const { influence, random, scoresOf } of cases) {
      const r = readinessAssessment(random, influence);
      expect(r.index).toBeGreaterThanOrEqual(-1e-12);
      expect(r.index).toBeLessThanOrEqual(1 + 1e-12);
      expect(r.index + r.weightedGap).toBeCloseTo(1, 12);
      expect(r.components.reduce((a, c) => a + c.weightedGap, 0)).toBeCloseTo(r.weightedGap, 12);
      const top = readinessAssessment(
        scoresOf(() => 10),
        influence,
      );
      expect(top.index).toBe(1);
      expect(top.components.every((c) => c.tier === "no gap" && /keep it there\.$/.test(c.reason))).toBe(true);
      expect(
        readinessAssessment(
          scoresOf(() => 0),
          influence,
        ).index,
      ).toBeCloseTo(0, 12);
    }
  });

  it('priorities are 1..n in order, D − R sums to 0, and the first component\'s sentence starts with "Strengthen … first"', () => {
    for (const { n, influence, random } of cases) {
      const r = readinessAssessment(random, influence);
      expect(r.components.map((c) => c.priority)).toEqual(Array.from({ length: n }, (_, k) => k + 1));
      expect(r.components.reduce((a, c) => a + c.relation, 0)).toBeCloseTo(0, 10);
      if (r.components[0].tier !== "no gap") expect(r.components[0].reason).toMatch(/^Strengthen \S+ first: gap /);
      for (const c of r.components) expect(c.drives).toBeLessThanOrEqual(n - 1);
    }
  });

  it("raising one component's score never raises its priority score or lowers the index (monotone in the scores)", () => {
    for (const { influence, random } of cases.slice(0, 30)) {
      const before = readinessAssessment(random, influence);
      const j = 0;
      const better = { ...random, scores: random.scores.map((p, i) => (i === j ? Math.min(10, p + 1) : p)) };
      const after = readinessAssessment(better, influence);
      const id = random.components[j];
      expect(after.components.find((c) => c.id === id)!.priorityScore).toBeLessThanOrEqual(before.components.find((c) => c.id === id)!.priorityScore + 1e-12);
      expect(after.index).toBeGreaterThanOrEqual(before.index - 1e-12);
    }
  });

  it("does not modify its inputs (frozen)", () => {
    const { influence, random } = cases[3];
    expect(() => readinessAssessment(deepFreeze(structuredClone(random)), deepFreeze(structuredClone(influence)))).not.toThrow();
  });
});

describe("assessReadiness(survey, model, scores): the shipped SYNTHETIC example", async () => {
  const model = defaultModel();
  const survey = await readSurveyFile("data/surveys/example-panel.csv", model);
  const scores = readReadinessScoresFile("data/readiness/example-scores.csv", model);
  const r = assessReadiness(survey, model, scores, { date: "2026-01-01T00:00:00.000Z" });
  const analysis = analyzeSurvey(survey, model, { bootstrap: 0 });

  it("uses the DANP weights and the D, R of the same baseline as analyze", () => {
    expect(r.weightMethod).toBe("DANP");
    expect(r.meta.weightsNote).toMatch(/^DANP influential weights/);
    const byId = new Map(r.components.map((c) => [c.id, c]));
    analysis.components.forEach((id, i) => {
      expect(byId.get(id)!.weight).toBeCloseTo(analysis.danp!.weights[i], 12);
      expect(byId.get(id)!.given).toBeCloseTo(analysis.given[i], 12);
      expect(byId.get(id)!.received).toBeCloseTo(analysis.received[i], 12);
    });
    expect(r.threshold).toBeCloseTo(analysis.threshold.value, 12);
    expect(r.meta).toMatchObject({ scores: "data/readiness/example-scores.csv", experts: 14, rule: READINESS_RULE, date: "2026-01-01T00:00:00.000Z" });
  });

  it("follows the rule of docs/methods.md §13.4: the order is improvementOrder's on the same gaps, D and D − R", () => {
    const inputs = model.components.map((c) => {
      const x = r.components.find((y) => y.id === c.id)!;
      return { gap: x.gap, given: x.given, relation: x.relation };
    });
    expect(r.components.map((c) => c.id)).toEqual(improvementOrder(inputs).map((i) => model.components[i].id));
    // On this panel: the two layer-1 drivers first (culture's larger gap × D), INS (at its aspiration 4) last.
    expect(r.components.map((c) => c.id)).toEqual(["CUL", "LEAD", "PRC", "GOV", "STR", "INF", "EMP", "BPM", "INT", "INS"]);
    expect(r.components[0].reason).toBe(
      "Strengthen Customer-centric culture first: gap 2.5 of 5 (normalised 0.63), and as a net cause (D − R = 1.48) it drives all 9 others.",
    );
  });

  it("falls back to DEMATEL weights, and says why, when the model's layers do not partition the components", () => {
    const { layers: _layers, ...flat } = model;
    const f = assessReadiness(simulatedSurvey(flat, { seed: 3 }), flat, scores);
    expect(f.weightMethod).toBe("DEMATEL");
    expect(f.meta.weightsNote).toMatch(/^DEMATEL weights w_j ∝ √\(\(D\+R\)² \+ \(D−R\)²\) \(docs\/methods\.md §2\.4\): DANP needs/);
    expect(f.components.reduce((a, c) => a + c.weight, 0)).toBeCloseTo(1, 12);
  });
});
