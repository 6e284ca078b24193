import { progressLine } from "./progressLine.js";
import { terminalSafe } from "./terminalSafe.js";

/** Progress of a survey file read in chunks (see {@link readProgress}). */
export interface ReadProgress {
  /** Bytes read so far of the file's `total`. */
  onProgress(done: number, total: number): void;
  /** After the read: the final line, when a progress line was drawn. */
  finish(): void;
}

/**
 * Progress of reading the survey `label` on stderr, in the style of the bootstrap's ({@link progressLine}):
 * only on a terminal, and only once the read has taken a second (a small file reads in silence), a
 * `reading <label>: 42%` line redrawn in place, then one final line with the size and the time. When stderr is
 * not a terminal nothing is written, so piped or logged output is the same for any file size and machine speed.
 * @example
 * const progress = readProgress("big.csv"); await readSurveyFile("big.csv", model, {}, progress); progress.finish();
 */
export function readProgress(label: string, stream: NodeJS.WriteStream = process.stderr, now: () => number = () => performance.now()): ReadProgress {
  const started = now();
  label = terminalSafe(label);
  const line = progressLine(`reading ${label}`, false, stream);
  let drawn = false;
  let bytes = 0;
  return {
    onProgress(done, total) {
      bytes = done;
      if (stream.isTTY !== true || now() - started < 1000) return;
      drawn = true;
      line.update(done, total);
    },
    finish() {
      if (!drawn) return;
      line.finish(`read ${label}: ${(bytes / 1e6).toFixed(1)} MB in ${((now() - started) / 1000).toFixed(1)} s`);
    },
  };
}
