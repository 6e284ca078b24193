import { InputError, type InputProblem } from "../errors.js";

/**
 * The problems found while reading one input file, collected so that every
 * one of them is reported at once (one {@link InputError}), in the order found.
 */
export interface ProblemLog {
  /** The file (or label) the problems are in. */
  readonly file: string;
  /** The problems so far, in the order found; helpers that push onto an array (`classifySurveyHeader`) are given this one. */
  readonly problems: InputProblem[];
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
 * `maxProblems` problems and counts the rest ("… and N more").
 * @throws {InputError} from `throwIfAny` and `stop`.
 * @example
 * const log = createProblemLog("s.csv", 50);
 * log.add({ file: "s.csv", row: 2, message: "no expert label" });
 * log.throwIfAny(); // throws InputError "s.csv:2: no expert label"
 */
export function createProblemLog(file: string, maxProblems: number): ProblemLog {
  const problems: InputProblem[] = [];
  const repeated = new Map<string, { problem: InputProblem; count: number; base: string }>();
  const stop = (): never => {
    throw new InputError(problems.slice(0, maxProblems), Math.max(0, problems.length - maxProblems));
  };
  return {
    file,
    problems,
    add(problem: InputProblem): void {
      problems.push(problem);
    },
    addRepeated(key: string, problem: InputProblem): void {
      const seen = repeated.get(key);
      if (seen) {
        seen.count++;
        seen.problem.message = `${seen.base} (in ${seen.count} rows)`;
        return;
      }
      repeated.set(key, { problem, count: 1, base: problem.message });
      problems.push(problem);
    },
    throwIfAny(): void {
      if (problems.length > 0) stop();
    },
    stop,
  };
}
