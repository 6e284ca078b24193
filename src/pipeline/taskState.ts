/**
 * A worker task's state word (threadTask.ts, analysisWorker.ts), in shared memory: QUEUED until the worker starts it
 * (RUNNING) or the thread that posted it takes it back (TAKEN_BACK, to run it itself), ANSWERED once the worker has
 * posted its reply. Only one of the worker's start and the taking back can win: both compare-and-exchange from QUEUED.
 */
export const TASK_STATE = { QUEUED: 0, RUNNING: 1, ANSWERED: 2, TAKEN_BACK: 3 } as const;
