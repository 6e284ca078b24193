import { type InputProblem, shown } from "../errors.js";
import type { ComponentMatcher } from "./componentMatcher.js";
import type { ProblemLog } from "./problemLog.js";

/** Resolves the component labels of a survey's rows, logging the ones that name no component. */
export interface ComponentResolver {
  /** `mentioned[c]` is 1 once component c has been named anywhere in the survey (a block column counts). */
  readonly mentioned: Uint8Array;
  /**
   * The model index of `label` in a row, marked as mentioned; −1 after logging
   * why there is none: no label, a name of two components, or an unknown label
   * (one problem per distinct label, at its first row, counting the rows).
   */
  resolve(label: string, line: number, column: string): number;
  /** The model index of `label` (−1 or −2 when none), marked as mentioned, logging nothing: for rows already reported as unreadable. */
  resolveQuietly(label: string): number;
  /** The unknown labels, each as shown in its problem, in the order first found. */
  unknownLabels(): string[];
}

/** The message of an unknown label seen in `count` rows. */
const unknownMessage = (count: number, hint: string): string => `unknown component${count > 1 ? ` (in ${count} rows)` : ""}${hint ? `; ${hint}` : ""}`;

/**
 * Make the component resolver of one survey (docs/methods.md §1.3): labels are matched
 * by id, name or Persian name through `matcher`; problems go to `log`.
 * @param ids the model's component ids, for messages.
 * @example
 * const r = createComponentResolver(componentMatcher(model), ids, log);
 * r.resolve("gov", 2, "from"); // 2
 */
export function createComponentResolver(matcher: ComponentMatcher, ids: readonly string[], log: ProblemLog): ComponentResolver {
  const file = log.file;
  const mentioned = new Uint8Array(ids.length);
  const unknownSeen = new Map<string, { problem: InputProblem; count: number; hint: string }>();
  return {
    mentioned,
    resolve(label: string, line: number, column: string): number {
      if (label === "") {
        log.add({ file, row: line, column, message: "no component given", expected: `a component id or name: ${ids.join(", ")}`, found: '""' });
        return -1;
      }
      const c = matcher.match(label);
      if (c >= 0) {
        mentioned[c] = 1;
        return c;
      }
      if (c === -2) {
        log.add({
          file,
          row: line,
          column,
          message: "this name belongs to more than one component; use the component id",
          expected: `one of ${ids.join(", ")}`,
          found: shown(label),
        });
        return -1;
      }
      const key = label.toLowerCase();
      const seen = unknownSeen.get(key);
      if (seen) {
        seen.count++;
        seen.problem.message = unknownMessage(seen.count, seen.hint);
      } else {
        const hint = matcher.suggest(label);
        const problem: InputProblem = {
          file,
          row: line,
          column,
          message: unknownMessage(1, hint),
          expected: `a component id or name: ${ids.join(", ")}`,
          found: shown(label),
        };
        log.add(problem);
        unknownSeen.set(key, { problem, count: 1, hint });
      }
      return -1;
    },
    resolveQuietly(label: string): number {
      const c = matcher.match(label);
      if (c >= 0) mentioned[c] = 1;
      return c;
    },
    unknownLabels(): string[] {
      return [...unknownSeen.values()].map((u) => u.problem.found as string);
    },
  };
}
