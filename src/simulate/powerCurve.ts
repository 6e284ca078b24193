import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Model } from "../types.js";
import { shareUnits } from "./powerThreads.js";
import { powerCurveWith, type PowerOptions, type PowerResult, type PowerRunner } from "./powerCurveCore.js";

export type { PowerOptions, PowerResult, PowerSettings } from "./powerCurveCore.js";

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
 * Threads: with workers = w > 1 the simulations are split into blocks of
 * at most 50, which the main thread and w − 1 `node:worker_threads` workers running
 * powerWorker.js take from one queue (the main thread starts at once, each worker
 * when it is ready; the main thread answers the workers between its blocks).
 * powerWorker.js is found beside this module (`new URL("./powerWorker.js",
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
  return powerCurveWith(model, options, availableParallelism(), nodeRunner);
}

/**
 * The main thread and count − 1 worker threads running dist/simulate/powerWorker.js, sharing the units
 * ({@link shareUnits}), or undefined (in-process) when that file is not there or one thread is all there is to use.
 */
const nodeRunner: PowerRunner = (job, units, count, add, runHere) => {
  const entry = workerEntry();
  if (entry === undefined || count < 2) return undefined;
  return shareUnits(entry, job, units, count - 1, runHere, add).then(() => count);
};
