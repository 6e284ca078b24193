/**
 * Worker-thread entry of {@link powerCurve} (compiled to
 * dist/simulate/powerWorker.js and started from there). Not exported from
 * the package: importing it anywhere else does nothing, because it only acts
 * inside a worker started with the `cxmDematelPowerWorker` marker.
 *
 * Protocol: workerData = { cxmDematelPowerWorker: 2 }. A worker serves one curve
 * after another (powerThreads.ts keeps it, idle, for the next curve): the parent
 * posts { job: PowerJob, number }, this worker builds the job's simulator and posts
 * { ready: number }; the parent then posts units { index, K, start, end } and this
 * worker answers each with { index, rejections, failed }; { idle: true } (the curve is
 * done) drops the simulator, so that an idle worker holds no curve's memory.
 * An exception ends the worker (the parent sees its "error" event).
 */
import { parentPort, workerData } from "node:worker_threads";
import { createPowerSimulator, type PowerJob, type PowerSimulator } from "./powerSimulation.js";

interface Unit {
  index: number;
  K: number;
  start: number;
  end: number;
}

const data = workerData as { cxmDematelPowerWorker?: number } | null;
if (parentPort && data && data.cxmDematelPowerWorker === 2) {
  const port = parentPort;
  let simulator: PowerSimulator | undefined;
  port.on("message", (msg: { job: PowerJob; number: number } | { idle: true } | Unit) => {
    if ("idle" in msg) {
      simulator = undefined;
      return;
    }
    if ("job" in msg) {
      simulator = undefined; // the previous curve's buffers go before the next are made
      simulator = createPowerSimulator(msg.job);
      port.postMessage({ ready: msg.number });
      return;
    }
    if (simulator === undefined) throw new Error("power worker: a unit before any job");
    const counts = simulator.runRange(msg.K, msg.start, msg.end);
    port.postMessage({ index: msg.index, rejections: counts.rejections, failed: counts.failed });
  });
}
