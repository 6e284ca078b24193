import type { Model } from "../types.js";
import { requireLayers } from "../model/assertLayeredModel.js";
import type { PermutationOptions } from "../permutation/createAssignmentSet.js";
import { resolvePanelSettings } from "./panelDraw.js";
import { createPowerSimulator, type PowerCounts, type PowerJob } from "./powerSimulation.js";
import { layerIndex } from "../model/model.js";
import { powerAssignmentSet } from "./powerAssignmentSet.js";

/** Options of {@link powerCurve}; every default is stated in the result's `settings`. */
export interface PowerOptions {
  /** Panel sizes K to evaluate (default 5, 10, …, 40). */
  panelSizes?: readonly number[];
  /** Layer effect δ of the generative model (default 0.5; 0 = the null). */
  delta?: number;
  /**
   * Within-layer heterogeneity ω in layer units (default 0: every component of a layer alike, docs/methods.md §8.1).
   * With ω > 0 each simulated study draws its own component positions ℓ + ω·z, so the curve is the power
   * averaged over populations whose components differ within their layers; it may level off below 1.
   */
  omega?: number;
  /** Rating noise σ (default 0.8). */
  sigma?: number;
  /** Expert-bias standard deviation τ (default 0.3). */
  tau?: number;
  /** Mean rating c (default 2). */
  c?: number;
  /** Top of the integer rating scale (default 4). */
  scaleMax?: number;
  /** Simulated panels per K (default 1,000). */
  sims?: number;
  /** Level α of the trend test: a panel counts as a rejection when p < α (default 0.05). */
  significanceLevel?: number;
  /** Master seed (default 1); simulation seeds derive from (seed, K, simulation number). */
  seed?: number;
  /** Threads computing (default `os.availableParallelism()`; 1 = in-process; w > 1: the main thread and w − 1 worker threads). */
  workers?: number;
  /** Options of the trend permutation test (defaults of `createTrendTest`: exact up to 10^6 assignments). */
  test?: PermutationOptions;
  /** Called after each finished block of simulations with (simulations done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** The settings a power curve was computed with, defaults filled in. */
export interface PowerSettings {
  panelSizes: number[];
  delta: number;
  /** Within-layer heterogeneity ω (layer units). */
  omega: number;
  sigma: number;
  tau: number;
  c: number;
  scaleMax: number;
  sims: number;
  significanceLevel: number;
  seed: number;
  /** Threads asked for. */
  workers: number;
  /** Threads actually used: the main thread and workersUsed − 1 worker threads (1 = in-process; see {@link powerCurve}). */
  workersUsed: number;
  /** The trend test: "exact" enumeration or "monte-carlo", over how many assignments. */
  test: { method: "exact" | "monte-carlo"; assignments: number; maxExact: number; samples: number; seed: number };
}

/** Power of the trend test per panel size. */
export interface PowerResult {
  settings: PowerSettings;
  /** The panel sizes K, in the order of `power`. */
  panelSizes: number[];
  /** rejections / (sims − failed) per K. */
  power: number[];
  /** Monte Carlo standard error √(p(1 − p)/(sims − failed)). */
  mcse: number[];
  rejections: number[];
  /** Simulated panels without a total-relation matrix or a defined S_trend (left out of the denominator; essentially never with noise). */
  failed: number[];
}

/**
 * Runs a curve's units on `count` threads, this one (`runHere`, the in-process simulator) among them, and resolves
 * to the number used; calls `add` with each unit's counts, once per unit.
 * Returns undefined when it cannot run them (no worker code here): the curve then runs in-process.
 */
export type PowerRunner = (
  job: PowerJob,
  units: SimulationUnit[],
  count: number,
  add: (unit: SimulationUnit, counts: PowerCounts) => void,
  runHere: (unit: SimulationUnit) => PowerCounts,
) => Promise<number> | undefined;

/**
 * The power curve of {@link powerCurve} with the parallel part supplied (`runner`; none = in-process) and the
 * default number of workers given: the one procedure behind `powerCurve` on Node (worker threads) and the
 * browser app (in its Web Worker, in-process). Results depend only on the options, never on the runner.
 * @example
 * const curve = await powerCurveWith(defaultModel(), { panelSizes: [5, 10], sims: 200 }, 1);
 */
export async function powerCurveWith(model: Model, options: PowerOptions, defaultWorkers: number, runner?: PowerRunner): Promise<PowerResult> {
  const o = checkedOptions(model, options, defaultWorkers);
  const job = powerJob(model, o);
  const simulator = createPowerSimulator(job); // also validates the test options before any worker starts
  const tally = { rejections: new Array<number>(o.panelSizes.length).fill(0), failed: new Array<number>(o.panelSizes.length).fill(0), done: 0 };
  const total = o.panelSizes.length * o.sims;
  const add = (u: SimulationUnit, r: { rejections: number; failed: number }): void => {
    tally.rejections[u.index] += r.rejections;
    tally.failed[u.index] += r.failed;
    tally.done += u.end - u.start;
    options.onProgress?.(tally.done, total);
  };
  const units = simulationUnits(o.panelSizes, o.sims);
  let workersUsed = 1;
  const runHere = (u: SimulationUnit): PowerCounts => simulator.runRange(u.K, u.start, u.end);
  const parallel = o.workers > 1 && runner ? runner(job, units, Math.min(o.workers, units.length), add, runHere) : undefined;
  if (parallel === undefined) for (const u of units) add(u, runHere(u));
  else workersUsed = await parallel;
  const { rejections, failed } = tally;
  const power = o.panelSizes.map((_, i) => (o.sims - failed[i] > 0 ? rejections[i] / (o.sims - failed[i]) : NaN));
  const mcse = power.map((p, i) => Math.sqrt((p * (1 - p)) / (o.sims - failed[i])));
  const { panel, testOptions: t } = o;
  return {
    settings: {
      panelSizes: o.panelSizes.slice(),
      delta: panel.delta,
      omega: o.omega,
      sigma: panel.sigma,
      tau: panel.tau,
      c: panel.c,
      scaleMax: panel.scaleMax,
      sims: o.sims,
      significanceLevel: o.significanceLevel,
      seed: panel.seed,
      workers: o.workers,
      workersUsed,
      test: {
        method: simulator.method,
        assignments: simulator.assignments,
        maxExact: t.maxExact as number,
        samples: t.samples as number,
        seed: t.seed as number,
      },
    },
    panelSizes: o.panelSizes,
    power,
    mcse,
    rejections,
    failed,
  };
}

/** The options of {@link powerCurve} with their defaults, checked. */
function checkedOptions(model: Model, options: PowerOptions, defaultWorkers: number) {
  const panelSizes = [...(options.panelSizes ?? [5, 10, 15, 20, 25, 30, 35, 40])];
  if (panelSizes.length === 0) throw new RangeError("powerCurve: panelSizes must list at least one panel size");
  for (const K of panelSizes) if (!Number.isInteger(K) || K < 1) throw new RangeError(`powerCurve: each panel size must be a positive integer, got ${K}`);
  const panel = resolvePanelSettings(
    { delta: options.delta, sigma: options.sigma, tau: options.tau, c: options.c, scaleMax: options.scaleMax, seed: options.seed },
    "powerCurve",
  );
  const omega = options.omega ?? 0;
  if (typeof omega !== "number" || !Number.isFinite(omega) || omega < 0)
    throw new RangeError(`powerCurve: omega must be a finite number ≥ 0, got ${String(omega)}`);
  const sims = options.sims ?? 1000;
  const significanceLevel = options.significanceLevel ?? 0.05;
  const workers = options.workers ?? defaultWorkers;
  if (!Number.isInteger(sims) || sims < 1) throw new RangeError(`powerCurve: sims must be a positive integer, got ${sims}`);
  if (!(significanceLevel > 0 && significanceLevel < 1)) throw new RangeError(`powerCurve: significanceLevel must be in (0, 1), got ${significanceLevel}`);
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`powerCurve: workers must be a positive integer, got ${workers}`);
  requireLayers(model, "powerCurve");
  // A Monte Carlo test's sequential rule decides at the curve's own α (docs/methods.md §5.5), as the rejections do.
  const testOptions: PermutationOptions = {
    maxExact: options.test?.maxExact ?? 1e6,
    samples: options.test?.samples ?? 100000,
    seed: options.test?.seed ?? 1,
    significanceLevel,
  };
  return { panelSizes, panel, omega, sims, significanceLevel, workers, testOptions };
}

/** What every simulation of the curve shares, as sent to a worker (plain data and typed arrays). */
function powerJob(model: Model, o: ReturnType<typeof checkedOptions>): PowerJob {
  const { panel } = o;
  return {
    model: structuredClone(model),
    delta: panel.delta,
    omega: o.omega,
    sigma: panel.sigma,
    tau: panel.tau,
    c: panel.c,
    scaleMax: panel.scaleMax,
    significanceLevel: o.significanceLevel,
    seed: panel.seed,
    maxExperts: Math.max(...o.panelSizes),
    // The trend test's assignments, built here once (or kept from the previous curve) and posted to the workers with the job.
    test: { ...o.testOptions, assignmentSet: powerAssignmentSet(layerIndex(model), o.testOptions) },
  };
}

/** A block of simulations: panel size `K` (at `index` in the curve), simulations start..end − 1. */
export interface SimulationUnit {
  index: number;
  K: number;
  start: number;
  end: number;
}

/** The curve's simulations in blocks of 50 per panel size, the unit of work of one worker message. */
function simulationUnits(panelSizes: readonly number[], sims: number): SimulationUnit[] {
  const block = 50;
  const units: SimulationUnit[] = [];
  panelSizes.forEach((K, index) => {
    for (let start = 0; start < sims; start += block) units.push({ index, K, start, end: Math.min(sims, start + block) });
  });
  return units;
}
