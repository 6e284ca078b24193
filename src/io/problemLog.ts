import { InputError, type InputProblem } from "../errors.js";

/**
 * The problems found while reading one input file, collected so that every
 * one of them is reported at once (one {@link InputError}), in the order found.
 */
export interface ProblemLog {
  /** The file (or label) the problems are in. */
  readonly file: string;
  /**
   * The problems kept so far, in the order found (the first `maxProblems` logged; later ones are only counted);
   * helpers that push onto an array (`classifySurveyHeader`) are given this one.
   */
  readonly problems: InputProblem[];
  /** How many problems were logged in all, kept or only counted. */
  count(): number;
  /** Log one problem. */
  add(problem: InputProblem): void;
  /**
   * Log a problem that may repeat on many rows (a bad weight, a missing expert
   * label) once, at its first row: every later `addRepeated` with the same key
   * only counts, and the first one's message then ends "(in N rows)".
   */
  addRepeated(key: string, problem: InputProblem): void;
  /** Throw the problems so far as one InputError, when there are any. */
  throwIfAny(): void;
  /** Throw the problems so far now: after logging a problem that stops the reading (an empty file, a header that fits no layout). */
  stop(): never;
}

/**
 * Make the problem log of one file. The error it throws lists at most
 * `maxProblems` problems and counts the rest ("… and N more"); only those it can
 * list are kept, so a file with millions of bad cells takes no more memory than one
 * with a few. With `before`, that log's problems come first in the error (the CSV
 * problems of a file read in chunks, found while its rows are read but reported
 * before them, as when the whole file is split first).
 * @throws {InputError} from `throwIfAny` and `stop`.
 * @example
 * const log = createProblemLog("s.csv", 50);
 * log.add({ file: "s.csv", row: 2, message: "no expert label" });
 * log.throwIfAny(); // throws InputError "s.csv:2: no expert label"
 */
export function createProblemLog(file: string, maxProblems: number, before?: ProblemLog): ProblemLog {
  const problems: InputProblem[] = [];
  let dropped = 0;
  const repeated = new Map<string, { problem: InputProblem; count: number; base: string }>();
  const keep = (problem: InputProblem): void => {
    if (problems.length < maxProblems) problems.push(problem);
    else dropped++;
  };
  const count = (): number => problems.length + dropped + (before ? before.count() : 0);
  const stop = (): never => {
    const all = before ? before.problems.concat(problems) : problems;
    const shown = all.slice(0, maxProblems);
    throw new InputError(shown, Math.max(0, count() - shown.length));
  };
  return {
    file,
    problems,
    count,
    add: keep,
    addRepeated(key: string, problem: InputProblem): void {
      const seen = repeated.get(key);
      if (seen) {
        seen.count++;
        seen.problem.message = `${seen.base} (in ${seen.count} rows)`;
        return;
      }
      repeated.set(key, { problem, count: 1, base: problem.message });
      keep(problem);
    },
    throwIfAny(): void {
      if (count() > 0) stop();
    },
    stop,
  };
}
