/**
 * Internal: the bootstrap over experts shared between threads (docs/methods.md §7.8). Its replicates come in chunks
 * (`planBootstrap`), each with the generator's position at its start; every thread takes the next chunk nobody has
 * taken from one shared counter (`Atomics.add`), evaluates it with its own evaluator, and the main thread merges the
 * chunks in chunk order. A chunk's replicates are the same wherever it runs, so the result is bit for bit the
 * single-thread bootstrap's, for any number of threads and any timing. Not part of the public API.
 */
import type { Replicates } from "../uncertainty/resampleExperts.js";
import type { StructureCounts } from "../uncertainty/structureStability.js";
import { bootstrapRunner, finishBootstrap, type BootstrapPlan, type BootstrapResult, type BootstrapRunner } from "../uncertainty/bootstrapExperts.js";
import type { PendingTask } from "./pendingTask.js";

/** The chunks one thread evaluated, by chunk index, with its structure counts. */
export interface ClaimedChunks {
  parts: Array<{ index: number; replicates: Replicates }>;
  structure?: StructureCounts;
}

/** What the threads of one bootstrap share: the next chunk to take, and the replicates done. */
export interface SharedCounters {
  claim: Int32Array;
  progress: Int32Array;
}

/** Counters in shared memory for one bootstrap. */
export function sharedCounters(): SharedCounters {
  return { claim: new Int32Array(new SharedArrayBuffer(4)), progress: new Int32Array(new SharedArrayBuffer(4)) };
}

/** Make every chunk of the counters' bootstrap taken, so that a thread still taking them stops after its current one. */
export function exhaust(shared: SharedCounters): void {
  Atomics.store(shared.claim, 0, 2 ** 30);
}

/**
 * Take chunks from the shared counter and evaluate them until none is left; `onChunk` after each. The runner is
 * made (`makeRunner`, once) only when a chunk was taken: a thread that finds none left builds no evaluator.
 * @example
 * const mine = claimChunks(plan, () => bootstrapRunner(plan), sharedCounters());
 */
export function claimChunks(plan: BootstrapPlan, makeRunner: () => BootstrapRunner, shared: SharedCounters, onChunk?: () => void): ClaimedChunks {
  const parts: ClaimedChunks["parts"] = [];
  let runner: BootstrapRunner | undefined;
  for (let c = Atomics.add(shared.claim, 0, 1); c < plan.chunks.length; c = Atomics.add(shared.claim, 0, 1)) {
    runner ??= makeRunner();
    parts.push({ index: c, replicates: runner.run(c) });
    Atomics.add(shared.progress, 0, plan.chunks[c].end - plan.chunks[c].start);
    onChunk?.();
  }
  const structure = runner?.tally?.counts();
  return { parts, ...(structure ? { structure } : {}) };
}

/**
 * The bootstrap of `plan` with this thread taking chunks beside the workers' `elsewhere` tasks (each running
 * {@link claimChunks} on the same counters), then merged in chunk order and finished here.
 * @param onProgress called with replicates done (by any thread) and B, after each chunk here and while waiting.
 * @throws {Error} when a chunk is missing after every thread is done (a bug), or a worker's error.
 */
export function sharedBootstrap(
  plan: BootstrapPlan,
  shared: SharedCounters,
  elsewhere: readonly PendingTask<ClaimedChunks>[],
  onProgress?: (done: number, total: number) => void,
): BootstrapResult {
  const report = onProgress && ((): void => onProgress(Atomics.load(shared.progress, 0), plan.B));
  const runner = bootstrapRunner(plan);
  const claimed = [claimChunks(plan, () => runner, shared, report), ...elsewhere.map((task) => task.result(report))];
  report?.();
  const parts: Replicates[] = new Array<Replicates>(plan.chunks.length);
  for (const { parts: mine } of claimed) for (const p of mine) parts[p.index] = p.replicates;
  const missing = plan.chunks.findIndex((_, c) => parts[c] === undefined);
  if (missing >= 0) throw new Error(`shared bootstrap: chunk ${missing} of ${plan.chunks.length} was evaluated by no thread`);
  const structures = claimed.slice(1).flatMap((c) => (c.structure ? [c.structure] : []));
  return finishBootstrap(plan, runner, parts, structures);
}
