/** A task's result, computed on a worker thread or here on demand (threadTask.ts). Internal. */
export interface PendingTask<T> {
  /**
   * The task's result (blocking until the worker has it); the task's error is thrown here, as the same class
   * for the library's errors. `onWait` is called about every 100 ms while this thread waits.
   */
  result(onWait?: () => void): T;
  /** Give the task up: a task not yet started is never run; one running runs to its end, unread. */
  cancel(): void;
}
