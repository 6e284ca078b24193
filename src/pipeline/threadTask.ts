/**
 * Internal: run a task of analysisTasks.ts on a worker thread while this thread goes on with other stages, and
 * block for its result when a later stage needs it. This keeps `analyzeSurvey` synchronous (the library's
 * contract) and still lets independent stages overlap: the result is awaited with `Atomics.wait` on the task's
 * shared state word (taskState.ts), which the worker sets after posting its answer, then taken with
 * `receiveMessageOnPort`, so no turn of the event loop is needed. Not part of the public API.
 *
 * A task computes the same function on the same input wherever it runs, so where it runs never changes a number.
 * Without worker threads (a browser, a Node without `process.getBuiltinModule`, the TypeScript sources under
 * vitest, where only analysisWorker.ts exists and a thread cannot load it, or `workers` = 1) the task runs on
 * this thread when its result is asked for. Workers are started on first use, at most `workers` − 1 of them,
 * and then kept, unreferenced (they never keep the process alive), for the next analysis.
 */
import type { Worker as NodeWorker } from "node:worker_threads";
import { InfeasibleError } from "../errors.js";
import type { PendingTask } from "./pendingTask.js";
import { TASK_STATE } from "./taskState.js";
import { runAnalysisTask, type AnalysisTaskInput, type AnalysisTaskName, type AnalysisTaskOutput } from "./analysisTasks.js";

/** What the worker posts back on the task's own port. */
type Reply = { value: unknown } | { error: { name: string; message: string; stack?: string } };

/** The Node built-ins a worker needs, or undefined where there are none (a browser). */
function nodeBuiltins(): { threads: typeof import("node:worker_threads"); fs: typeof import("node:fs"); url: typeof import("node:url") } | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== "function") return undefined;
  return {
    threads: proc.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads"),
    fs: proc.getBuiltinModule("node:fs") as typeof import("node:fs"),
    url: proc.getBuiltinModule("node:url") as typeof import("node:url"),
  };
}

/** The worker entry as first looked up (null: there is none), so that a file is checked once per process, not per task. */
let entryFound: URL | null | undefined;

/** The compiled worker entry beside this module (dist/pipeline/analysisWorker.js), or undefined when it is not there. */
function workerEntry(node: NonNullable<ReturnType<typeof nodeBuiltins>>): URL | undefined {
  if (entryFound === undefined) {
    const entry = new URL("./analysisWorker.js", import.meta.url);
    entryFound = entry.protocol === "file:" && node.fs.existsSync(node.url.fileURLToPath(entry)) ? entry : null;
  }
  return entryFound ?? undefined;
}

/** Workers started so far, with how many tasks each has been given and not yet answered. */
const pool: Array<{ worker: NodeWorker; open: number }> = [];

/** Whether a task may go to a worker thread: workers > 1, Node with worker threads, and the compiled entry present. */
export function threadsAvailable(workers: number): boolean {
  const node = workers > 1 ? nodeBuiltins() : undefined;
  return node !== undefined && workerEntry(node) !== undefined;
}

/** The least busy worker, or a new one while fewer than `limit` are running. */
function workerFor(limit: number, node: NonNullable<ReturnType<typeof nodeBuiltins>>, entry: URL): (typeof pool)[number] {
  const free = pool.slice(0, limit).sort((a, b) => a.open - b.open)[0];
  if (free !== undefined && (free.open === 0 || pool.length >= limit)) return free;
  const worker = new node.threads.Worker(entry, { workerData: { cxmDematelAnalysisWorker: 1 } });
  worker.unref();
  const slot = { worker, open: 0 };
  // A worker that fails outside a task (it answers every task's own error itself) is dropped from the pool.
  const drop = (): void => {
    const at = pool.indexOf(slot);
    if (at >= 0) pool.splice(at, 1);
  };
  worker.on("error", drop);
  worker.on("exit", drop);
  pool.push(slot);
  return slot;
}

/** The error a worker reported, rebuilt as its class (RangeError, TypeError, InfeasibleError; others keep their name), with the worker's stack. */
function rebuiltError(e: { name: string; message: string; stack?: string }): Error {
  const classes: Record<string, new (message: string) => Error> = { RangeError, TypeError, InfeasibleError };
  const make = classes[e.name] ?? Error;
  const error = new make(e.message);
  if (error.name !== e.name) error.name = e.name;
  if (e.stack !== undefined) error.stack = e.stack;
  return error;
}

/**
 * Start task `name` on `input`: on one of `workers` − 1 worker threads when they are available
 * ({@link threadsAvailable}), otherwise on this thread when its result is asked for. A task that its worker has not
 * started when the result is asked for (the worker is still busy with an earlier task, or never started) is taken
 * back and run here, so this thread waits only for a task that is running; `cancel` takes back a task nobody needs.
 * A worker that dies while it runs a task (out of memory) is not detected: that wait does not end.
 * @param workers the threads the analysis may use, this one included (1: none besides this one).
 * @example
 * const gap = startTask("gapBaseline", { matrices: packMatrices(m), B: 2000, seed: 1 }, 2);
 * // … other stages …
 * gap.result().share;
 */
export function startTask<N extends AnalysisTaskName>(name: N, input: AnalysisTaskInput<N>, workers: number): PendingTask<AnalysisTaskOutput<N>> {
  const node = workers > 1 ? nodeBuiltins() : undefined;
  const entry = node && workerEntry(node);
  if (!node || !entry) return { result: () => runAnalysisTask(name, input), cancel: () => undefined };
  const slot = workerFor(workers - 1, node, entry);
  const { port1, port2 } = new node.threads.MessageChannel();
  const state = new Int32Array(new SharedArrayBuffer(4));
  slot.open++;
  slot.worker.postMessage({ name, input, port: port2, state }, [port2]);
  let reply: Reply | undefined;
  let settled = false;
  const settle = (): void => {
    if (settled) return;
    settled = true;
    port1.close();
    slot.open--;
  };
  const takeBack = (): boolean => Atomics.compareExchange(state, 0, TASK_STATE.QUEUED, TASK_STATE.TAKEN_BACK) === TASK_STATE.QUEUED;
  return {
    result(onWait?: () => void): AnalysisTaskOutput<N> {
      if (reply === undefined && !settled && takeBack()) {
        settle();
        return runAnalysisTask(name, input);
      }
      while (reply === undefined) {
        if (Atomics.load(state, 0) !== TASK_STATE.ANSWERED) {
          if (Atomics.wait(state, 0, TASK_STATE.RUNNING, 100) === "timed-out") onWait?.();
          continue;
        }
        reply = node.threads.receiveMessageOnPort(port1)?.message as Reply | undefined;
        settle();
        if (reply === undefined) throw new Error(`analysis worker: task ${name} finished without an answer`);
      }
      if ("error" in reply) throw rebuiltError(reply.error);
      return reply.value as AnalysisTaskOutput<N>;
    },
    cancel(): void {
      if (takeBack()) settle();
    },
  };
}
