import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Model } from "../types.js";
import { requireLayers } from "../model/assertLayeredModel.js";
import type { PermutationOptions } from "../permutation/createAssignmentSet.js";
import { resolvePanelSettings } from "./panelDraw.js";
import { createPowerSimulator, type PowerJob } from "./powerSimulation.js";

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
  /** Worker threads (default `os.availableParallelism()`; 1 = in-process). */
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
  /** Worker threads asked for. */
  workers: number;
  /** Worker threads actually used (1 = in-process; see {@link powerCurve}). */
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
 * The compiled worker entry beside this module (dist/simulate/powerWorker.js
 * beside dist/simulate/powerCurve.js), or undefined when there is none: when
 * this module runs from its TypeScript source (vitest: src/simulate/), only
 * powerWorker.ts is there, which a worker thread cannot load, and the work
 * runs in-process.
 */
function workerEntry(): URL | undefined {
  const entry = new URL("./powerWorker.js", import.meta.url);
  return entry.protocol === "file:" && existsSync(fileURLToPath(entry)) ? entry : undefined;
}

/**
 * Power of the exact trend test (docs/methods.md §5) against the number of experts,
 * by simulation under the generative model of docs/methods.md §8.1 (procedure: §8.4): for each panel size
 * K, `sims` panels are drawn (as {@link simulatePanel} draws them), averaged,
 * analysed with classic DEMATEL (max normalisation) and tested with
 * `createTrendTest`; Power(K) = share of panels with p < α, with Monte
 * Carlo standard error √(p(1 − p)/(sims − failed)), failed panels (no T or no defined S_trend) left out. δ = 0 gives the size of the test.
 * Note: the exact test is discrete (S_trend takes few values), so its size is
 * at most α and may be somewhat below it.
 *
 * Reproducibility: simulation s at panel size K uses the seed
 * `simulationSeed(seed, K, s)` (MurmurHash3 mixing), so the numbers depend only
 * on (seed, K, s) — never on the number of workers, the order in which they
 * finish, or the other sizes in `panelSizes`.
 *
 * Worker threads: with workers > 1 the simulations are split into blocks of
 * at most 50 and handed to `node:worker_threads` workers running
 * powerWorker.js, found beside this module (`new URL("./powerWorker.js",
 * import.meta.url)`): dist/simulate/powerWorker.js in the built package, which
 * the CLI and the notebooks use. When this module runs from TypeScript source
 * (vitest) there is no compiled worker file, and the work runs in-process
 * (`settings.workersUsed` says so), with identical results.
 *
 * @param model a model with at least two non-empty layers.
 * @returns a promise of the curve (asynchronous because of the workers).
 * @throws {RangeError} (rejects) when the model has fewer than two layers or an option is invalid.
 * @example
 * const curve = await powerCurve(defaultModel(), { panelSizes: [5, 10, 20], sims: 500, seed: 1 });
 * curve.power; // rises with K
 */
export async function powerCurve(model: Model, options: PowerOptions = {}): Promise<PowerResult> {
  const o = checkedOptions(model, options);
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
  const entry = o.workers > 1 ? workerEntry() : undefined;
  let workersUsed = 1;
  if (entry === undefined) for (const u of units) add(u, simulator.runRange(u.K, u.start, u.end));
  else {
    workersUsed = Math.min(o.workers, units.length);
    await runOnWorkers(entry, job, units, workersUsed, add);
  }
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
function checkedOptions(model: Model, options: PowerOptions) {
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
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(sims) || sims < 1) throw new RangeError(`powerCurve: sims must be a positive integer, got ${sims}`);
  if (!(significanceLevel > 0 && significanceLevel < 1)) throw new RangeError(`powerCurve: significanceLevel must be in (0, 1), got ${significanceLevel}`);
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`powerCurve: workers must be a positive integer, got ${workers}`);
  requireLayers(model, "powerCurve");
  const testOptions: PermutationOptions = { maxExact: options.test?.maxExact ?? 1e6, samples: options.test?.samples ?? 100000, seed: options.test?.seed ?? 1 };
  return { panelSizes, panel, omega, sims, significanceLevel, workers, testOptions };
}

/** What every simulation of the curve shares, as sent to a worker. */
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
    test: o.testOptions,
  };
}

/** A block of simulations: panel size `K` (at `index` in the curve), simulations start..end − 1. */
interface SimulationUnit {
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

/** Hand the units to `count` workers, one unit at a time each, until all are done; rejects on the first worker error. */
function runOnWorkers<U extends { index: number; K: number; start: number; end: number }>(
  entry: URL,
  job: PowerJob,
  units: U[],
  count: number,
  onResult: (unit: U, counts: { rejections: number; failed: number }) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let settled = false;
    const pool: Worker[] = [];
    const stopAll = (): void => {
      for (const w of pool) void w.terminate();
    };
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      stopAll();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const feed = (worker: Worker, inFlight: { unit: U | null }): void => {
      if (next < units.length) {
        inFlight.unit = units[next++];
        worker.postMessage(inFlight.unit);
      } else {
        inFlight.unit = null;
        worker.postMessage(null);
      }
    };
    for (let w = 0; w < count; w++) {
      const worker = new Worker(entry, { workerData: { cxmDematelPowerWorker: 1, job } });
      pool.push(worker);
      const inFlight: { unit: U | null } = { unit: null };
      worker.on("message", (msg: { index: number; rejections: number; failed: number }) => {
        if (settled || !inFlight.unit) return;
        onResult(inFlight.unit, msg);
        finished++;
        if (finished === units.length) {
          settled = true;
          for (const other of pool) other.postMessage(null);
          resolve();
          return;
        }
        feed(worker, inFlight);
      });
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (!settled && code !== 0) fail(new Error(`power worker stopped with exit code ${code}`));
      });
      feed(worker, inFlight);
    }
  });
}
