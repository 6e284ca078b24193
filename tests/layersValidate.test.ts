import { describe, expect, it } from "vitest";
import {
  assertLayeredModel,
  MAX_LAYER_ORDERS,
  componentIds,
  createRandom,
  defaultModel,
  InputError,
  ismLevels,
  layerIndex,
  layerTests,
  micmac,
  validateLayers,
  type InputProblem,
  type Matrix,
  type Model,
} from "../src/index.js";

/** A seeded synthetic panel on the CXM model: x_ij = round(clip(2 + δ(ℓ(j) − ℓ(i)) + noise, 0, 4)) (docs/methods.md §8.1 form, no expert bias). */
function panel(model: Model, K: number, delta: number, seed: number): Matrix[] {
  const l = layerIndex(model);
  const rng = createRandom(seed);
  return Array.from({ length: K }, () =>
    l.map((li, i) => l.map((lj, j) => (i === j ? 0 : Math.round(Math.min(4, Math.max(0, 2 + delta * (lj - li) + 0.8 * rng.normal())))))),
  );
}

describe("validateLayers(matrices, model)", () => {
  const model = defaultModel();
  const ids = componentIds(model);

  it("rejects the ordering's null on a strongly layered panel and bundles consistent parts", () => {
    const v = validateLayers(panel(model, 10, 0.8, 1), model, { thresholds: [{ method: "mean" }, { method: "mean+sd" }] });
    expect(v.components).toEqual(ids);
    expect(v.layers).toEqual(["L1", "L2", "L3", "L4"]);
    expect(v.trend.method).toBe("exact");
    expect(v.trend.assignments).toBe(25200);
    expect(v.trend.p).toBeLessThan(0.01);
    expect(v.flow.p).toBeLessThan(0.01);
    expect(v.orders!.count).toBe(24);
    expect(v.orders!.proposedRank).toBe(1);
    expect(v.agreement.suggested.kappaQuadratic).toBeGreaterThan(0.5);
    // The parts agree with the single-purpose functions on the same DEMATEL result.
    const t = layerTests(v.dematel.total, v.dematel.relation, model);
    expect(v.trend).toEqual(t.trend);
    expect(v.signs).toEqual(t.signs);
    const ism = ismLevels(v.dematel.total, v.dematel.threshold.value, ids);
    expect(v.ism).toEqual(ism);
    expect(v.micmac).toEqual(micmac(ism.reachability, ids));
    expect(v.sensitivity?.scenarios[0].trendP).toBe(v.trend.p);
    expect(v.sensitivity?.scenarios.filter((s) => s.kind === "leave-one-out")).toHaveLength(10);
  });

  it("does not reject on a null panel (δ = 0) for this seed", () => {
    const v = validateLayers(panel(model, 10, 0, 2), model, { sensitivity: false });
    expect(v.sensitivity).toBeNull();
    expect(v.trend.p).toBeGreaterThan(0.05);
  });

  it("throws a clear RangeError for a model without layers or with one layer", () => {
    const ms = panel(model, 3, 0.5, 3);
    expect(() => validateLayers(ms, { ...model, layers: undefined })).toThrow(/needs a model with layers; this model has none/);
    const one: Model = { ...model, layers: [{ id: "ALL", name: "everything", components: ids }] };
    expect(() => validateLayers(ms, one)).toThrow(RangeError);
    expect(() => validateLayers(ms, one)).toThrow(/at least two layers/);
    expect(() => validateLayers([], model)).toThrow(RangeError);
  });
});

describe("validateLayers above MAX_LAYER_ORDERS layers, and the orders option", () => {
  // Nine one-component layers (9! = 362,880 orders): the ranking of every order is left out, nothing else.
  const ids9 = Array.from({ length: 9 }, (_, i) => `C${i + 1}`);
  const nine: Model = {
    components: ids9.map((id) => ({ id, name: id })),
    layers: ids9.map((id, i) => ({ id: `L${i + 1}`, name: `layer ${i + 1}`, components: [id] })),
  };

  it("9 layers: no orders, but the exact trend and flow tests over 9! assignments, signs, suggested layers, ISM, MICMAC and sensitivity", () => {
    expect(MAX_LAYER_ORDERS).toBe(8);
    const ms = panel(nine, 4, 0.5, 9);
    const v = validateLayers(ms, nine, { thresholds: [{ method: "mean" }], aggregations: ["mean"] });
    expect(v).not.toHaveProperty("orders");
    expect(v.layers).toHaveLength(9);
    expect(v.trend).toMatchObject({ method: "exact", assignments: 362880, evaluated: 362880 });
    expect(v.flow.assignments).toBe(362880);
    // The same numbers as the single-purpose function on the same DEMATEL result.
    const t = layerTests(v.dematel.total, v.dematel.relation, nine);
    expect(v.trend).toEqual(t.trend);
    expect(v.flow).toEqual(t.flow);
    expect(v.signs).toEqual(t.signs);
    expect(v.suggestedLayer).toHaveLength(9);
    expect(v.ism.levels.flat().sort()).toEqual([...ids9].sort());
    expect(v.micmac.components).toEqual(ids9);
    expect(v.sensitivity?.scenarios.filter((s) => s.kind === "leave-one-out")).toHaveLength(4);
  });

  it("orders: false leaves the ranking out for any model; orders: true above 8 layers is misuse (RangeError from layerOrders)", () => {
    const model = defaultModel();
    const ms = panel(model, 4, 0.5, 4);
    const without = validateLayers(ms, model, { sensitivity: false, orders: false });
    expect(without).not.toHaveProperty("orders");
    const withOrders = validateLayers(ms, model, { sensitivity: false });
    expect(withOrders.orders!.count).toBe(24);
    expect(without.trend).toEqual(withOrders.trend);
    expect(() => validateLayers(panel(nine, 2, 0.5, 5), nine, { sensitivity: false, orders: true })).toThrow(RangeError);
  });
});

describe("assertLayeredModel(model, { file })", () => {
  const model = defaultModel();
  const ids = componentIds(model);
  const problem = (m: Model, file?: string): InputProblem => {
    try {
      assertLayeredModel(m, { file });
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).problems[0];
    }
    throw new Error("assertLayeredModel did not throw");
  };

  it("returns the number of non-empty layers: 4 for the CXM model (layers of 2, 3, 2, 3)", () => {
    expect(assertLayeredModel(model)).toBe(4);
    expect(assertLayeredModel({ ...model, layers: [...model.layers!, { id: "EMPTY", name: "empty", components: [] }] })).toBe(4);
  });

  it("no layers: the plain message, located at the model file's layers column", () => {
    const p = problem({ ...model, layers: undefined }, "m.json");
    expect(p).toMatchObject({ file: "m.json", column: "layers", found: 'no "layers" in the model' });
    expect(p.message).toBe("the model has no layers, so there is no proposed ordering to test (analyze still gives the DEMATEL results)");
    expect(problem({ ...model, layers: [] }).found).toBe("an empty layer list");
    expect(problem({ ...model, layers: [] }).file).toBeUndefined();
  });

  it("one layer: its own message", () => {
    const p = problem({ ...model, layers: [{ id: "ALL", name: "everything", components: ids }] }, "the embedded model");
    expect(p).toMatchObject({
      file: "the embedded model",
      column: "layers",
      found: "1 layer",
      message: "the model has only one layer, so there is no ordering of layers to test",
    });
  });
});
