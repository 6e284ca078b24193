/**
 * The browser app reads its form with the CLI's own option readers (src/cli/analysisOptions.ts): the
 * same `--name value` pairs give the same options as `cxm-dematel analyze` reads from its arguments,
 * and a bad value is listed at its option (`--k: …`) with the CLI's message.
 */
import { describe, expect, it } from "vitest";
import { compareFormOptions, equivalentCommand, formOptions, powerFormOptions } from "../web/formOptions.js";
import { COMPARE_BOOTSTRAP, compareOptions } from "../src/cli/compareOptions.js";
import { POWER_COMMAND_DELTAS, POWER_COMMAND_OMEGA } from "../src/cli/powerOptions.js";
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

describe("the page's compare and power options = the commands' own readers", () => {
  it("compare: the same CompareOptions as `compare` reads (defaults, bootstrap 2,000 per group, the permutation plan)", () => {
    const values = { "max-exact": "۱۰۰۰", permutations: "999", seed: "5", threshold: "mean+sd", bootstrap: "300" };
    const cl = parseCommandLine(
      Object.entries(values).map(([k, v]) => `--${k}=${v}`),
      { ...SURVEY_OPTIONS, ...METHOD_OPTIONS, permutations: { type: "string" }, "max-exact": { type: "string" } },
      1,
      "compare",
    );
    expect(compareFormOptions(values).compare).toEqual(compareOptions(cl, cliAnalyzeOptions(cl, "compare")));
    expect(compareFormOptions(values).compare).toMatchObject({ bootstrap: 300, seed: 5, permutation: { seed: 5, samples: 999, maxExact: 1000 } });
    expect(compareFormOptions({}).compare).toMatchObject({ bootstrap: COMPARE_BOOTSTRAP, seed: 1, permutation: { seed: 1 } });
  });

  it("compare refuses what the permutation test cannot run, located at the option", () => {
    expect(() => compareFormOptions({ aggregation: "median" })).toThrow(InputError);
    try {
      compareFormOptions({ method: "fuzzy" });
    } catch (e) {
      expect((e as InputError).problems[0]).toMatchObject({ file: "--method" });
    }
  });

  it("power: panel sizes, δ list and simulation settings as `power` reads them, in one worker", () => {
    const o = powerFormOptions({ experts: "5:20:5", delta: "0.05,0.1", sims: "۲۰۰", seed: "3" });
    expect(o).toEqual({
      panelSizes: [5, 10, 15, 20],
      deltas: [0.05, 0.1],
      deltasGiven: true,
      simulation: { omega: POWER_COMMAND_OMEGA, sims: 200, seed: 3, workers: 1 },
    });
    expect(powerFormOptions({})).toMatchObject({ panelSizes: [5, 10, 15, 20, 25, 30, 35, 40], deltas: [...POWER_COMMAND_DELTAS], deltasGiven: false });
    expect(() => powerFormOptions({ delta: "0.1,0.1" })).toThrow(InputError);
  });

  it("the equivalent command names the task: compare with the survey, power without one; commas are not quoted", () => {
    expect(equivalentCommand("g.csv", { permutations: "999", bootstrap: "200" }, "compare")).toBe(
      "cxm-dematel compare g.csv --bootstrap 200 --permutations 999",
    );
    expect(equivalentCommand("ignored.csv", { delta: "0.05,0.1", experts: "5:15:5" }, "power")).toBe("cxm-dematel power --experts 5:15:5 --delta 0.05,0.1");
    expect(equivalentCommand("s.csv", { "weight-column": "my weight" })).toBe("cxm-dematel analyze s.csv --weight-column 'my weight'");
  });
});
