/**
 * Worker-thread entry of {@link powerCurve} (compiled to
 * dist/simulate/powerWorker.js and started from there). Not exported from
 * the package: importing it anywhere else does nothing, because it only acts
 * inside a worker started with the `cxmDematelPowerWorker` marker.
 *
 * Protocol: workerData = { cxmDematelPowerWorker: 1, job: PowerJob }; the
 * parent posts units { index, K, start, end } and this worker answers each
 * with { index, rejections, failed }; the parent posts null to finish.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createPowerSimulator, type PowerJob } from "./powerSimulation.js";

interface Unit {
  index: number;
  K: number;
  start: number;
  end: number;
}

const data = workerData as { cxmDematelPowerWorker?: number; job?: PowerJob } | null;
if (parentPort && data && data.cxmDematelPowerWorker === 1 && data.job) {
  const port = parentPort;
  const simulator = createPowerSimulator(data.job);
  port.on("message", (unit: Unit | null) => {
    if (unit === null) {
      port.close();
      return;
    }
    const counts = simulator.runRange(unit.K, unit.start, unit.end);
    port.postMessage({ index: unit.index, rejections: counts.rejections, failed: counts.failed });
  });
}
