// Survey ingestion, the strict side (issue 2 §3): every problem a user can
// make becomes an InputError problem located by file, row (1-based file line,
// header = 1), column, expected and found — all of them in one pass.
import { describe, expect, it } from "vitest";
import { createRandom, defaultModel, InputError, parseSurvey, readSurvey, surveyTemplate, type InputProblem, type Model } from "../src/index.js";
import { deepFreeze, inputError, SURVEY_FIXTURES as FIX, TINY_MODEL as tiny } from "./helpers.js";

const cxm: Model = deepFreeze(defaultModel());
const IDS = "LEAD,CUL,GOV,STR,BPM,PRC,INF,INT,EMP,INS";

const problemsOf = (f: () => unknown): InputProblem[] => inputError(f).problems;

/** A complete tiny long-layout survey for one expert, as lines (header first). */
const TINY_LINES = ["expert,from,to,value", "E1,A,B,3", "E1,A,C,2", "E1,B,A,1", "E1,B,C,4", "E1,C,A,0", "E1,C,B,2"];

describe("readSurvey on malformed fixtures", () => {
  it("empty.csv: the survey file is empty", () => {
    expect(problemsOf(() => readSurvey(`${FIX}/empty.csv`, tiny))).toEqual([
      {
        file: `${FIX}/empty.csv`,
        message: "the survey file is empty",
        expected: "a header line such as expert,from,to,value, then one row per rating",
        found: "an empty file",
      },
    ]);
  });

  it("header-only.csv: zero experts", () => {
    expect(problemsOf(() => readSurvey(`${FIX}/header-only.csv`, tiny))).toEqual([
      {
        file: `${FIX}/header-only.csv`,
        row: 1,
        message: "the survey has no experts",
        expected: "at least one row of ratings under the header",
        found: "only a header",
      },
    ]);
  });

  it("wrong-header.csv: says what each layout expects and what was found", () => {
    expect(problemsOf(() => readSurvey(`${FIX}/wrong-header.csv`, tiny))).toEqual([
      {
        file: `${FIX}/wrong-header.csv`,
        row: 1,
        message: "the header fits neither survey layout (no expert or from column)",
        expected: "long layout: expert,from,to,value[,weight]; or matrix blocks: expert,from,A,B,C[,weight]",
        found: '"name,q1,q2,q3"',
      },
    ]);
  });

  it("ragged.csv: a short row and a long row, both located; the short row's cell is not also reported missing", () => {
    const p = problemsOf(() => readSurvey(`${FIX}/ragged.csv`, tiny));
    expect(p).toEqual([
      { file: `${FIX}/ragged.csv`, row: 3, message: "wrong number of cells", expected: "4 cells, as in the header (expert,from,to,value)", found: "3 cells" },
      {
        file: `${FIX}/ragged.csv`,
        row: 5,
        message: "wrong number of cells",
        expected: "4 cells, as in the header (expert,from,to,value)",
        found: '5 cells ("9" beyond the last column; is a decimal comma unquoted in a comma-separated file?)',
      },
    ]);
  });

  it("unknown-component.csv: one problem per unknown label with a suggestion, and the component-set mismatch", () => {
    expect(problemsOf(() => readSurvey(`${FIX}/unknown-component.csv`, tiny))).toEqual([
      {
        file: `${FIX}/unknown-component.csv`,
        row: 3,
        column: "to",
        message: 'unknown component (in 4 rows); did you mean "Gamma" (C)?',
        expected: "a component id or name: A, B, C",
        found: '"Gama"',
      },
      {
        file: `${FIX}/unknown-component.csv`,
        message: "the survey's components do not match the model",
        expected: "the model's 3 components: A, B, C",
        found: 'never rated: C; not in the model: "Gama"',
      },
    ]);
  });

  it("out-of-scale.csv: three problems in one pass (5, -1, 'high')", () => {
    const f = `${FIX}/out-of-scale.csv`;
    expect(problemsOf(() => readSurvey(f, tiny))).toEqual([
      { file: f, row: 2, column: "value", message: "rating A→B of expert E1 is outside the scale", expected: "a number from 0 to 4", found: '"5"' },
      { file: f, row: 4, column: "value", message: "rating B→A of expert E1 is outside the scale", expected: "a number from 0 to 4", found: '"-1"' },
      { file: f, row: 5, column: "value", message: "rating B→C of expert E1 is not a number", expected: "a number from 0 to 4", found: '"high"' },
    ]);
  });

  it("duplicate-rating.csv: names both rows", () => {
    expect(problemsOf(() => readSurvey(`${FIX}/duplicate-rating.csv`, tiny))).toEqual([
      {
        file: `${FIX}/duplicate-rating.csv`,
        row: 6,
        column: "value",
        message: "duplicate rating A→B of expert E1 (rows 2 and 6)",
        expected: "one rating per expert and pair of components",
        found: '"2"',
      },
    ]);
  });

  it("missing-rating.csv: names the expert and the exact cells (absent and blank), located at the blank cell", () => {
    expect(problemsOf(() => readSurvey(`${FIX}/missing-rating.csv`, tiny))).toEqual([
      {
        file: `${FIX}/missing-rating.csv`,
        row: 10,
        column: "value",
        message: "expert E2 has no rating for A→C, B→C",
        expected: "a number from 0 to 4 for every ordered pair of different components (6 per expert)",
        found: "2 missing (1 left blank)",
      },
    ]);
  });

  it("diagonal.csv: diagonal ratings are ignored with located warnings, even when not a number; an empty diagonal is silent", () => {
    const s = readSurvey(`${FIX}/diagonal.csv`, tiny);
    expect(s.experts[0].matrix).toEqual([
      [0, 3, 2],
      [1, 0, 4],
      [0, 2, 0],
    ]);
    expect(s.warnings).toEqual([
      {
        file: `${FIX}/diagonal.csv`,
        row: 2,
        column: "A",
        message: "1 diagonal rating of 0 ignored (first in row 2): a component's influence on itself is not rated",
      },
      {
        file: `${FIX}/diagonal.csv`,
        row: 4,
        column: "C",
        message: 'diagonal rating C→C of expert E1 ignored: a component\'s influence on itself is not rated; it is not a number either (found "x")',
      },
    ]);
  });

  it("not-utf8.csv: refused with a hint, not garbled", () => {
    expect(problemsOf(() => readSurvey(`${FIX}/not-utf8.csv`, tiny))).toEqual([
      {
        file: `${FIX}/not-utf8.csv`,
        row: 2,
        message: "the file is not UTF-8 text",
        expected: "a CSV file saved as UTF-8 (in Excel: Save As → CSV UTF-8)",
        found: "byte 0xE9 in line 2, which is not UTF-8 (the file was perhaps saved as Windows-1252/Latin-1 or Windows-1256)",
      },
    ]);
  });

  it("a file of blank lines, empty cells or only Excel's sep= line counts as empty", () => {
    for (const text of ["\n\n  \r\n", ",,,\n,,\n", ";;\n ; \n", "sep=;\n", "\uFEFF \n"]) {
      expect(problemsOf(() => parseSurvey(text, tiny))).toEqual([
        {
          file: "survey",
          message: "the survey file is empty",
          expected: "a header line such as expert,from,to,value, then one row per rating",
          found: "only blank lines",
        },
      ]);
    }
  });

  it("a missing file or a directory → InputError naming the path", () => {
    expect(problemsOf(() => readSurvey(`${FIX}/no-such-file.csv`, tiny))).toEqual([
      {
        file: `${FIX}/no-such-file.csv`,
        message: "cannot read the survey file: no such file",
        expected: "a readable CSV file",
        found: `"${FIX}/no-such-file.csv"`,
      },
    ]);
    expect(problemsOf(() => readSurvey(FIX, tiny))[0].message).toBe("cannot read the survey file: it is a directory");
  });
});

describe("parseSurvey — header problems", () => {
  it("suggests the closest role name for a misspelt header", () => {
    expect(problemsOf(() => parseSurvey("expret,from,to,value\nE1,A,B,3\n", tiny))).toEqual([
      {
        file: "survey",
        row: 1,
        message: "the header fits neither survey layout (no expert column)",
        expected: "long layout: expert,from,to,value[,weight]; or matrix blocks: expert,from,A,B,C[,weight]",
        found: '"expret,from,to,value"',
      },
      {
        file: "survey",
        row: 1,
        column: "expret",
        message: 'unexpected column; did you mean "expert"?',
        expected: "a column of one of the two layouts",
        found: '"expret"',
      },
    ]);
  });

  it("long layout without a value column, and a header mixing both layouts", () => {
    expect(problemsOf(() => parseSurvey("expert,from,to\nE1,A,B\n", tiny))[0].message).toBe(
      "the header fits neither survey layout (long layout, but no value column)",
    );
    expect(problemsOf(() => parseSurvey("expert,from,to,value,A,B,C\n", tiny))[0].message).toBe(
      "the header fits neither survey layout (it has both to/value columns and component columns)",
    );
  });

  it("two columns for one role (expert and rater) are ambiguous", () => {
    const p = problemsOf(() => parseSurvey("expert,rater,from,to,value\n", tiny));
    expect(p[0]).toEqual({
      file: "survey",
      row: 1,
      column: "rater",
      message: 'two columns could be the expert column: "expert" (column 1) and "rater" (column 2)',
      expected: "one expert column",
      found: '"rater"',
    });
  });

  it("an unexpected extra column in a long-layout file (a misspelt weight)", () => {
    const p = problemsOf(() => parseSurvey([TINY_LINES[0] + ",wieght", ...TINY_LINES.slice(1).map((l) => l + ",2")].join("\n"), tiny));
    expect(p).toEqual([
      {
        file: "survey",
        row: 1,
        column: "wieght",
        message: 'unexpected column in a long-layout survey; did you mean "weight"?',
        expected: "expert, from, to, value and optionally weight",
        found: '"wieght"',
      },
    ]);
  });

  it('blocks on CXM: unknown column (did you mean "GOV"?), duplicate column, missing column — all at once', () => {
    const header = "expert,from,LEAD,CUL,GOVV,STR,BPM,PRC,INF,INT,EMP,lead";
    const p = problemsOf(() => parseSurvey(header + "\n", cxm));
    expect(p).toEqual([
      {
        file: "survey",
        row: 1,
        column: "lead",
        message: 'duplicate column for component LEAD (also column 3, "LEAD")',
        expected: "one column per component",
        found: '"lead"',
      },
      {
        file: "survey",
        row: 1,
        column: "GOVV",
        message: 'unknown component; did you mean "GOV"?',
        expected: `a component id or name: ${IDS.replace(/,/g, ", ")}`,
        found: '"GOVV"',
      },
      {
        file: "survey",
        row: 1,
        message: "the header has no column for components GOV, INS",
        expected: `one column per model component: ${IDS.replace(/,/g, ", ")}`,
        found: `"${header}"`,
      },
      { file: "survey", row: 1, message: "the survey has no experts", expected: "at least one row of ratings under the header", found: "only a header" },
    ]);
  });

  it("a column with no name in the middle of the header", () => {
    const p = problemsOf(() => parseSurvey("expert,from,A,,B,C\nE1,A,,1,3,2\n", tiny));
    expect(p[0]).toEqual({ file: "survey", row: 1, column: "#4", message: "column 4 has no name", expected: "a column name", found: '""' });
  });
});

describe("parseSurvey — row problems", () => {
  it('unknown component on CXM suggests the id: did you mean "GOV"?', () => {
    const lines = ["expert,from,to,value"];
    const ids = IDS.split(",");
    for (const f of ids) for (const t of ids) if (f !== t) lines.push(`E1,${f === "GOV" ? "Gov." : f},${t},1`);
    const p = problemsOf(() => parseSurvey(lines.join("\n"), cxm));
    expect(p[0]).toMatchObject({ row: 20, column: "from", message: 'unknown component (in 9 rows); did you mean "GOV"?', found: '"Gov."' });
    // GOV still occurs as "to", so the component set matches; the GOV→· cells are then missing for E1.
    expect(p).toHaveLength(2);
    expect(p[1]).toMatchObject({
      row: 2,
      message: "expert E1 has no rating for GOV→LEAD, GOV→CUL, GOV→STR, GOV→BPM, GOV→PRC, GOV→INF, GOV→INT, GOV→EMP, GOV→INS",
      found: "9 missing",
    });
  });

  it("a survey whose components do not match the model lists both sides", () => {
    const four: Model = { components: [...tiny.components, { id: "D", name: "Delta" }] };
    const text = [...TINY_LINES, "E1,A,Omega,1"].join("\n");
    const p = problemsOf(() => parseSurvey(text, four));
    expect(p).toContainEqual({
      file: "survey",
      message: "the survey's components do not match the model",
      expected: "the model's 4 components: A, B, C, D",
      found: 'never rated: D; not in the model: "Omega"',
    });
  });

  it("duplicate (expert, from) row in blocks names both rows", () => {
    const text = ["expert,from,A,B,C", "E1,A,,3,2", "E1,B,1,,4", "E1,C,0,2,", "E1,A,,1,1"].join("\n");
    expect(problemsOf(() => parseSurvey(text, tiny))).toEqual([
      {
        file: "survey",
        row: 5,
        column: "from",
        message: "duplicate row for expert E1, from A (rows 2 and 5)",
        expected: "one row per expert and from component",
        found: '"A"',
      },
    ]);
  });

  it("missing expert label and missing component", () => {
    const text = [...TINY_LINES, ",A,B,3", "E1,,B,3"].join("\n");
    expect(problemsOf(() => parseSurvey(text, tiny))).toEqual([
      { file: "survey", row: 8, column: "expert", message: "no expert label", expected: "the expert's label, e.g. E1", found: '""' },
      { file: "survey", row: 9, column: "from", message: "no component given", expected: "a component id or name: A, B, C", found: '""' },
    ]);
  });

  it("weights: not positive, not a number, or differing between an expert's rows", () => {
    const text = ["expert,from,to,value,weight", "E1,A,B,3,2", "E1,A,C,2,3", "E1,B,A,1,0", "E1,B,C,4,heavy", "E1,C,A,0,2", "E1,C,B,2,"].join("\n");
    expect(problemsOf(() => parseSurvey(text, tiny))).toEqual([
      {
        file: "survey",
        row: 3,
        column: "weight",
        message: "expert E1 has weight 3 here but 2 in row 2",
        expected: "the same weight on every row of an expert",
        found: '"3"',
      },
      {
        file: "survey",
        row: 4,
        column: "weight",
        message: "weight of expert E1 must be a positive number",
        expected: "a positive number, e.g. 1",
        found: '"0"',
      },
      {
        file: "survey",
        row: 5,
        column: "weight",
        message: "weight of expert E1 must be a positive number",
        expected: "a positive number, e.g. 1",
        found: '"heavy"',
      },
    ]);
  });

  it("plausibility warnings: an expert who rated every pair 0, and an expert whose ratings copy an earlier expert's", () => {
    const zero = TINY_LINES.slice(1).map((l) => l.replace("E1", "Z").replace(/,\d$/, ",0"));
    const copy = TINY_LINES.slice(1).map((l) => l.replace("E1", "E9"));
    const s = parseSurvey([...TINY_LINES, ...zero, ...copy].join("\n"), tiny);
    expect(s.experts.map((e) => e.expert)).toEqual(["E1", "Z", "E9"]);
    expect(s.warnings).toEqual([
      { file: "survey", row: 8, column: "expert", message: "expert Z rated every pair 0 (no influence anywhere): check that these ratings were entered" },
      {
        file: "survey",
        row: 14,
        column: "expert",
        message: "expert E9 gave exactly the same 6 ratings as expert E1 (row 2): a copied block? Each copy counts as another expert",
      },
    ]);
  });

  it("a JSON model given as the survey (arguments swapped): the header problem says it looks like JSON", () => {
    const p = problemsOf(() => parseSurvey('{\n  "components": [{ "id": "A", "name": "Alpha" }]\n}\n', tiny));
    expect(p[0]).toEqual({
      file: "survey",
      row: 1,
      message:
        "the header fits neither survey layout (no expert or from column); this looks like a JSON file: a model file is given with --model, the survey is a CSV file",
      expected: "long layout: expert,from,to,value[,weight]; or matrix blocks: expert,from,A,B,C[,weight]",
      found: '"{"',
    });
  });

  it("a bad weight or a missing label repeated on every row of an expert is one problem, counted, at its first row", () => {
    const text = [
      "expert,from,to,value,weight",
      ...TINY_LINES.slice(1).map((l) => l + ",-1"),
      ...TINY_LINES.slice(1).map((l) => l.replace("E1", "") + ",1"),
    ].join("\n");
    expect(problemsOf(() => parseSurvey(text, tiny))).toEqual([
      {
        file: "survey",
        row: 2,
        column: "weight",
        message: "weight of expert E1 must be a positive number (in 6 rows)",
        expected: "a positive number, e.g. 1",
        found: '"-1"',
      },
      { file: "survey", row: 8, column: "expert", message: "no expert label (in 6 rows)", expected: "the expert's label, e.g. E1", found: '""' },
    ]);
  });

  it("a `/` written as a Persian decimal point gets a hint", () => {
    const text = TINY_LINES.map((l, k) => (k === 1 ? "E1,A,B,۳/۵" : l)).join("\n");
    expect(problemsOf(() => parseSurvey(text, tiny))[0].message).toBe(
      'rating A→B of expert E1 is not a number (if "/" is meant as a decimal point, write ۳.۵)',
    );
  });

  it("an unclosed quote is located", () => {
    const text = [...TINY_LINES.slice(0, 3), 'E1,"B,A,1', ...TINY_LINES.slice(4)].join("\n");
    const p = problemsOf(() => parseSurvey(text, tiny));
    expect(p[0]).toEqual({
      file: "survey",
      row: 4,
      message: "a quoted cell is never closed",
      expected: 'cells quoted as "text", with inner quotes doubled',
      found: 'an opening " with no closing " (the rest of the file is read as one cell)',
    });
  });

  it("an unquoted decimal comma in a comma-separated file is a wrong number of cells, with a hint", () => {
    const text = TINY_LINES.map((l, k) => (k === 1 ? "E1,A,B,3,5" : l)).join("\n");
    expect(problemsOf(() => parseSurvey(text, tiny))).toEqual([
      {
        file: "survey",
        row: 2,
        message: "wrong number of cells",
        expected: "4 cells, as in the header (expert,from,to,value)",
        found: '5 cells ("5" beyond the last column; is a decimal comma unquoted in a comma-separated file?)',
      },
    ]);
  });

  it("a custom scale is enforced (1..9 refuses 0 and 10)", () => {
    const text = TINY_LINES.map((l, k) => (k === 1 ? "E1,A,B,10" : l)).join("\n");
    expect(problemsOf(() => parseSurvey(text, tiny, { scale: { min: 1, max: 9 } }))).toEqual([
      { file: "survey", row: 2, column: "value", message: "rating A→B of expert E1 is outside the scale", expected: "a number from 1 to 9", found: '"10"' },
      { file: "survey", row: 6, column: "value", message: "rating C→A of expert E1 is outside the scale", expected: "a number from 1 to 9", found: '"0"' },
    ]);
  });
});

describe("parseSurvey — missing ratings and imputation", () => {
  it("a blank CXM template read back gives one missing-rating problem per expert, located at the first blank cell (both layouts)", () => {
    const blocks = problemsOf(() => parseSurvey(surveyTemplate(cxm), cxm, { source: "template.csv" }));
    expect(blocks).toHaveLength(3);
    expect(blocks[1]).toMatchObject({ file: "template.csv", row: 12, column: "CUL", found: "90 missing (90 left blank)" });
    expect(blocks[1].message).toBe(
      "expert E2 has no rating for LEAD→CUL, LEAD→GOV, LEAD→STR, LEAD→BPM, LEAD→PRC, LEAD→INF, LEAD→INT, LEAD→EMP, LEAD→INS, CUL→LEAD, CUL→GOV, CUL→STR and 78 more",
    );
    const long = problemsOf(() => parseSurvey(surveyTemplate(tiny, { layout: "long", expertCount: 2 }), tiny));
    expect(long).toEqual([
      {
        file: "survey",
        row: 2,
        column: "value",
        message: "expert E1 has no rating for A→B, A→C, B→A, B→C, C→A, C→B",
        expected: "a number from 0 to 4 for every ordered pair of different components (6 per expert)",
        found: "6 missing (6 left blank)",
      },
      {
        file: "survey",
        row: 8,
        column: "value",
        message: "expert E2 has no rating for A→B, A→C, B→A, B→C, C→A, C→B",
        expected: "a number from 0 to 4 for every ordered pair of different components (6 per expert)",
        found: "6 missing (6 left blank)",
      },
    ]);
  });

  it('impute: "mean" still fails on a cell no other expert rated', () => {
    const text = [...TINY_LINES.filter((l) => !l.startsWith("E1,C,B")), "E2,A,B,1", "E2,A,C,1", "E2,B,A,1", "E2,B,C,1", "E2,C,A,1"].join("\n");
    expect(problemsOf(() => parseSurvey(text, tiny, { impute: "mean" }))).toEqual([
      {
        file: "survey",
        row: 2,
        message: "expert E1 has no rating for C→B, and no other expert rated this cell, so the mean cannot be imputed",
        expected: "a number from 0 to 4 for every ordered pair of different components (6 per expert)",
        found: "1 missing",
      },
      {
        file: "survey",
        row: 7,
        message: "expert E2 has no rating for C→B, and no other expert rated this cell, so the mean cannot be imputed",
        expected: "a number from 0 to 4 for every ordered pair of different components (6 per expert)",
        found: "1 missing",
      },
    ]);
  });

  it("a bad value is reported once, not also as missing, and is never imputed", () => {
    const text = [...TINY_LINES.map((l, k) => (k === 1 ? "E1,A,B,x" : l)), "E2,A,B,1", "E2,A,C,1", "E2,B,A,1", "E2,B,C,1", "E2,C,A,1", "E2,C,B,1"].join("\n");
    const p = problemsOf(() => parseSurvey(text, tiny, { impute: "mean" }));
    expect(p).toHaveLength(1);
    expect(p[0].message).toBe("rating A→B of expert E1 is not a number");
  });
});

describe("parseSurvey — many problems in one pass, and the cap", () => {
  const manyBad = (count: number): string => {
    const lines = ["expert,from,to,value"];
    for (let k = 1; k <= count; k++)
      for (const [f, t] of [
        ["A", "B"],
        ["A", "C"],
        ["B", "A"],
        ["B", "C"],
        ["C", "A"],
        ["C", "B"],
      ])
        lines.push(`E${k},${f},${t},${f === "A" && t === "B" ? "?" : 1}`);
    return lines.join("\n");
  };

  it("reports every problem up to maxProblems (default 50), then counts the rest", () => {
    const err = inputError(() => parseSurvey(manyBad(60), tiny));
    expect(err.problems).toHaveLength(50);
    expect(err.truncated).toBe(10);
    expect(err.problems[49]).toMatchObject({ row: 1 + 49 * 6 + 1, column: "value", message: "rating A→B of expert E50 is not a number", found: '"?"' });
    expect(err.message.startsWith('60 problems in the input:\n  - survey:2, column "value": rating A→B of expert E1 is not a number')).toBe(true);
    expect(err.message.endsWith("\n  … and 10 more")).toBe(true);
  });

  it("maxProblems: 3 keeps three", () => {
    const err = inputError(() => parseSurvey(manyBad(5), tiny, { maxProblems: 3 }));
    expect(err.problems.map((p) => p.row)).toEqual([2, 8, 14]);
    expect(err.truncated).toBe(2);
  });
});

describe("parseSurvey — misuse and robustness", () => {
  it("invalid options are programming errors (RangeError)", () => {
    const text = TINY_LINES.join("\n");
    expect(() => parseSurvey(text, tiny, { scale: { min: 4, max: 0 } })).toThrow(RangeError);
    expect(() => parseSurvey(text, tiny, { scale: { min: 0, max: NaN } })).toThrow(RangeError);
    expect(() => parseSurvey(text, tiny, { maxProblems: 0 })).toThrow(RangeError);
    expect(() => parseSurvey(text, tiny, { impute: "median" as "mean" })).toThrow(RangeError);
  });

  it("never throws anything but InputError on seeded random garbage (never a stack trace for a user's mistake)", () => {
    const rng = createRandom(2024);
    const alphabet = [
      "expert",
      "from",
      "to",
      "value",
      "weight",
      "A",
      "B",
      "C",
      "Alpha",
      "گاما",
      "E1",
      "E2",
      "0",
      "1",
      "4",
      "5",
      "3,5",
      "۳",
      "-",
      "x",
      "",
      " ",
      ",",
      ",",
      ",",
      ";",
      "\t",
      "\n",
      "\n",
      "\r\n",
      '"',
      "\uFEFF",
      "\u066B",
    ];
    let inputErrors = 0;
    for (let trial = 0; trial < 400; trial++) {
      const len = rng.int(120);
      let text = trial % 2 === 0 ? "expert,from,to,value\n" : "expert,from,A,B,C\n";
      for (let k = 0; k < len; k++) text += alphabet[rng.int(alphabet.length)];
      try {
        const s = parseSurvey(text, tiny);
        // Whatever passes must be a valid survey on the scale.
        for (const e of s.experts) for (const row of e.matrix) for (const v of row) expect(v >= 0 && v <= 4).toBe(true);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        inputErrors++;
        expect(e.problems.length).toBeGreaterThan(0);
      }
    }
    expect(inputErrors).toBeGreaterThan(300);
  });
});
