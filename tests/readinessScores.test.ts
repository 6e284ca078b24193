import { describe, expect, it } from "vitest";
import { readReadinessScores, readReadinessScoresFile } from "../src/io/readReadinessScores.js";
import { defaultModel } from "../src/model/model.js";
import { formatProblem } from "../src/errors.js";
import { TINY_MODEL, inputError } from "./helpers.js";

const read = (text: string, options = {}) => readReadinessScores(text, TINY_MODEL, { file: "s.csv", ...options });

describe("readReadinessScores(text, model, options)", () => {
  it("reads ids, names and Persian names, Persian digits and decimal commas, aspirations defaulting to the scale's max", () => {
    const r = read("component;score;target;scale_min;scale_max\nA;2,5;4;1;5\nBeta;۳;;;\nگاما;1;;1;5\n");
    expect(r.scores).toEqual([2.5, 3, 1]);
    expect(r.aspirations).toEqual([4, 5, 5]);
    expect(r.aspirationGiven).toEqual([true, false, false]);
    expect(r.scale).toEqual({ min: 1, max: 5 });
    expect(r.scaleFrom).toBe("file");
  });
  it("takes the scale from the option when the file has no scale columns", () => {
    const r = read("component,score\nA,0\nB,10\nC,7.5\n", { scale: { min: 0, max: 10 } });
    expect(r.scores).toEqual([0, 10, 7.5]);
    expect(r.aspirations).toEqual([10, 10, 10]);
    expect(r.scaleFrom).toBe("option");
  });
  it("reports every problem at once, located by file, row and column, with expected and found", () => {
    const e = inputError(() => read("component,score,aspiration,scale_min,scale_max\nA,7,,1,5\nAlpah,3,,1,5\nA,2,,1,5\nB,x,1,1,5\n"));
    const lines = e.problems.map(formatProblem);
    expect(lines).toEqual([
      's.csv:3, column "component": unknown component; did you mean "Alpha" (A)? (expected a component id or name: A, B, C, found "Alpah")',
      's.csv:4, column "component": A is given twice (first at row 2) (expected one row per component, found "A")',
      's.csv, column "component": no row for component C (expected one row for each of the model\'s 3 components, found 2 components)',
      's.csv:2, column "score": score outside the declared scale 1–5 (expected a number from 1 to 5, found "7")',
      's.csv:5, column "score": not a number (expected a number from 1 to 5, found "x")',
      's.csv:5, column "aspiration": an aspiration at the scale\'s worst level leaves nothing to aim for (the normalised gap divides by aspiration − worst) (expected a number above 1, up to 5, found "1")',
    ]);
  });
  it("reports a missing score, an unknown column with its closest name, no declared scale, and a scale that disagrees with the option", () => {
    expect(inputError(() => read("component,score,aspiraton\nA,,\nB,1,\nC,1,\n")).problems.map(formatProblem)).toEqual([
      's.csv:1, column "3": unknown column; did you mean "aspiration"? (expected one of component, score, aspiration, scale_min, scale_max, target, found "aspiraton")',
      "s.csv: the scores' scale is not declared (expected columns scale_min and scale_max in the file (e.g. 1 and 5), or --scale-min and --scale-max, found neither)",
      's.csv:2, column "score": no score given (expected a number (on the declared scale), found "")',
    ]);
    expect(inputError(() => read("component,score\nA,\nB,1\nC,1\n", { scale: { min: 1, max: 5 } })).problems.map(formatProblem)).toEqual([
      's.csv:2, column "score": no score given (expected a number from 1 to 5, found "")',
    ]);
    const clash = inputError(() => read("component,score,scale_min,scale_max\nA,1,1,5\nB,1,1,7\nC,1,,\n", { scale: { min: 1, max: 5 } }));
    expect(clash.problems.map(formatProblem)).toEqual([
      's.csv:3, column "scale_max": scale_max differs from an earlier row (expected 5 (one scale for the file), found "7")',
    ]);
    const other = inputError(() => read("component,score,scale_min,scale_max\nA,1,0,10\nB,1,,\nC,1,,\n", { scale: { min: 1, max: 5 } }));
    expect(other.problems[0].message).toBe("the file's scale differs from the one given on the command line");
  });
  it("reports a bad scale declaration together with every other problem of the file: unknown, repeated and missing components, unreadable numbers", () => {
    // Five rows of the TINY model (A, B, C): the scale columns disagree (row 3), a component is misspelt (row 4),
    // one is repeated (row 5), a score is not a number (row 2), and C has no row. The range check needs a scale, so
    // the off-scale 9 of row 3 is not judged until the declaration is fixed; everything else is reported in one run.
    const e = inputError(() => read("component,score,scale_min,scale_max\nA,two,1,5\nB,9,1,7\nGama,1,,\nA,3,,\n"));
    expect(e.problems.map(formatProblem)).toEqual([
      's.csv:3, column "scale_max": scale_max differs from an earlier row (expected 5 (one scale for the file), found "7")',
      's.csv:4, column "component": unknown component; did you mean "Gamma" (C)? (expected a component id or name: A, B, C, found "Gama")',
      's.csv:5, column "component": A is given twice (first at row 2) (expected one row per component, found "A")',
      's.csv, column "component": no row for component C (expected one row for each of the model\'s 3 components, found 2 components)',
      's.csv:2, column "score": not a number (expected a number (on the declared scale), found "two")',
    ]);
  });
  it("names each kind of bad scale declaration: a max not above the min, one column without the other, blank or unreadable scale cells", () => {
    const messages = (text: string, options = {}) => inputError(() => read(text, options)).problems.map(formatProblem);
    expect(messages("component,score,scale_min,scale_max\nA,1,5,1\nB,1,,\nC,1,,\n")).toEqual([
      's.csv, column "scale_max": the scale\'s max must be above its min (expected a number above 5, found 1)',
    ]);
    expect(messages("component,score,scale_max\nA,1,5\nB,1,\nC,1,\n")).toEqual([
      's.csv, column "scale_min": scale_max is given but scale_min is not (expected both scale_min and scale_max, found one of them)',
    ]);
    expect(messages("component,score,scale_min,scale_max\nA,1,1,\nB,1,,\nC,1,,\n")).toEqual([
      's.csv, column "scale_max": scale_max is empty in every row (expected a number in at least one row, found blank cells)',
    ]);
    expect(messages("component,score,scale_min,scale_max\nA,1,one,5\nB,1,,\nC,1,,\n")).toEqual([
      's.csv:2, column "scale_min": not a number (expected a number, found "one")',
    ]);
  });
  it("an aspiration below the score is a gap of 0 later (not an error); an aspiration off the scale is one", () => {
    expect(read("component,score,aspiration,scale_min,scale_max\nA,4,3,1,5\nB,1,,,\nC,1,,,\n").aspirations).toEqual([3, 5, 5]);
    expect(inputError(() => read("component,score,aspiration,scale_min,scale_max\nA,4,6,1,5\nB,1,,,\nC,1,,,\n")).problems.map(formatProblem)).toEqual([
      's.csv:2, column "aspiration": aspiration outside the declared scale 1–5 (expected a number from 1 to 5, found "6")',
    ]);
  });
  it("does not depend on the order of the rows, and a hostile label is quoted, never interpreted", () => {
    const a = read("component,score,aspiration,scale_min,scale_max\nA,2,4,1,5\nB,3,,1,5\nC,5,,1,5\n");
    const b = read("component,score,aspiration,scale_min,scale_max\nC,5,,1,5\nA,2,4,1,5\nB,3,,1,5\n");
    expect(b).toEqual(a);
    const e = inputError(() => read('component,score,scale_min,scale_max\n"=HYPERLINK(""http://x"")",2,1,5\n<script>,2,1,5\nA,1,1,5\nB,1,1,5\nC,1,1,5\n'));
    const lines = e.problems.map(formatProblem);
    expect(lines[0]).toContain('s.csv:2, column "component": unknown component');
    expect(lines[0]).toContain('found "=HYPERLINK(\\"http://x\\")"');
    expect(lines[1]).toContain('s.csv:3, column "component": unknown component');
  });
  it("refuses an empty file and a header without a score column", () => {
    expect(inputError(() => read("")).problems[0].message).toBe("the scores file is empty");
    expect(inputError(() => read("component\nA\n")).problems.map((p) => p.message)).toEqual(["no score column"]);
  });
  it("reads the shipped SYNTHETIC example for the embedded model", () => {
    const r = readReadinessScoresFile("data/readiness/example-scores.csv", defaultModel());
    expect(r.components).toEqual(defaultModel().components.map((c) => c.id));
    expect(r.scale).toEqual({ min: 1, max: 5 });
    expect(r.scores.every((x) => x >= 1 && x <= 5)).toBe(true);
  });
});
