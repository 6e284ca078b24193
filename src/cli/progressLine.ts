/** A progress reporter for long work, writing to stderr only. */
export interface ProgressLine {
  /** Report `done` of `total`; redraws a percent line on a TTY, silent otherwise. */
  update(done: number, total: number): void;
  /** Print the final line (always, unless quiet). */
  finish(message: string): void;
}

/**
 * Progress on stderr, never stdout: on a terminal a single
 * `label: 42%` line redrawn in place (at most once per percent); when stderr
 * is not a terminal nothing until {@link ProgressLine.finish}, which always
 * prints one final line. `quiet` silences both.
 * @example
 * const p = progressLine("bootstrap", false); p.update(50, 100); p.finish("bootstrap: 5,000 replicates");
 */
export function progressLine(label: string, quiet: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  const tty = stream.isTTY === true && !quiet;
  let last = -1;
  let drawn = false;
  return {
    update(done, total) {
      if (!tty || total <= 0) return;
      const pct = Math.floor((100 * done) / total);
      if (pct === last) return;
      last = pct;
      drawn = true;
      stream.write(`\r${label}: ${pct}%`);
    },
    finish(message) {
      if (quiet) return;
      stream.write((drawn ? "\r\x1b[K" : "") + message + "\n");
    },
  };
}
