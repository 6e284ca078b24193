// Survey ingestion (issue 2 §3, docs/methods.md §1): both layouts, the forgiving
// cases, templates and round trips. Error cases are in surveyErrors.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  aggregate,
  createRandom,
  defaultModel,
  dematel,
  InputError,
  parseSurvey,
  readSurvey,
  surveyTemplate,
  surveyToCsv,
  type Matrix,
  type Model,
  type Survey,
} from "../src/index.js";
import { closestMatch, editDistance } from "../src/io/closestMatch.js";
import { parseLocaleNumber } from "../src/io/parseLocaleNumber.js";
import { componentMatcher } from "../src/io/componentMatcher.js";
import { surveyCsvCell, unguardCsvCell } from "../src/io/surveyCsvCell.js";
import { surveyCsvText } from "../src/io/surveyCsvText.js";
import { deepFreeze, expectClose, SURVEY_FIXTURES as FIX, TINY_MODEL as tiny } from "./helpers.js";

const cxm: Model = deepFreeze(defaultModel());

/** Expert matrices of tests/fixtures/surveys/tiny-long.csv, written out by hand from the file. */
const TINY_E1 = [
  [0, 3, 2],
  [1, 0, 4],
  [0, 2, 0],
];
const TINY_E2 = [
  [0, 4, 1],
  [0, 0, 3],
  [1, 2, 0],
];

/** A seeded random survey on a model: K experts, ratings 0..4 (integers, or with many decimals when `fractional`). */
function randomSurvey(model: Model, K: number, seed: number, fractional = false, weighted = false): Survey {
  const rng = createRandom(seed);
  const n = model.components.length;
  return {
    source: "random",
    components: model.components.map((c) => c.id),
    scale: { min: 0, max: 4 },
    warnings: [],
    experts: Array.from({ length: K }, (_, k) => ({
      expert: `R${k + 1}`,
      weight: weighted ? 0.5 + rng.int(4) / 2 : 1,
      imputed: [],
      matrix: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : fractional ? rng.next() * 4 : rng.int(5)))),
    })),
  };
}

describe("parseSurvey(text, model) — long layout", () => {
  it("reads tiny-long.csv into one matrix per expert, in model order, diagonal 0", () => {
    const s = readSurvey(`${FIX}/tiny-long.csv`, tiny);
    expect(s.source).toBe(`${FIX}/tiny-long.csv`);
    expect(s.components).toEqual(["A", "B", "C"]);
    expect(s.experts.map((e) => e.expert)).toEqual(["E1", "E2"]);
    expect(s.experts[0].matrix).toEqual(TINY_E1);
    expect(s.experts[1].matrix).toEqual(TINY_E2);
    expect(s.experts.map((e) => e.weight)).toEqual([1, 1]);
    expect(s.experts.every((e) => e.imputed.length === 0)).toBe(true);
    expect(s.scale).toEqual({ min: 0, max: 4 });
    expect(s.warnings).toEqual([]);
  });

  it("accepts rows in any order and synonyms rater/source/target/rating", () => {
    const text = "Rater,Source,Target,Rating\nE1,C,B,2\nE1,A,C,2\nE1,B,C,4\nE1,A,B,3\nE1,C,A,0\nE1,B,A,1\n";
    expect(parseSurvey(text, tiny).experts[0].matrix).toEqual(TINY_E1);
  });

  it("reads a tab-separated file with `score` and per-expert weights (blank weight cells allowed)", () => {
    const s = readSurvey(`${FIX}/tiny-tab-weights.csv`, tiny);
    expect(s.experts.map((e) => [e.expert, e.weight])).toEqual([
      ["E1", 2],
      ["E2", 1],
    ]);
    expect(s.experts[0].matrix).toEqual(TINY_E1);
    expect(s.experts[1].matrix).toEqual(TINY_E2);
  });

  it("a row may leave out a trailing weight cell, but not a rating cell", () => {
    const text = ["expert,from,to,value,weight", "E1,A,B,3,2", "E1,A,C,2", "E1,B,A,1", "E1,B,C,4", "E1,C,A,0", "E1,C,B,2,2"].join("\n");
    const s = parseSurvey(text, tiny);
    expect(s.experts[0].weight).toBe(2);
    expect(s.experts[0].matrix).toEqual(TINY_E1);
    expect(() => parseSurvey("expert,from,to,value,weight\nE1,A,B\n", tiny)).toThrow(/wrong number of cells/);
  });

  it("names components by id in any case, by English name and by Persian name", () => {
    const text = ["expert,from,to,value", "E1,a,beta,3", "E1,ALPHA,گاما,2", "E1,بتا,A,1", "E1,b,Gamma,4", "E1, gamma ,آلفا,0", "E1,C,b,2"].join("\n");
    expect(parseSurvey(text, tiny).experts[0].matrix).toEqual(TINY_E1);
  });

  it("matches Persian names typed with Arabic yeh/kaf or a zero-width non-joiner", () => {
    // INS = "مدیریت بینش تجربه مشتری" typed with Arabic yeh U+064A; EMP = "کارکنان تجربه مشتری محور" with Arabic kaf U+0643 and a ZWNJ.
    const m = componentMatcher(cxm);
    expect(m.match("مدیریت بینش تجربه مشتری".replace(/ی/g, "\u064A"))).toBe(9);
    expect(m.match("\u0643ار\u200Cکنان  تجربه مشتری محور")).toBe(8);
    expect(m.match("customer-focused LEADERSHIP")).toBe(0);
    expect(m.match("nothing like it")).toBe(-1);
  });

  it("accepts fractional ratings with many decimals: a printed average matrix read as one expert reproduces the mean of the panel", () => {
    // Three experts' integer ratings; their mean (thirds) printed to 17 significant digits and read back as a single "expert".
    const panel = randomSurvey(tiny, 3, 11);
    const mean = aggregate(panel.experts.map((e) => e.matrix));
    const lines = ["expert,from,to,value"];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== j) lines.push(`published,${"ABC"[i]},${"ABC"[j]},${mean[i][j].toPrecision(17)}`);
    const one = parseSurvey(lines.join("\n"), tiny);
    expectClose(one.experts[0].matrix, mean, 1e-15);
  });
});

describe("parseSurvey(text, model) — matrix-blocks layout", () => {
  it("reads blocks on the tiny model; experts in order of first row", () => {
    const text = ["expert,from,A,B,C", "E2,A,,4,1", "E2,B,0,,3", "E2,C,1,2,", "E1,A,,3,2", "E1,B,1,,4", "E1,C,0,2,"].join("\n");
    const s = parseSurvey(text, tiny);
    expect(s.experts.map((e) => e.expert)).toEqual(["E2", "E1"]);
    expect(s.experts[0].matrix).toEqual(TINY_E2);
    expect(s.experts[1].matrix).toEqual(TINY_E1);
  });

  it("accepts component columns in any order, named by id, English or Persian name", () => {
    const text = ["expert,from,گاما,alpha,b,weight", "E1,A,2,,3,1.5", "E1,B,4,1,,1.5", "E1,C,,0,2,1.5"].join("\n");
    const s = parseSurvey(text, tiny);
    expect(s.experts[0].matrix).toEqual(TINY_E1);
    expect(s.experts[0].weight).toBe(1.5);
  });

  it("reads a CXM survey, tab-separated, CRLF, Persian names as column headers and English names as from", () => {
    // Fixture written with rating(i, j) = (3i + 7j) mod 5 for i ≠ j.
    const s = readSurvey(`${FIX}/cxm-blocks-persian-tab.tsv`, cxm);
    expect(s.components).toEqual(["LEAD", "CUL", "GOV", "STR", "BPM", "PRC", "INF", "INT", "EMP", "INS"]);
    const expected = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 0 : (3 * i + 7 * j) % 5)));
    expect(s.experts).toHaveLength(1);
    expect(s.experts[0].matrix).toEqual(expected);
    expect(s.warnings).toEqual([]);
  });

  it("reads CXM blocks with quoted English names (one holds a comma) as column headers and Persian names as from", () => {
    const names = cxm.components.map((c) => c.name);
    const header = ["expert", "from", ...names.map((x) => `"${x}"`)].join(",");
    const lines = [
      header,
      ...cxm.components.map((c, i) => ["E1", c.name_fa as string, ...names.map((_, j) => (i === j ? "" : String((i + 2 * j) % 5)))].join(",")),
    ];
    expect(names[6]).toContain(","); // INF's name: "Customer experience-driven infrastructure, mechanization and technology management"
    const s = parseSurvey(lines.join("\n"), cxm);
    expect(s.experts[0].matrix).toEqual(Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 0 : (i + 2 * j) % 5))));
  });

  it("reproduces the printed normalised matrix of a published worked example read as one expert (onlineoutput.com DEMATEL example, project 8733_394698: λ = 12)", () => {
    // Direct-relation matrix of the example (LDRS, STFLX, COLLB, TECHL, ABSCAP), printed normalised values 0.333, 0.25, 0.083.
    const model: Model = { components: ["LDRS", "STFLX", "COLLB", "TECHL", "ABSCAP"].map((id) => ({ id, name: id })) };
    const text = [
      "expert,from,LDRS,STFLX,COLLB,TECHL,ABSCAP",
      "X,LDRS,0,4,3,1,0",
      "X,STFLX,0,0,4,1,1",
      "X,COLLB,0,1,0,4,4",
      "X,TECHL,0,0,1,0,0",
      "X,ABSCAP,1,0,4,4,0",
    ].join("\n");
    const s = parseSurvey(text, model);
    const r = dematel(s.experts[0].matrix);
    expect(r.lambda).toBe(12);
    const printed = [
      [0, 0.333, 0.25, 0.083, 0],
      [0, 0, 0.333, 0.083, 0.083],
      [0, 0.083, 0, 0.333, 0.333],
      [0, 0, 0.083, 0, 0],
      [0.083, 0, 0.333, 0.333, 0],
    ];
    expectClose(r.normalized, printed, 5e-4);
  });
});

describe("parseSurvey — forgiving input", () => {
  it("BOM, `;`, CRLF, blank lines, spaces, case, names, Persian/Arabic digits, decimal comma, Arabic decimal separator, trailing empty columns, `-` diagonal", () => {
    const s = readSurvey(`${FIX}/tiny-blocks-forgiving.csv`, tiny);
    // One expert; the blank B→B and C→C cells and the `-` A→A cell are the diagonal, so nothing is missing and nothing warned.
    expect(s.experts[0].matrix).toEqual([
      [0, 3, 2.5],
      [1, 0, 4],
      [0, 2.25, 0],
    ]);
    expect(s.warnings).toEqual([]);
  });

  it('`3,5` in a `;` file is 3.5, and a quoted "3,5" in a `,` file too', () => {
    const semi = "expert;from;to;value\nE1;A;B;3,5\nE1;A;C;0\nE1;B;A;1\nE1;B;C;1\nE1;C;A;1\nE1;C;B;1\n";
    expect(parseSurvey(semi, tiny).experts[0].matrix[0][1]).toBe(3.5);
    expect(parseSurvey(semi.replace(/;/g, ",").replace("3,5", '"3,5"'), tiny).experts[0].matrix[0][1]).toBe(3.5);
  });

  it("keeps original line numbers across blank lines in warnings", () => {
    const text = "expert,from,A,B,C\n\n\nE1,A,3,3,2\n\nE1,B,1,,4\nE1,C,0,2,\n";
    const s = parseSurvey(text, tiny);
    expect(s.warnings).toEqual([
      { file: "survey", row: 4, column: "A", message: 'diagonal rating A→A of expert E1 ignored: a component\'s influence on itself is not rated (found "3")' },
    ]);
  });

  it("zeros on the diagonal give one summary warning located at the first", () => {
    const text = "expert,from,A,B,C\nE1,A,0,3,2\nE1,B,1,0,4\nE1,C,0,2,0\n";
    expect(parseSurvey(text, tiny).warnings).toEqual([
      { file: "survey", row: 2, column: "A", message: "3 diagonal ratings of 0 ignored (first in row 2): a component's influence on itself is not rated" },
    ]);
  });

  it("an Excel `sep=;` first line sets the delimiter; the header is then line 2", () => {
    const text = "sep=;\r\nexpert;from;to;value\r\nE1;A;B;3\r\nE1;A;C;2\r\nE1;B;A;1\r\nE1;B;C;4\r\nE1;C;A;0\r\nE1;C;C;9\r\nE1;C;B;2,0\r\n";
    const s = parseSurvey(text, tiny);
    expect(s.experts[0].matrix).toEqual(TINY_E1);
    expect(s.warnings[0]).toMatchObject({ row: 8, column: "value" });
  });

  it("lone CR line ends and mixed line ends", () => {
    const text = "expert,from,to,value\rE1,A,B,3\r\nE1,A,C,2\nE1,B,A,1\rE1,B,C,4\nE1,C,A,0\nE1,C,B,2";
    expect(parseSurvey(text, tiny).experts[0].matrix).toEqual(TINY_E1);
  });

  it("strips a formula guard `'` that our writers put before expert labels starting with = + - @", () => {
    const text = "expert,from,to,value\n'=E1,A,B,3\n'=E1,A,C,2\n'=E1,B,A,1\n'=E1,B,C,4\n'=E1,C,A,0\n'=E1,C,B,2\n";
    expect(parseSurvey(text, tiny).experts[0].expert).toBe("=E1");
  });

  it("unguardCsvCell(surveyCsvCell(label)) gives the label back for formula-like labels; other apostrophes stay (OWASP CSV injection guard)", () => {
    for (const label of ["=E1", "+B", "-1", "@C", "E1", "'quoted", "''x"]) expect(unguardCsvCell(surveyCsvCell(label))).toBe(label);
    expect(unguardCsvCell("'\tX")).toBe("\tX"); // toCsv's csvCell also guards a leading tab
    expect(unguardCsvCell("'x")).toBe("'x");
  });

  it("strips the same guard before component labels (a template of a model whose ids look like formulas reads back)", () => {
    const model: Model = {
      components: [
        { id: "=A", name: "a" },
        { id: "+B", name: "b" },
        { id: "@C", name: "c" },
      ],
    };
    const text = "expert,from,'=A,'+B,'@C\nE1,'=A,,3,2\nE1,'+B,1,,4\nE1,'@C,0,2,\n";
    expect(parseSurvey(text, model).experts[0].matrix).toEqual(TINY_E1);
  });

  it("Persian column names (کارشناس typed with an Arabic kaf, از, به, امتیاز with an Arabic yeh, وزن) name the long layout's columns", () => {
    const text = [
      "\u0643\u0627\u0631\u0634\u0646\u0627\u0633,از,به,\u0627\u0645\u062a\u064a\u0627\u0632,وزن",
      "E1,A,B,3,2",
      "E1,A,C,2,2",
      "E1,B,A,1,2",
      "E1,B,C,4,2",
      "E1,C,A,0,2",
      "E1,C,B,2,2",
    ].join("\n");
    const s = parseSurvey(text, tiny);
    expect(s.experts[0].matrix).toEqual(TINY_E1);
    expect(s.experts[0].weight).toBe(2);
  });

  it("Persian column names are compared like component labels (normalizeLabel): a tatweel does not hide امتیاز", () => {
    // "امـتیاز": a tatweel (U+0640, a purely visual stretch) after the mim; still the value column.
    const text = [
      "expert,\u0627\u0632,\u0628\u0647,\u0627\u0645\u0640\u062a\u06cc\u0627\u0632",
      "E1,A,B,3",
      "E1,A,C,2",
      "E1,B,A,1",
      "E1,B,C,4",
      "E1,C,A,0",
      "E1,C,B,2",
    ].join("\n");
    expect(parseSurvey(text, tiny).experts[0].matrix).toEqual(TINY_E1);
  });

  it("a custom scale accepts its own range (1..9)", () => {
    const text = "expert,from,to,value\nE1,A,B,9\nE1,A,C,1\nE1,B,A,5\nE1,B,C,7,\nE1,C,A,8.5\nE1,C,B,1\n";
    const s = parseSurvey(text.replace("7,", "7"), tiny, { scale: { min: 1, max: 9 } });
    expect(s.scale).toEqual({ min: 1, max: 9 });
    expect(s.experts[0].matrix).toEqual([
      [0, 9, 1],
      [5, 0, 7],
      [8.5, 1, 0],
    ]);
  });

  it("reads UTF-16LE without a byte-order mark (every other byte 0), and names a workbook or binary file instead of 'not UTF-8'", () => {
    const dir = mkdtempSync(join(tmpdir(), "survey-"));
    const text = readFileSync(`${FIX}/tiny-long.csv`, "utf8");
    writeFileSync(join(dir, "u16.csv"), Buffer.from(text, "utf16le"));
    expect(readSurvey(join(dir, "u16.csv"), tiny).experts[0].matrix).toEqual(TINY_E1);
    writeFileSync(join(dir, "book.csv"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    writeFileSync(join(dir, "old.csv"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    writeFileSync(join(dir, "nul.csv"), Buffer.from("expert,from,to,value\nE1,A,B,\u00003\n", "utf8"));
    const found = (f: string): string | undefined => {
      try {
        readSurvey(join(dir, f), tiny);
      } catch (e) {
        return (e as InputError).problems[0].found;
      }
      return undefined;
    };
    expect(found("book.csv")).toBe("a ZIP archive — an Excel workbook (.xlsx) or OpenDocument spreadsheet, not a CSV file");
    expect(found("old.csv")).toBe("an old Excel workbook (.xls), not a CSV file");
    expect(found("nul.csv")).toBe("binary data (a byte 0 in line 2)");
  });

  it("reads UTF-16LE with a byte-order mark (Excel 'Unicode Text')", () => {
    const dir = mkdtempSync(join(tmpdir(), "survey-"));
    const text = readFileSync(`${FIX}/tiny-long.csv`, "utf8").replace(/,/g, "\t");
    writeFileSync(join(dir, "u16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(readSurvey(join(dir, "u16.txt"), tiny).experts[1].matrix).toEqual(TINY_E2);
  });
});

describe('parseSurvey — impute: "mean"', () => {
  it("fills a missing cell with the mean of the other experts, flags it and warns", () => {
    // E3 lacks A→C and C→B; E1 and E2 rated A→C as 2 and 1 (mean 1.5), C→B as 2 and 2 (mean 2).
    const lines = readFileSync(`${FIX}/tiny-long.csv`, "utf8").trim().split("\n");
    lines.push("E3,A,B,1", "E3,A,C,", "E3,B,A,2", "E3,B,C,2", "E3,C,A,3");
    const s = parseSurvey(lines.join("\n"), tiny, { impute: "mean" });
    const e3 = s.experts[2];
    expect(e3.matrix).toEqual([
      [0, 1, 1.5],
      [2, 0, 2],
      [3, 2, 0],
    ]);
    expect(e3.imputed).toEqual([
      [0, 2],
      [2, 1],
    ]);
    expect(s.experts[0].imputed).toEqual([]);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatchObject({ file: "survey", row: 15, column: "value" });
    expect(s.warnings[0].message).toBe("expert E3: 2 missing ratings imputed with the mean of the other experts: A→C = 1.5, C→B = 2");
  });
});

describe("surveyTemplate(model, options)", () => {
  it("blocks: header with ids and weight, one row per (expert, from), empty cells", () => {
    expect(surveyTemplate(tiny, { expertCount: 2 })).toBe(
      "expert,from,A,B,C,weight\r\nE1,A,,,,\r\nE1,B,,,,\r\nE1,C,,,,\r\nE2,A,,,,\r\nE2,B,,,,\r\nE2,C,,,,\r\n",
    );
  });

  it("long: one row per (expert, from, to ≠ from); default 3 experts; custom prefix", () => {
    const t = surveyTemplate(tiny, { layout: "long", expertPrefix: "Expert " });
    const rows = t.trim().split("\r\n");
    expect(rows[0]).toBe("expert,from,to,value,weight");
    expect(rows).toHaveLength(1 + 3 * 6);
    expect(rows[1]).toBe("Expert 1,A,B,,");
    expect(rows[18]).toBe("Expert 3,C,B,,");
  });

  it("CXM blocks template has 1 + 3·10 lines and 13 columns", () => {
    const rows = surveyTemplate(cxm).trim().split("\r\n");
    expect(rows).toHaveLength(31);
    expect(rows.every((r) => r.split(",").length === 13)).toBe(true);
  });

  it("template → fill → parse round trip (both layouts)", () => {
    for (const layout of ["blocks", "long"] as const) {
      const rng = createRandom(layout === "blocks" ? 5 : 6);
      const filled: Matrix[] = [[], []].map(() => Array.from({ length: 10 }, () => new Array(10).fill(0)));
      const lines = surveyTemplate(cxm, { expertCount: 2, layout }).trim().split("\r\n");
      const ids = cxm.components.map((c) => c.id);
      const out = [lines[0]];
      for (const line of lines.slice(1)) {
        const cells = line.split(",");
        const k = Number(cells[0].slice(1)) - 1;
        const i = ids.indexOf(cells[1]);
        if (layout === "long") {
          const j = ids.indexOf(cells[2]);
          filled[k][i][j] = rng.int(5);
          cells[3] = String(filled[k][i][j]);
        } else {
          for (let j = 0; j < 10; j++)
            if (i !== j) {
              filled[k][i][j] = rng.int(5);
              cells[2 + j] = String(filled[k][i][j]);
            }
        }
        out.push(cells.join(","));
      }
      const s = parseSurvey(out.join("\r\n"), cxm);
      expect(s.experts.map((e) => e.matrix)).toEqual(filled);
      expect(s.experts.map((e) => e.weight)).toEqual([1, 1]);
    }
  });

  it("throws RangeError on a non-positive or fractional number of experts", () => {
    expect(() => surveyTemplate(tiny, { expertCount: 0 })).toThrow(RangeError);
    expect(() => surveyTemplate(tiny, { expertCount: 1.5 })).toThrow(RangeError);
  });
});

describe("surveyToCsv(survey, layout) → parseSurvey round trip", () => {
  it("tiny survey in long layout is written exactly", () => {
    const s = readSurvey(`${FIX}/tiny-long.csv`, tiny);
    expect(surveyToCsv(s, "long")).toBe(readFileSync(`${FIX}/tiny-long.csv`, "utf8").replace(/\n/g, "\r\n"));
  });

  it("seeded random CXM panels (integers, many-decimal fractions, weights) come back identical in both layouts", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const survey = randomSurvey(cxm, 2 + (seed % 4), 100 + seed, seed % 2 === 0, seed % 3 === 0);
      for (const layout of ["blocks", "long"] as const) {
        const back = parseSurvey(surveyToCsv(survey, layout), cxm, { source: "random" });
        expect(back.experts).toEqual(survey.experts);
        expect(back.components).toEqual(survey.components);
        expect(back.warnings).toEqual([]);
      }
    }
  });

  it("labels that look like formulas or hold delimiters survive the round trip", () => {
    const survey = randomSurvey(tiny, 3, 7);
    survey.experts[0].expert = "=SUM(A1)";
    survey.experts[1].expert = 'Dr. X; "the" expert, senior';
    survey.experts[2].expert = "@home";
    const csv = surveyToCsv(survey);
    expect(csv.split("\r\n")[1].startsWith("'=SUM(A1)")).toBe(true);
    expect(parseSurvey(csv, tiny).experts).toEqual(survey.experts);
  });

  it("throws RangeError when a matrix does not fit the components", () => {
    const survey = randomSurvey(tiny, 1, 3);
    survey.experts[0].matrix.pop();
    expect(() => surveyToCsv(survey)).toThrow(RangeError);
  });
});

describe("inputs are not mutated", () => {
  it("parseSurvey, readSurvey, surveyTemplate and surveyToCsv leave a frozen model and survey alone", () => {
    const before = JSON.stringify(cxm);
    const survey = deepFreeze(randomSurvey(cxm, 3, 42));
    const csv = surveyToCsv(survey);
    const s = parseSurvey(csv, cxm, { impute: "mean", scale: Object.freeze({ min: 0, max: 4 }) });
    expect(s.experts).toEqual(survey.experts);
    surveyTemplate(cxm, { layout: "long" });
    readSurvey(`${FIX}/cxm-blocks-persian-tab.tsv`, cxm);
    expect(JSON.stringify(cxm)).toBe(before);
  });

  it("readSurvey never modifies the file", () => {
    const before = readFileSync(`${FIX}/tiny-blocks-forgiving.csv`);
    readSurvey(`${FIX}/tiny-blocks-forgiving.csv`, tiny);
    expect(readFileSync(`${FIX}/tiny-blocks-forgiving.csv`).equals(before)).toBe(true);
  });
});

describe("doc-comment examples hold", () => {
  const ab: Model = {
    components: [
      { id: "A", name: "a" },
      { id: "B", name: "b" },
    ],
  };
  it("parseSurvey, surveyTemplate and surveyToCsv examples", () => {
    expect(parseSurvey("expert,from,to,value\nE1,A,B,3\nE1,B,A,1", ab).experts[0].matrix).toEqual([
      [0, 3],
      [1, 0],
    ]);
    expect(surveyTemplate(ab, { expertCount: 1 })).toBe("expert,from,A,B,weight\r\nE1,A,,,\r\nE1,B,,,\r\n");
    const one: Survey = {
      source: "x",
      components: ["A", "B"],
      scale: { min: 0, max: 4 },
      warnings: [],
      experts: [
        {
          expert: "E1",
          weight: 1,
          matrix: [
            [0, 3],
            [1, 0],
          ],
          imputed: [],
        },
      ],
    };
    expect(surveyToCsv(one, "long")).toBe("expert,from,to,value\r\nE1,A,B,3\r\nE1,B,A,1\r\n");
    expect(surveyCsvText(["A", "B"], [{ label: "E1", weight: "", rating: () => "" }], "long", false)).toBe("expert,from,to,value\r\nE1,A,B,\r\nE1,B,A,\r\n");
  });

  it("surveyTemplate and surveyToCsv write the same layout: a template's rows are surveyToCsv's rows with the ratings blanked (weighted panel, both layouts)", () => {
    const two: Survey = {
      source: "x",
      components: ["A", "B", "C"],
      scale: { min: 0, max: 4 },
      warnings: [],
      experts: [1, 2].map((k) => ({
        expert: `E${k}`,
        weight: k,
        matrix: [
          [0, 1, 2],
          [3, 0, 4],
          [0.5, 1.5, 0],
        ],
        imputed: [],
      })),
    };
    for (const layout of ["blocks", "long"] as const) {
      const filled = surveyToCsv(two, layout).split("\r\n");
      const blank = surveyTemplate(tiny, { expertCount: 2, layout }).split("\r\n");
      expect(blank[0]).toBe(filled[0]);
      const blanked = filled.slice(1).map((row) =>
        row
          .split(",")
          .map((c, k) => (k >= (layout === "blocks" ? 2 : 3) ? "" : c))
          .join(","),
      );
      expect(blank.slice(1)).toEqual(blanked);
    }
  });
});

describe("helpers", () => {
  it("parseLocaleNumber reads Persian, Arabic-Indic digits and decimal separators; refuses the rest", () => {
    expect(parseLocaleNumber(" ۳٫۵ ")).toBe(3.5);
    expect(parseLocaleNumber("٢,٥")).toBe(2.5);
    expect(parseLocaleNumber("\u200F۴")).toBe(4);
    expect(parseLocaleNumber("1.23456789012345")).toBe(1.23456789012345);
    expect(parseLocaleNumber("2.5e-1")).toBe(0.25);
    expect(parseLocaleNumber("\u22121")).toBe(-1);
    for (const bad of ["", "high", "3/5", "1,234.5", "1,2,3", "NaN", "Infinity", "0x10", "1e999", "3 4"]) expect(parseLocaleNumber(bad)).toBeUndefined();
  });

  it("editDistance counts insertions, deletions, substitutions and adjacent swaps (optimal string alignment)", () => {
    expect(editDistance("kitten", "sitting")).toBe(3); // Levenshtein's classic example
    expect(editDistance("LAED", "LEAD")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("ca", "abc")).toBe(3); // OSA, not unrestricted Damerau (which gives 2)
  });

  it("closestMatch suggests the nearest candidate within the limit, case-insensitively", () => {
    expect(closestMatch("GOVV", ["LEAD", "CUL", "GOV"])).toBe("GOV");
    expect(closestMatch("gov", ["LEAD", "GOV"])).toBe("GOV");
    expect(closestMatch("xyz", ["LEAD", "CUL", "GOV"])).toBeUndefined();
    expect(closestMatch("", ["A"])).toBeUndefined();
    expect(closestMatch("abcd", ["abzz"], { maxDistance: 2 })).toBe("abzz");
    expect(() => closestMatch("a", ["b"], { maxDistance: -1 })).toThrow(RangeError);
  });

  it("errors are InputError instances (sanity of the import used by surveyErrors.test.ts)", () => {
    expect(() => parseSurvey("", tiny)).toThrow(InputError);
  });
});
