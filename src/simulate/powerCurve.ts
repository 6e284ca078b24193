import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Model } from "../types.js";
import type { PowerJob } from "./powerSimulation.js";
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
  return powerCurveWith(model, options, availableParallelism(), nodeRunner);
}

/** Worker threads running dist/simulate/powerWorker.js, or undefined (in-process) when that file is not there. */
const nodeRunner: PowerRunner = (job, units, count, add) => {
  const entry = workerEntry();
  if (entry === undefined) return undefined;
  return runOnWorkers(entry, job, units, count, add).then(() => count);
};

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
