import type { Matrix, Model } from "../types.js";
import { roleOf, type Role } from "../core/dematel.js";
import { layerIndex } from "../model/model.js";
import { createTrendTest } from "../permutation/createTrendTest.js";
import type { PermutationResult, PermutationTest } from "../permutation/permutationTypes.js";
import { createFlowTest, type FlowTest } from "../permutation/createFlowTest.js";
import { reuseOrCreate, type PermutationOptions } from "../permutation/createAssignmentSet.js";
import { trendMaximum } from "../permutation/trendMaximum.js";
import { attainableTrendSize } from "../permutation/attainableTrendSize.js";

/** The level of the layer tests the verdict reads (p < 0.05), at which the trend test's attainable size is reported. */
export const LAYER_TEST_LEVEL = 0.05;

/** The trend and flow permutation tests of one model, prepared once (see {@link createLayerTests}). */
export interface PreparedLayerTests {
  /** Each component's 0-based layer, −1 for none. */
  layerOf: number[];
  trend: PermutationTest<ArrayLike<number>>;
  flow: FlowTest;
  /** The largest S_trend these layer sizes allow for an untied relation vector ({@link trendMaximum}). */
  trendMaximum: number;
  /** The exact trend test's attainable size at {@link LAYER_TEST_LEVEL}; null when the test is Monte Carlo. */
  attainableSize: number | null;
}

/** Options of {@link layerTests}. */
export interface LayerTestsOptions extends PermutationOptions {
  /** Tests already prepared for this model by {@link createLayerTests} (saves listing the assignments again). */
  prepared?: PreparedLayerTests;
}

/** One permutation test's outcome. */
export interface LayerTestResult {
  statistic: number;
  p: number;
  method: "exact" | "monte-carlo";
  /** Number of distinct assignments to layers of the proposed sizes. */
  assignments: number;
  /** Assignments the p-value was computed over (all, or the B Monte Carlo draws). */
  evaluated: number;
  /** Monte Carlo only: the draws actually read (fewer than `evaluated` when the sequential rule stopped early; docs/methods.md §5.5). */
  draws?: number;
  /** Monte Carlo only: the Monte Carlo standard error of p, √(p(1 − p)/draws). */
  standardError?: number;
}

/** The trend test's outcome, with what its value can reach and what its level really is (docs/methods.md §5.2, §5.6). */
export interface TrendTestResult extends LayerTestResult {
  /** The largest S_trend the layer sizes allow for untied relation, √((n₀ − n₁)/n₀) (below 1 whenever a layer has two components). */
  maximum: number;
  /** statistic / maximum: 1 means the components are as ordered as these layer sizes allow. */
  shareOfMaximum: number;
  /** The test's level α (0.05, the verdict's) and its attainable size there: P(p < α) under the null, below α since S_trend is discrete; size null for a Monte Carlo test (close to α). */
  attainableSize: { significanceLevel: number; size: number | null };
}

/** A prepared test's outcome as a {@link LayerTestResult}: exact results as before, Monte Carlo ones with their precision. */
function testResult(test: PermutationTest<never>, r: PermutationResult): LayerTestResult {
  const base = { statistic: r.statistic, p: r.p, method: test.method, assignments: test.assignments, evaluated: test.evaluated };
  return r.draws === undefined ? base : { ...base, draws: r.draws, standardError: r.standardError };
}

/** A component checked by the sign rules. */
export interface SignCheck {
  id: string;
  relation: number;
  /** role === "cause" (`roleOf`: relation > 1e-12). */
  cause: boolean;
  role: Role;
}

/** Outcome of {@link layerTests}. */
export interface LayerTests {
  trend: TrendTestResult;
  flow: LayerTestResult;
  signs: {
    /** Every component of the outermost layer is a cause (`roleOf`: relation > 1e-12). */
    outerAllCauses: boolean;
    /** Every component of the innermost layer is an effect (`roleOf`: relation < −1e-12). */
    innerAllEffects: boolean;
    outer: SignCheck[];
    inner: SignCheck[];
  };
}

/**
 * Prepare the trend and flow permutation tests of a model's layering once,
 * for repeated {@link layerTests} calls (sensitivity scenarios, bootstrap).
 * @throws {RangeError} when the model has fewer than two non-empty layers.
 * @example
 * const prepared = createLayerTests(defaultModel()); prepared.trend.assignments; // 25200
 */
export function createLayerTests(model: Model, options: PermutationOptions = {}): PreparedLayerTests {
  const layerOf = layerIndex(model);
  const assignmentSet = reuseOrCreate(layerOf, options);
  const sizes = (model.layers ?? []).map((l) => l.components.length);
  const trend = createTrendTest(layerOf, { assignmentSet });
  const attainable = trend.method === "exact" ? attainableTrendSize(model, LAYER_TEST_LEVEL, { maxExact: trend.assignments }) : undefined;
  return {
    layerOf,
    trend,
    flow: createFlowTest(layerOf, { assignmentSet }),
    trendMaximum: trendMaximum(sizes),
    attainableSize: attainable ? attainable.size : null,
  };
}

/**
 * Does a DEMATEL result support the model's proposed layering? (docs/methods.md §5)
 * - trend: S_trend = −τ_b(layer, relation) with its exact permutation p-value;
 * - flow: S_flow, the net inward share of total influence between layers, with its exact p-value;
 * - signs: whether every component of the outermost layer is a cause and
 *   every component of the innermost layer an effect (a relation within
 *   ±1e-12 counts as neutral, as in `influenceSums`).
 * p-values are exact when the number of assignments is at most `maxExact`
 * (default 1e6), otherwise seeded Monte Carlo (b+1)/(B+1), stopped early by the
 * sequential rule of Besag & Clifford (1991) when p is clearly large (h/L,
 * with `draws` and `standardError`); `method` says which.
 * @param total the total-relation matrix T, in model component order.
 * @param relation D − R per component, same order.
 * @throws {RangeError} when the model has fewer than two non-empty layers or
 *   the shapes do not match the model.
 * @example
 * const d = dematel(direct, { components: componentIds(model) });
 * layerTests(d.total, d.relation, model).trend.p;
 */
export function layerTests(total: Matrix, relation: ArrayLike<number>, model: Model, options: LayerTestsOptions = {}): LayerTests {
  const n = model.components.length;
  if (total.length !== n) throw new RangeError(`layerTests: T is ${total.length}×${total.length} but the model has ${n} components`);
  if (relation.length !== n) throw new RangeError(`layerTests: ${relation.length} relation values but the model has ${n} components`);
  const prepared = options.prepared ?? createLayerTests(model, options);
  if (prepared.layerOf.length !== n) throw new RangeError(`layerTests: the prepared tests are for ${prepared.layerOf.length} components, the model has ${n}`);
  const t = prepared.trend.test(relation);
  const f = prepared.flow.test(total);
  const layers = model.layers ?? [];
  const index = new Map(model.components.map((c, i) => [c.id, i] as const));
  const check = (ids: readonly string[]): SignCheck[] =>
    ids.map((id) => {
      const r = relation[index.get(id) as number];
      const role = roleOf(r);
      return { id, relation: r, cause: role === "cause", role };
    });
  const outer = check(layers[0].components);
  const inner = check(layers[layers.length - 1].components);
  return {
    trend: {
      ...testResult(prepared.trend, t),
      maximum: prepared.trendMaximum,
      shareOfMaximum: t.statistic / prepared.trendMaximum,
      attainableSize: { significanceLevel: LAYER_TEST_LEVEL, size: prepared.attainableSize },
    },
    flow: testResult(prepared.flow, f),
    signs: {
      outerAllCauses: outer.every((c) => c.cause),
      innerAllEffects: inner.every((c) => c.role === "effect"),
      outer,
      inner,
    },
  };
}
