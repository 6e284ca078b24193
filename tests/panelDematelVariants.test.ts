import { describe, expect, it } from "vitest";
import { FUZZY_FIVE_TERM_SCALE, GREY_FIVE_TERM_SCALE, fuzzyMatrixOf, greyMatrixOf, type LinguisticScale } from "../src/core/linguisticScale.js";
import {
  analyzeSurvey,
  bootstrapExperts,
  defaultModel,
  fuzzyDematel,
  greyDematel,
  layerIndex,
  panelDematel,
  readSurvey,
  resolveSettings,
} from "../src/index.js";
import { createVariantReplicateEvaluator } from "../src/uncertainty/variantReplicateEvaluator.js";
import { createRandom } from "../src/random.js";

// The fuzzy and grey methods as the pipeline's DEMATEL stage (docs/methods.md §2.9–2.11):
// a survey's rating codes 0–4 read as the terms of a linguistic scale.

const model = defaultModel();
const survey = readSurvey("data/surveys/strong-panel.csv", model);
const matrices = survey.experts.map((e) => e.matrix);
const ids = model.components.map((c) => c.id);

describe("resolveSettings for the fuzzy and grey methods", () => {
  it("fills the defaults: defuzzify-first / whiten-last, global range, diagonal included, the built-in five-term scales", () => {
    expect(resolveSettings({ method: "fuzzy" }).variant).toEqual({ order: "defuzzify-first", range: "global", diagonal: true, scale: FUZZY_FIVE_TERM_SCALE });
    expect(resolveSettings({ method: "grey" }).variant).toEqual({ order: "whiten-last", range: "global", diagonal: true, scale: GREY_FIVE_TERM_SCALE });
    expect(resolveSettings().variant).toBeUndefined();
    expect(resolveSettings({ variant: { order: "defuzzify-last" } }).variant).toBeUndefined();
  });
  it("refuses an unknown order or range, and a scale whose numbers are not ordered, naming the term", () => {
    expect(() => resolveSettings({ method: "fuzzy", variant: { order: "whiten-last" } })).toThrow(/unknown fuzzy order "whiten-last"/);
    expect(() => resolveSettings({ method: "grey", variant: { range: "row" as never } })).toThrow(/unknown whitening range "row"/);
    const bad: LinguisticScale = { name: "bad", terms: [{ term: "0", tfn: [0, 0.5, 0.25] }] };
    expect(() => resolveSettings({ method: "fuzzy", variant: { scale: bad } })).toThrow(/bad: the limits of the term "0" must be ordered/);
    expect(() => resolveSettings({ method: "grey", variant: { scale: FUZZY_FIVE_TERM_SCALE } })).toThrow(/needs a grey number/);
  });
});

describe("panelDematel with method fuzzy | grey", () => {
  it("fuzzy: the codes become the scale's numbers, then fuzzyDematel in the settings' order", () => {
    for (const order of ["defuzzify-first", "defuzzify-last"] as const) {
      const s = resolveSettings({ method: "fuzzy", variant: { order } }, matrices.length);
      const expected = fuzzyDematel(
        matrices.map((m) => fuzzyMatrixOf(m, FUZZY_FIVE_TERM_SCALE)),
        { order, components: ids },
      ).dematel;
      expect(panelDematel(matrices, s, ids)).toEqual(expected);
    }
  });
  it("grey: likewise with greyDematel", () => {
    const s = resolveSettings({ method: "grey" }, matrices.length);
    expect(panelDematel(matrices, s, ids)).toEqual(
      greyDematel(
        matrices.map((m) => greyMatrixOf(m, GREY_FIVE_TERM_SCALE)),
        { components: ids },
      ).dematel,
    );
  });
  it("a rating that is no term of the scale is a RangeError naming the expert, the cell and the terms", () => {
    const short: LinguisticScale = { name: "a four-term scale", terms: FUZZY_FIVE_TERM_SCALE.terms.slice(0, 4) };
    const s = resolveSettings({ method: "fuzzy", variant: { scale: short } });
    expect(() => panelDematel(matrices, s, ids)).toThrow(
      /expert \d+, cell \(\d+, \d+\): the rating 4 is no term of a four-term scale, whose terms are 0, 1, 2, 3/,
    );
  });
  it("a scale of crisp numbers (l = m = u = code) gives classic DEMATEL exactly, in both orders", () => {
    const crisp: LinguisticScale = { name: "crisp", terms: [0, 1, 2, 3, 4].map((v) => ({ term: String(v), tfn: [v, v, v] as const, grey: [v, v] as const })) };
    const classic = panelDematel(matrices, resolveSettings({}, matrices.length), ids);
    for (const order of ["defuzzify-first", "defuzzify-last"] as const)
      expect(panelDematel(matrices, resolveSettings({ method: "fuzzy", variant: { order, scale: crisp } }, matrices.length), ids)).toEqual(classic);
    for (const order of ["whiten-first", "whiten-last"] as const)
      expect(panelDematel(matrices, resolveSettings({ method: "grey", variant: { order, scale: crisp } }, matrices.length), ids)).toEqual(classic);
  });
});

describe("analyzeSurvey runs a fuzzy and a grey analysis of a survey of codes 0–4", () => {
  for (const method of ["fuzzy", "grey"] as const) {
    it(`${method}: the baseline is panelDematel's, the layer tests, the bootstrap over experts and DANP run, meta says the method`, () => {
      const r = analyzeSurvey(survey, model, { settings: { method }, bootstrap: 20 });
      const s = resolveSettings({ method }, matrices.length);
      const d = panelDematel(matrices, s, ids);
      expect(r.total).toEqual(d.total);
      expect(r.relation).toEqual(d.relation);
      expect(r.meta.options.method).toBe(method);
      expect(r.meta.options.variant?.scale.name).toBe((method === "fuzzy" ? FUZZY_FIVE_TERM_SCALE : GREY_FIVE_TERM_SCALE).name);
      expect(r.layers?.trend).toBeDefined();
      expect(r.layers?.bootstrap?.used).toBe(20);
      expect(r.layers?.bootstrap?.relation.map((x) => x.estimate)).toEqual(d.relation);
      expect(r.layers?.notes.some((n) => n.startsWith("No bootstrap"))).toBe(false);
      expect(r.danp?.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
      expect(r.panel.leaveOneOut.length).toBe(matrices.length);
    });
  }
  it("classic results carry no method or variant in meta.options (results.json unchanged)", () => {
    const r = analyzeSurvey(survey, model, { bootstrap: 0 });
    expect(r.meta.options).not.toHaveProperty("method");
    expect(r.meta.options).not.toHaveProperty("variant");
  });
});

describe("bootstrapExperts over a fuzzy or grey panel (issue 12, item 7; docs/methods.md §7.1)", () => {
  const K = matrices.length;
  const layerOf = layerIndex(model);
  const variants = [
    { method: "fuzzy", order: "defuzzify-first" },
    { method: "fuzzy", order: "defuzzify-last" },
    { method: "grey", order: "whiten-last" },
    { method: "grey", order: "whiten-first" },
  ] as const;
  for (const { method, order } of variants)
    it(`${method} ${order}: a replicate is the method run on the drawn experts' ${method} matrices (each as often as drawn), recomputing the CFCS range`, () => {
      const s = resolveSettings({ method, variant: { order } }, K);
      const e = createVariantReplicateEvaluator(matrices, new Float64Array(K).fill(1), layerOf, s, ids);
      const counts = new Float64Array(K);
      const rng = createRandom(7);
      for (let k = 0; k < K; k++) counts[rng.int(K)]++;
      expect(e.evaluate(counts)).toBe(true);
      const drawn = matrices.flatMap((m, k) => Array.from({ length: counts[k] }, () => m));
      const d = panelDematel(drawn, s, ids, new Array<number>(K).fill(1));
      // Hand-built panel in another order: the weighted mean sums the same terms in another order, so 1e-12, not bit for bit.
      Array.from(e.kernel.relation).forEach((x, i) => expect(x).toBeCloseTo(d.relation[i], 12));
      Array.from(e.total).forEach((x, c) => expect(x).toBeCloseTo(d.total[Math.floor(c / ids.length)][c % ids.length], 12));
    });
  it("a replicate without any expert, or one whose relations are all tied (S_trend undefined), fails instead of throwing", () => {
    const s = resolveSettings({ method: "fuzzy" }, 2);
    const same = [matrices[0].map((row) => row.map(() => 2)), matrices[0].map((row) => row.map(() => 2))];
    const e = createVariantReplicateEvaluator(same, Float64Array.of(1, 1), layerOf, s, ids);
    expect(e.evaluate(Float64Array.of(0, 0))).toBe(false);
    expect(e.evaluate(Float64Array.of(2, 0))).toBe(false); // every relation 0: S_trend undefined
  });
  it("a scale of crisp numbers (l = m = u = code): the fuzzy and grey bootstraps are the classic bootstrap (same seed, to 1e-10)", () => {
    const crisp: LinguisticScale = { name: "crisp", terms: [0, 1, 2, 3, 4].map((v) => ({ term: String(v), tfn: [v, v, v] as const, grey: [v, v] as const })) };
    const classic = bootstrapExperts(matrices, model, { B: 60, seed: 5 });
    for (const { method, order } of variants) {
      const b = bootstrapExperts(matrices, model, { B: 60, seed: 5, settings: { method, variant: { order, scale: crisp } } });
      expect(b.used).toBe(classic.used);
      expect(b.pCause).toEqual(classic.pCause);
      expect(b.rankDistribution).toEqual(classic.rankDistribution);
      expect(b.structure).toEqual(classic.structure);
      expect(b.lambdaSource).toEqual(classic.lambdaSource);
      for (const key of ["given", "received", "prominence", "relation"] as const)
        b[key].forEach((x, i) => {
          expect(x.lower).toBeCloseTo(classic[key][i].lower, 10);
          expect(x.upper).toBeCloseTo(classic[key][i].upper, 10);
        });
      expect(b.trend.lower).toBeCloseTo(classic.trend.lower, 10);
      expect(b.flow.upper).toBeCloseTo(classic.flow.upper, 10);
    }
  });
  it("the five-term fuzzy scale: seeded, reproducible, and the intervals hold the full-panel estimates", () => {
    const opts = { B: 100, seed: 2, settings: { method: "fuzzy" as const } };
    const a = bootstrapExperts(matrices, model, opts);
    expect(bootstrapExperts(matrices, model, opts)).toEqual(a);
    expect(a.used + a.failed).toBe(100);
    a.relation.forEach((x) => expect(x.lower <= x.estimate && x.estimate <= x.upper).toBe(true));
    expect(a.structure?.used).toBe(a.used);
  });
});
