/**
 * The browser app reads its form with the CLI's own option readers (src/cli/analysisOptions.ts): the
 * same `--name value` pairs give the same options as `cxm-dematel analyze` reads from its arguments,
 * and a bad value is listed at its option (`--k: …`) with the CLI's message.
 */
import { describe, expect, it } from "vitest";
import { formOptions } from "../web/formOptions.js";
import { METHOD_OPTIONS, SURVEY_OPTIONS, cliAnalyzeOptions, cliMethod } from "../src/cli/cliInputs.js";
import { parseCommandLine } from "../src/cli/parseCommandLine.js";
import { surveyReadOptions } from "../src/cli/analysisOptions.js";
import { InputError } from "../src/errors.js";

/** The CLI's reading of the same pairs. */
function cli(values: Record<string, string>) {
  const args = Object.entries(values).flatMap(([k, v]) => [`--${k}=${v}`]);
  const cl = parseCommandLine(args, { ...SURVEY_OPTIONS, ...METHOD_OPTIONS }, 1, "analyze");
  const chosen = cliMethod(cl, "analyze");
  return { method: chosen.method, surveyOptions: surveyReadOptions(cl, "analyze", chosen), analyzeOptions: cliAnalyzeOptions(cl, "analyze") };
}

describe("web form options = CLI options", () => {
  const cases: Record<string, string>[] = [
    {},
    { threshold: "mean+sd", k: "۱٫۵", sd: "sample", aggregation: "median" },
    { scale: "۱:۷", impute: "mean", "weight-column": "w", bootstrap: "۴۰۰", seed: "7" },
    { method: "fuzzy", "fuzzy-order": "defuzzify-last", cfcs: "per-matrix" },
    { method: "grey", "grey-order": "whiten-first", "t-diagonal": "include", threshold: "mmde" },
    { threshold: "quantile", q: "0.9", "threshold-entries": "off-diagonal", normalization: "row", epsilon: "1e-9" },
    { "threshold-value": "0,2" },
  ];
  for (const values of cases) {
    it(JSON.stringify(values), () => {
      expect(formOptions(values)).toEqual(cli(values));
    });
  }

  it("a bad value is an InputError at its option, with the CLI's message", () => {
    const problem = (values: Record<string, string>) => {
      try {
        formOptions(values);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).problems[0];
      }
      return expect.fail("no error");
    };
    expect(problem({ k: "2" })).toMatchObject({ file: "--k", message: "--k and --sd go with --threshold mean+sd" });
    expect(problem({ bootstrap: "many" })).toMatchObject({ file: "--bootstrap", message: '--bootstrap must be an integer ≥ 0 and ≤ 1000000, got "many"' });
    expect(problem({ aggregation: "medain" }).message).toContain("did you mean median?");
    expect(problem({ method: "fuzzy", scale: "terms.json" })).toMatchObject({ file: "--scale" });
    expect(problem({ method: "fuzzy", scale: "terms.json" }).message).toMatch(/works with the command line/);
  });
});
