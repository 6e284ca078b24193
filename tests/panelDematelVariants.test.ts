import { describe, expect, it } from "vitest";
import { FUZZY_FIVE_TERM_SCALE, GREY_FIVE_TERM_SCALE, fuzzyMatrixOf, greyMatrixOf, type LinguisticScale } from "../src/core/linguisticScale.js";
import { analyzeSurvey, defaultModel, fuzzyDematel, greyDematel, panelDematel, readSurvey, resolveSettings } from "../src/index.js";

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
    it(`${method}: the baseline is panelDematel's, the layer tests and DANP run, meta says the method, the bootstrap is left out with a note`, () => {
      const r = analyzeSurvey(survey, model, { settings: { method }, bootstrap: 20 });
      const s = resolveSettings({ method }, matrices.length);
      const d = panelDematel(matrices, s, ids);
      expect(r.total).toEqual(d.total);
      expect(r.relation).toEqual(d.relation);
      expect(r.meta.options.method).toBe(method);
      expect(r.meta.options.variant?.scale.name).toBe((method === "fuzzy" ? FUZZY_FIVE_TERM_SCALE : GREY_FIVE_TERM_SCALE).name);
      expect(r.layers?.trend).toBeDefined();
      expect(r.layers?.bootstrap).toBeUndefined();
      expect(r.layers?.notes.some((n) => n.startsWith(`No bootstrap: the bootstrap over experts is not yet implemented for the ${method} method`))).toBe(true);
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
