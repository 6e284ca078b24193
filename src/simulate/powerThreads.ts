/**
 * Internal: a power curve's units of work shared out between the main thread and worker threads running
 * powerWorker.js (the parallel part of {@link powerCurve} on Node). Not part of the public API.
 *
 * Workers outlive a curve: when a curve is done its workers wait, idle and unreferenced (they never keep the
 * process alive), for the next curve, which then skips their start-up and finds their code already compiled
 * (the command runs one curve per δ; a notebook or a benchmark runs many). A worker that failed is stopped instead.
 */
import { Worker } from "node:worker_threads";
import type { PowerJob } from "./powerSimulation.js";

/** A block of simulations, as {@link SimulationUnit} (powerCurveCore.ts). */
interface Unit {
  index: number;
  K: number;
  start: number;
  end: number;
}

/** Counts of one unit. */
interface UnitCounts {
  rejections: number;
  failed: number;
}

/** The queue the threads take units from, and what happens to each result. */
interface UnitQueue<U extends Unit> {
  /** The next unit nobody has taken, or undefined when all are taken. */
  take(): U | undefined;
  /** Record a unit's counts (exactly once per unit). */
  done(unit: U, counts: UnitCounts): void;
  /** Stop everything with this error (the first one wins). */
  fail(error: unknown): void;
}

/** A worker lent to one curve, and how to give it back. */
interface LentWorker {
  worker: Worker;
  /** Remove the curve's listeners. */
  detach(): void;
}

/**
 * Run `units` on the main thread (`runHere`, one unit per turn of the event loop, so that the workers' messages are
 * answered in between) and on `workerCount` worker threads running `entry` (idle ones kept from an earlier curve
 * first), each taking the next unit from one queue when it is free: a worker gets its first unit only once it has
 * built this curve's simulator, so the main thread works while the workers start, and a small curve may be done
 * before they are. Each unit is run exactly once, by whichever thread takes it; the counts are integers added up,
 * so the result does not depend on who ran what. Resolves when every unit is done (the workers are then kept, idle,
 * for the next curve); rejects on the first error of any thread (the workers are then stopped).
 * @example
 * await shareUnits(new URL("./powerWorker.js", import.meta.url), job, units, 1, (u) => simulator.runRange(u.K, u.start, u.end), add);
 */
export function shareUnits<U extends Unit>(
  entry: URL,
  job: PowerJob,
  units: readonly U[],
  workerCount: number,
  runHere: (unit: U) => UnitCounts,
  onResult: (unit: U, counts: UnitCounts) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let settled = false;
    const lent: LentWorker[] = [];
    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      for (const { worker, detach } of lent) {
        detach();
        if (error === undefined) keepIdle(entry, worker);
        else void worker.terminate();
      }
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const queue: UnitQueue<U> = {
      take: () => (!settled && next < units.length ? units[next++] : undefined),
      done(unit, counts) {
        onResult(unit, counts);
        if (++finished === units.length) settle();
      },
      fail: (error) => settle(error ?? new Error("power simulation failed")),
    };
    for (let w = 0; w < workerCount; w++) lent.push(lendWorker(entry, job, queue));
    const turn = (): void => {
      const unit = queue.take();
      if (unit === undefined) return; // the rest is with the workers
      try {
        queue.done(unit, runHere(unit));
      } catch (error) {
        queue.fail(error);
        return;
      }
      setImmediate(turn);
    };
    turn();
  });
}

/** Workers idle between curves, by entry URL. */
const idle = new Map<string, Worker[]>();

/** Jobs are numbered, so that a worker's "ready" for an earlier curve is never taken for this one's. */
let jobNumber = 0;

/** An idle worker for `entry` (referenced again) or a new one; either leaves the idle list when it ends. */
function idleOrNewWorker(entry: URL): Worker {
  const kept = idle.get(entry.href)?.pop();
  if (kept !== undefined) {
    kept.ref();
    return kept;
  }
  const worker = new Worker(entry, { workerData: { cxmDematelPowerWorker: 2 } });
  const forget = (): void => {
    const list = idle.get(entry.href) ?? [];
    const at = list.indexOf(worker);
    if (at >= 0) list.splice(at, 1);
  };
  // Permanent listeners: an idle worker that fails or ends is forgotten (and its error never thrown in this thread).
  worker.on("error", forget);
  worker.on("exit", forget);
  return worker;
}

/** Keep a worker, unreferenced and without the curve's simulator, for the next curve. */
function keepIdle(entry: URL, worker: Worker): void {
  worker.postMessage({ idle: true });
  worker.unref();
  const list = idle.get(entry.href) ?? [];
  list.push(worker);
  idle.set(entry.href, list);
}

/** A worker for this curve: it is sent the job, then takes units from `queue` one at a time once it is ready. */
function lendWorker<U extends Unit>(entry: URL, job: PowerJob, queue: UnitQueue<U>): LentWorker {
  const worker = idleOrNewWorker(entry);
  const number = ++jobNumber;
  let ready = false;
  let inFlight: U | undefined;
  const feed = (): void => {
    inFlight = queue.take();
    if (inFlight !== undefined) worker.postMessage(inFlight);
  };
  const onMessage = (msg: { ready: number } | ({ index: number } & UnitCounts)): void => {
    if ("ready" in msg) {
      if (msg.ready !== number || ready) return;
      ready = true;
      return feed();
    }
    const unit = inFlight;
    if (unit === undefined) return;
    inFlight = undefined;
    try {
      if (msg.index !== unit.index) throw new Error(`power worker answered unit ${msg.index} for unit ${unit.index}`);
      queue.done(unit, { rejections: msg.rejections, failed: msg.failed });
    } catch (error) {
      queue.fail(error);
      return;
    }
    feed();
  };
  const onError = (error: unknown): void => queue.fail(error);
  const onExit = (code: number): void => queue.fail(new Error(`power worker stopped (exit code ${code}) before the curve was done`));
  worker.on("message", onMessage);
  worker.on("error", onError);
  worker.on("exit", onExit);
  worker.postMessage({ job, number });
  return {
    worker,
    detach() {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    },
  };
}
