import { describe, expect, it } from "vitest";
import type { Model } from "../src/types.js";
import { aggregate } from "../src/core/aggregate.js";
import { dematel } from "../src/core/dematel.js";
import { defaultModel, layerIndex } from "../src/model/model.js";
import { createRandom } from "../src/random.js";
import { simulatePanel } from "../src/simulate/simulatePanel.js";
import { simulatedSurvey } from "../src/simulate/simulatedSurvey.js";
import { analyzeSurvey, surveyBaseline } from "../src/pipeline/analyzeSurvey.js";
import { bcaLevels } from "../src/stats/bcaLevels.js";
import { normalCdf, normalQuantile } from "../src/stats/standardNormal.js";
import { quantileType7 } from "../src/stats/quantileType7.js";
import { createReplicateEvaluator } from "../src/uncertainty/replicateEvaluator.js";
import { resampleExperts } from "../src/uncertainty/resampleExperts.js";
import { jackknifeExperts } from "../src/uncertainty/jackknifeExperts.js";
import { trendStatistic } from "../src/permutation/trendStatistic.js";
import { flowStatistic } from "../src/permutation/flowStatistic.js";
import { TWO_LAYER_MODEL } from "./helpers.js";
import {
  LIBRARY_PARTS,
  analysePanel,
  coverageStudy,
  coverageTables,
  covers,
  expectedRating,
  expectedRatings,
  intervals,
  panelSeed,
  population,
  studentQuantile,
  type CoverageLibrary,
} from "../scripts/coverageStudy.mjs";

// The machinery of scripts/coverage.mjs (docs/methods.md §7.6) on the sources: a tiny grid, not a claim about coverage levels.
const lib = {
  aggregate,
  bcaLevels,
  createRandom,
  createReplicateEvaluator,
  defaultModel,
  dematel,
  flowStatistic,
  jackknifeExperts,
  layerIndex,
  normalCdf,
  normalQuantile,
  resampleExperts,
  simulatePanel,
  simulatedSurvey,
  surveyBaseline,
  trendStatistic,
} as unknown as CoverageLibrary;

/** Two components, one per layer (outer A, inner B). */
const TWO: Model = TWO_LAYER_MODEL;

describe("coverage study machinery (scripts/coverageStudy.mjs)", () => {
  it("is handed every library part it names", () => {
    expect(Object.keys(lib).sort()).toEqual([...LIBRARY_PARTS].sort());
  });

  it("expectedRating(μ, σ, τ, s) is Σ_v Φ((μ − v + ½)/√(σ² + τ²)): hand values", () => {
    // σ = τ = 0: round(clip(μ)), halves up as Math.round.
    expect(expectedRating(lib, 2.5, 0, 0, 4)).toBe(3);
    expect(expectedRating(lib, 2.49, 0, 0, 4)).toBe(2);
    expect(expectedRating(lib, -1, 0, 0, 4)).toBe(0);
    expect(expectedRating(lib, 4.7, 0, 0, 4)).toBe(4);
    // μ = c = 2 on 0..4 is symmetric: E = 2 for any noise.
    expect(expectedRating(lib, 2, 0.8, 0.3, 4)).toBeCloseTo(2, 12);
    // μ = 0.5, √(0.6² + 0.8²) = 1: Φ(0) + Φ(−1) + Φ(−2) + Φ(−3) = 0.5 + 0.15865525393 + 0.02275013195 + 0.00134989803 (normal table).
    expect(expectedRating(lib, 0.5, 0.6, 0.8, 4)).toBeCloseTo(0.68275528391, 9);
  });

  it("the exact expected ratings match a 20,000-expert panel of the generator within Monte Carlo error", () => {
    const model = defaultModel();
    const g = { delta: 0.5, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4 };
    const exact = expectedRatings(lib, model, g);
    const mean = aggregate(simulatePanel(model, { ...g, expertCount: 20000, seed: 424242 }));
    let worst = 0;
    exact.forEach((row, i) => row.forEach((e, j) => (worst = Math.max(worst, Math.abs(e - mean[i][j])))));
    // One cell's SE over 20,000 experts is below 0.9/√20000 = 0.0064; 100 cells, so allow 5 SE.
    expect(worst).toBeLessThan(0.032);
    expect(worst).toBeGreaterThan(0);
  });

  it("population(): two layers of one component, σ = τ = 0, δ = 0.5 gives A = [[0, 3], [2, 0]] and the hand DEMATEL", () => {
    // μ_AB = 2 + 0.5 = 2.5 → 3, μ_BA = 1.5 → 2. λ = 3, N = [[0, 1], [2/3, 0]], (I − N)⁻¹ = 3·[[1, 1], [2/3, 1]],
    // T = N(I − N)⁻¹ = [[2, 3], [2, 2]]: D = [5, 4], R = [4, 5], D + R = [9, 9], D − R = [1, −1], ρ(N) = √(2/3);
    // S_trend = 1 (the outer component is the cause), S_flow = (3 − 2)/(3 + 2) = 0.2.
    const pop = population(lib, TWO, { delta: 0.5, sigma: 0, tau: 0, c: 2, scaleMax: 4 });
    expect(pop.direct).toEqual([
      [0, 3],
      [2, 0],
    ]);
    const v = pop.values;
    const close = (a: number[], b: number[]) => a.forEach((x, i) => expect(x).toBeCloseTo(b[i], 12));
    close(v.given, [5, 4]);
    close(v.received, [4, 5]);
    close(v.prominence, [9, 9]);
    close(v.relation, [1, -1]);
    close(v.givenShare, [5 / 9, 4 / 9]);
    close(v.relationShare, [1 / 9, -1 / 9]);
    expect(v.trend[0]).toBeCloseTo(1, 12);
    expect(v.flow[0]).toBeCloseTo(0.2, 12);
    expect(pop.spectralRadius).toBeCloseTo(Math.sqrt(2 / 3), 10);
  });

  it("population(): with ω = 0 the S_trend estimand is the untied limit √(37/45) = 0.907 (layer sizes 2, 3, 2, 3), the tied plug-in 1", () => {
    // Tau-b with ties in the layers only: (C − D)/√((n₀ − n₁)·n₀), n₀ = 45 pairs, n₁ = 1 + 3 + 1 + 3 = 8 within-layer pairs,
    // C = 37, D = 0: 37/√(37·45) = √(37/45).
    const pop = population(lib, defaultModel(), { delta: 0.2, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4 });
    expect(pop.values.trend[0]).toBeCloseTo(Math.sqrt(37 / 45), 12);
    expect(pop.trendPlugIn).toBeCloseTo(1, 12);
  });

  it("intervals(): percentile is type 7, basic reflects it about θ̂, shifted moves it by −2·bias (hand case)", () => {
    // replicates 1, 1, 2, 6, 10 (mean 4), θ̂ = 2, level 0.5: q(0.25) = 1, q(0.75) = 6, bias = 2.
    const iv = intervals(lib, [10, 1, 6, 2, 1], 2, null, 0.5);
    expect(iv.percentile).toEqual([quantileType7([1, 1, 2, 6, 10], 0.25), quantileType7([1, 1, 2, 6, 10], 0.75)]);
    expect(iv.percentile).toEqual([1, 6]);
    expect(iv.basic).toEqual([-2, 3]);
    expect(iv.shifted).toEqual([-3, 2]);
    expect(iv.bcaMissing).toBe(true);
    expect(iv.jackT.every(Number.isNaN)).toBe(true);
  });

  it("studentQuantile agrees with Student's t table (0.975: ν = 7 2.364624, 13 2.160369, 29 2.045230)", () => {
    expect(studentQuantile(lib, 0.975, 7)).toBeCloseTo(2.364624, 4);
    expect(studentQuantile(lib, 0.975, 13)).toBeCloseTo(2.160369, 5);
    expect(studentQuantile(lib, 0.975, 29)).toBeCloseTo(2.04523, 5);
  });

  it("covers() is closed at both ends, with the tie tolerance 1e-12·max(1, |x|) (docs/methods.md §4.1)", () => {
    expect(covers([1, 2], 1)).toBe(true);
    expect(covers([1, 2], 2)).toBe(true);
    expect(covers([1, 2], 2.0000001)).toBe(false);
    // A zero-width interval at S_trend's maximum, moved by rounding (e.g. mean of 2,000 equal replicates), still contains it.
    const top = Math.sqrt(37 / 45);
    expect(covers([top + 1e-15, top + 1e-15], top)).toBe(true);
    expect(covers([1000 + 1e-10, 1001], 1000)).toBe(true);
    expect(covers([1000 + 1e-8, 1001], 1000)).toBe(false);
  });

  it("a panel's percentile and BCa intervals and P(cause) are the pipeline's (analyzeSurvey, as layers --json), bit for bit", () => {
    const model = defaultModel();
    const seed = panelSeed(1, 0, 0);
    const mine = analysePanel(lib, model, { delta: 0.5 }, { K: 8, seed, B: 200 });
    const boot = analyzeSurvey(simulatedSurvey(model, { delta: 0.5, expertCount: 8, seed }), model, { bootstrap: 200, seed: 1 }).layers!.bootstrap!;
    for (const q of ["given", "received", "prominence", "relation"] as const)
      boot[q].forEach((iv, i) => {
        const m = mine.intervals[q][i];
        expect([iv.estimate, iv.lower, iv.upper]).toEqual([mine.estimates[q][i], ...m.percentile]);
        if (iv.bca) expect([iv.bca.lower, iv.bca.upper]).toEqual(m.bca);
        expect(iv.bca === null).toBe(m.bcaMissing);
      });
    expect([boot.trend.lower, boot.trend.upper]).toEqual(mine.intervals.trend[0].percentile);
    expect([boot.flow.lower, boot.flow.upper]).toEqual(mine.intervals.flow[0].percentile);
    expect(boot.pCause).toEqual(mine.pCause);
    // As the product, no BCa for S_trend: the study's "bca" column falls back to the percentile interval, marked missing.
    expect(boot.trend.bca).toBeNull();
    expect(mine.intervals.trend[0].bcaMissing).toBe(true);
    expect(mine.intervals.trend[0].bca).toEqual(mine.intervals.trend[0].percentile);
  });

  it("coverageStudy counts what a recount of its panels gives, and the same seed gives the same table", () => {
    const options = { deltas: [0.5], Ks: [8], R: 12, B: 200 };
    const a = coverageStudy(lib, options);
    const model = defaultModel();
    const truth = population(lib, model, { delta: 0.5, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4 }).values;
    let hits = 0;
    let flowHits = 0;
    let confident = 0;
    let confidentTrue = 0;
    let bcaHits = 0;
    let bcaCount = 0;
    let trendFlat = 0;
    for (let r = 0; r < 12; r++) {
      const p = analysePanel(lib, model, { delta: 0.5 }, { K: 8, seed: panelSeed(1, 0, r), B: 200 });
      p.intervals.relation.forEach((iv, i) => (hits += covers(iv.percentile, truth.relation[i]) ? 1 : 0));
      flowHits += covers(p.intervals.flow[0].percentile, truth.flow[0]) ? 1 : 0;
      const t = p.intervals.trend[0].percentile;
      trendFlat += t[0] === t[1] ? 1 : 0;
      p.intervals.relation.forEach((iv, i) => {
        if (iv.bcaMissing) return;
        bcaCount++;
        bcaHits += covers(iv.bca, truth.relation[i]) ? 1 : 0;
      });
      p.pCause.forEach((x, i) => {
        if (x >= 0.95) {
          confident++;
          if (truth.relation[i] > 1e-12) confidentTrue++;
        }
      });
    }
    const s = a.settings[0];
    expect(s.coverage.percentile.relation.coverage).toBeCloseTo(hits / 120, 12);
    expect(s.coverage.percentile.flow.coverage).toBeCloseTo(flowHits / 12, 12);
    expect(s.pCause.atLeast95).toBe(confident);
    expect(s.pCause.trueCauseShare).toBeCloseTo(confidentTrue / confident, 12);
    // "bcaReported": the product's BCa intervals where not null, pooled over panels and components.
    expect(s.coverage.bcaReported.relation.coverage).toBeCloseTo(bcaHits / bcaCount, 12);
    expect(s.coverage.bcaReported.relation.counted).toBeCloseTo(bcaCount / 120, 12);
    expect(s.coverage.bcaMissing.relation).toBeCloseTo(1 - bcaCount / 120, 12);
    expect(s.coverage.degenerate.trend).toBeCloseTo(trendFlat / 12, 12);
    const b = coverageStudy(lib, options);
    const strip = (t: string) => t.replace(/\ntime: .*$/, "");
    expect(strip(coverageTables(b))).toBe(strip(coverageTables(a)));
    expect(b.settings.map((x) => x.coverage)).toEqual(a.settings.map((x) => x.coverage));
    const other = coverageStudy(lib, { ...options, seed: 2 });
    expect(other.settings[0].coverage.percentile.relation).not.toEqual(s.coverage.percentile.relation);
  });

  it("the small seeded study: the full grid δ ∈ {0.1, 0.2, 0.5} × K ∈ {8, 14, 30} with R = 4, B = 200 (npm test's version of npm run coverage)", () => {
    const study = coverageStudy(lib, { R: 4, B: 200 });
    expect(study.settings.map((s) => [s.delta, s.K])).toEqual([0.1, 0.2, 0.5].flatMap((d) => [8, 14, 30].map((K) => [d, K])));
    // Population ρ(N) of the exact expected ratings, as docs/methods.md §7.6 prints them (3 decimals).
    expect(study.settings.filter((s) => s.K === 8).map((s) => Number(s.populationSpectralRadius.toFixed(3)))).toEqual([0.916, 0.84, 0.648]);
    for (const s of study.settings) {
      for (const q of ["given", "received", "prominence", "relation", "trend", "flow"]) {
        const c = s.coverage.percentile[q].coverage;
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
      }
      expect(s.population.trend[0]).toBeCloseTo(Math.sqrt(37 / 45), 12);
    }
    // At δ = 0.5 the roles are clear: every P(cause) ≥ 0.95 is a true cause (R = 400 gives 1.000 in every K).
    for (const s of study.settings.filter((x) => x.delta === 0.5)) expect(s.pCause.trueCauseShare).toBe(1);
    const table = coverageTables(study);
    expect(table).toContain("Product intervals, percentile");
    expect(table).toContain("Product intervals, BCa where results.json reports one");
    expect(table.match(/^ω 0 δ 0\.5 K 30 /gm)?.length).toBe(2 + 9 + 1);
  });

  it("the studentised interval is added only when asked for (studentB > 0) and brackets the estimate's neighbourhood", () => {
    const model = defaultModel();
    const p = analysePanel(lib, model, { delta: 0.5 }, { K: 8, seed: 5, B: 100, studentB: 60 });
    const iv = p.intervals.prominence[0];
    expect(iv.studentT).toBeDefined();
    expect(iv.studentT![0]).toBeLessThan(iv.studentT![1]);
    expect(analysePanel(lib, model, { delta: 0.5 }, { K: 8, seed: 5, B: 100 }).intervals.prominence[0].studentT).toBeUndefined();
  });
});
