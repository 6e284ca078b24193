/**
 * Internal: the per-panel work of the power simulation (docs/methods.md §8.4), shared by
 * `powerCurve` in-process and by its worker threads (`powerWorker.ts`), so
 * both paths run the same code and give the same numbers. Not part of the
 * public API.
 */
import type { Model } from "../types.js";
import { createRandom } from "../random.js";
import { layerIndex } from "../model/model.js";
import { createTrendTest } from "../permutation/createTrendTest.js";
import { type PermutationOptions } from "../permutation/createAssignmentSet.js";
import { createDematelKernel } from "../core/dematelKernel.js";
import { panelMeans } from "./panelDraw.js";
import { createStudyMeans } from "./studyMeans.js";
import { deviatesPerExpert, drawMeanRatings } from "./drawMeanRatings.js";

/** Everything a simulator needs; plain data, so it can be posted to a worker. */
export interface PowerJob {
  model: Model;
  delta: number;
  /** Within-layer heterogeneity ω (layer units; docs/methods.md §8.1): each simulated panel draws its own component positions. */
  omega: number;
  sigma: number;
  tau: number;
  c: number;
  scaleMax: number;
  significanceLevel: number;
  seed: number;
  /** Largest panel size that will be simulated (sizes the buffers). */
  maxExperts: number;
  /** Options of the trend permutation test (`createTrendTest`). */
  test: PermutationOptions;
}

/** Counts over a range of simulations at one panel size. */
export interface PowerCounts {
  rejections: number;
  failed: number;
}

/** MurmurHash3's 32-bit finaliser (a bijection that mixes every input bit into every output bit). */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The seed of simulation number `sim` (0-based) at panel size K:
 * fmix32(fmix32(fmix32(seed + φ) ⊕ K + c₁) ⊕ sim + c₂) with MurmurHash3's
 * finaliser and fixed odd constants. It depends only on (seed, K, sim), so a
 * power figure never depends on the number of workers, on how the work was
 * split, or on which other panel sizes were asked for.
 */
export function simulationSeed(seed: number, K: number, sim: number): number {
  const s = (seed >>> 0) ^ Math.floor(seed / 4294967296);
  let h = fmix32((s + 0x9e3779b9) >>> 0);
  h = fmix32(((h ^ K) + 0x7f4a7c15) >>> 0);
  h = fmix32(((h ^ sim) + 0x2545f491) >>> 0);
  return h;
}

/**
 * A simulator whose buffers, kernel and permutation test are built once; per panel it allocates only
 * its own seeded generator (`createRandom(simulationSeed(…))`, so that a panel depends on (seed, K, sim)
 * alone; with ω > 0 also the position stream's) and the permutation test's small result object.
 */
export interface PowerSimulator {
  /** Number of assignments and method of the trend test. */
  readonly method: "exact" | "monte-carlo";
  readonly assignments: number;
  /** One panel: 1 when the trend test rejects at the significance level, 0 when not, −1 when the panel has no T or no defined S_trend. */
  runOne(K: number, sim: number): number;
  /** Simulations start..end−1 at panel size K. */
  runRange(K: number, start: number, end: number): PowerCounts;
}

/** Prepare the buffers, the kernel and the permutation test once. */
export function createPowerSimulator(job: PowerJob): PowerSimulator {
  const n = job.model.components.length;
  const layerOf = layerIndex(job.model);
  const mu = panelMeans(job.model, job.delta, job.c);
  const studyMeans = createStudyMeans(job.model, job.omega, job.delta, job.c);
  const normals = new Float64Array(job.maxExperts * deviatesPerExpert(n));
  const kernel = createDematelKernel(layerOf, "max");
  // The sequential Monte Carlo rule decides at the job's α, the level the rejections are counted at.
  const trendTest = createTrendTest(layerOf, { significanceLevel: job.significanceLevel, ...job.test });
  const A = kernel.direct;
  const runOne = (K: number, sim: number): number => {
    if (K > job.maxExperts) throw new RangeError(`power simulation: K = ${K} exceeds the prepared maximum ${job.maxExperts}`);
    const seed = simulationSeed(job.seed, K, sim);
    // With ω > 0 every simulated study has its own population: positions ℓ + ω·z drawn as simulatePanel draws them.
    const means = job.omega > 0 ? studyMeans(seed) : mu;
    // The panel's mean matrix, drawn as simulatePanel draws its experts (same deviates), without the K matrices.
    drawMeanRatings(means, n, K, job.sigma, job.tau, job.scaleMax, createRandom(seed), normals, A);
    if (!kernel.run()) return -1;
    const { p } = trendTest.test(kernel.relation);
    if (Number.isNaN(p)) return -1;
    return p < job.significanceLevel ? 1 : 0;
  };
  return {
    method: trendTest.method,
    assignments: trendTest.assignments,
    runOne,
    runRange(K: number, start: number, end: number): PowerCounts {
      let rejections = 0,
        failed = 0;
      for (let sim = start; sim < end; sim++) {
        const r = runOne(K, sim);
        if (r === 1) rejections++;
        else if (r < 0) failed++;
      }
      return { rejections, failed };
    },
  };
}
