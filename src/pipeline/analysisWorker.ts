/**
 * Worker-thread entry of the analysis's parallel stages (threadTask.ts; compiled to
 * dist/pipeline/analysisWorker.js and started from there). Not exported from the package: importing it anywhere
 * else does nothing, because it only acts inside a worker started with the `cxmDematelAnalysisWorker` marker.
 *
 * Protocol: the parent posts { name, input, port, state } per task. The worker starts a task only by turning its
 * shared state word from QUEUED to RUNNING (compare-and-exchange: the parent may have taken the task back to run it
 * itself, and then this worker drops it); it runs the task (analysisTasks.ts), posts { value } or
 * { error: { name, message, stack } } on the task's own `port`, closes it, then sets the state to ANSWERED and
 * notifies it, so that a parent blocked in `Atomics.wait` wakes to an answer already posted. Tasks run one at a
 * time, in the order they were posted.
 */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { runAnalysisTask, type AnalysisTaskName } from "./analysisTasks.js";
import { TASK_STATE } from "./taskState.js";

interface TaskMessage {
  name: AnalysisTaskName;
  input: never;
  port: MessagePort;
  state: Int32Array;
}

const data = workerData as { cxmDematelAnalysisWorker?: number } | null;
if (parentPort && data && data.cxmDematelAnalysisWorker === 1) {
  parentPort.on("message", (msg: TaskMessage) => {
    if (Atomics.compareExchange(msg.state, 0, TASK_STATE.QUEUED, TASK_STATE.RUNNING) !== TASK_STATE.QUEUED) {
      msg.port.close(); // taken back by the parent
      return;
    }
    let reply: unknown;
    try {
      reply = { value: runAnalysisTask(msg.name, msg.input) };
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      reply = { error: { name: error.name, message: error.message, stack: error.stack } };
    }
    try {
      msg.port.postMessage(reply);
    } catch (e) {
      // A value that cannot be cloned is a bug of the task: the parent gets it as the task's error.
      msg.port.postMessage({ error: { name: "Error", message: `analysis worker: ${(e as Error).message}` } });
    }
    msg.port.close();
    Atomics.store(msg.state, 0, TASK_STATE.ANSWERED);
    Atomics.notify(msg.state, 0);
  });
}
