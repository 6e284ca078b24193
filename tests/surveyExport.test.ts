/**
 * Survey-tool exports (docs/methods.md §1.8): Google Forms, Qualtrics, LimeSurvey and SurveyMonkey
 * headers recognised from the file's content, mapping files, the default answer labels, located
 * errors, the forms questionnaire whose export reads back to the same ratings, the shipped SYNTHETIC
 * Google Forms export (same results as the long and blocks CSV), and hostile labels read safely.
 * Expected values are hand-written cases; the round trips use seeded panels.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Model, Survey } from "../src/types.js";
import { defaultModel } from "../src/model/model.js";
import { parseSurvey } from "../src/io/parseSurvey.js";
import { readSurvey } from "../src/io/readSurvey.js";
import { readSurveyFile } from "../src/io/readSurveyFile.js";
import { surveyToCsv } from "../src/io/surveyToCsv.js";
import { toCsv } from "../src/io/toCsv.js";
import { answerReader, DEFAULT_ANSWER_LABELS } from "../src/io/answerLabels.js";
import { checkSurveyMapping } from "../src/io/surveyMapping.js";
import { readSurveyMapping } from "../src/io/readSurveyMapping.js";
import { formsTemplate } from "../src/io/formsTemplate.js";
import { formsExportCsv } from "../src/io/formsExportCsv.js";
import { componentMatcher } from "../src/io/componentMatcher.js";
import { readCsvRows } from "../src/io/csvRows.js";
import { surveyExportLayout } from "../src/io/surveyExportLayout.js";
import { countTextRows, MAX_EXPORT_CELLS } from "../src/io/exportSizeLimit.js";
import { SURVEY_WORKBOOK_GRID, surveyWorkbookTemplate } from "../src/io/surveyWorkbookTemplate.js";
import { parseSurveyWorkbook } from "../src/io/parseSurveyWorkbook.js";
import { FUZZY_FIVE_TERM_SCALE } from "../src/core/linguisticScale.js";
import { analyzeSurvey } from "../src/pipeline/analyzeSurvey.js";
import { resultsJsonText } from "../src/report/resultsJson.js";
import { createRandom } from "../src/random.js";
import { runCli } from "../src/cli/runCli.js";
import { deepFreeze, inputError } from "./helpers.js";
import { csvWorkbook } from "./csvWorkbook.js";
import { InputError, formatProblem } from "../src/errors.js";

const MODEL3: Model = deepFreeze({
  components: [
    { id: "A", name: "Alpha", name_fa: "آلفا" },
    { id: "B", name: "Beta", name_fa: "بتا" },
    { id: "C", name: "Gamma", name_fa: "گاما" },
  ],
});
const csv = (rows: string[][]): string => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");
const matrices = (s: Survey): number[][][] => s.experts.map((e) => e.matrix);
const dir = mkdtempSync(join(tmpdir(), "cxm-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Hand case: expert 1 rates A→B 3, A→C 1, B→A 0, B→C 4, C→A 2, C→B 3; expert 2 everything 2.
const E1 = [
  [0, 3, 1],
  [0, 0, 4],
  [2, 3, 0],
];
const E2 = [
  [0, 2, 2],
  [2, 0, 2],
  [2, 2, 0],
];

describe("answerReader (default answer labels)", () => {
  const r = answerReader({ min: 0, max: 4 });
  it('reads "3", "High", "High (3)", "زیاد", "۳", "3 - High", "High · زیاد (3)" as 3', () => {
    for (const a of ["3", "High", "high", "High (3)", "زیاد", "۳", "3 - High", "High · زیاد (3)", "تأثیر زیاد", "High influence", "(3)"])
      expect(r.read(a), a).toBe(3);
  });
  it("refuses a label whose number contradicts it, and unknown words", () => {
    expect(r.read("Low (3)")).toBeUndefined();
    expect(r.read("Hgh")).toBeUndefined();
    expect(r.read('=HYPERLINK("x")')).toBeUndefined();
  });
  it("keeps a number off the scale (reported as off the scale by the reader)", () => expect(r.read("5")).toBe(5));
  it("uses words only on 0–4; a mapping's answers on any scale", () => {
    expect(answerReader({ min: 1, max: 7 }).read("High")).toBeUndefined();
    expect(answerReader({ min: 1, max: 7 }, { answers: { "Strongly agree": 7 } }).read("strongly AGREE")).toBe(7);
  });
  it("the default labels are those of the five-term scale (Li 1999; Lin & Wu 2008)", () => {
    FUZZY_FIVE_TERM_SCALE.terms.forEach((t, k) => {
      expect(DEFAULT_ANSWER_LABELS[k]).toContain(t.label);
      expect(DEFAULT_ANSWER_LABELS[k]).toContain(t.label_fa);
    });
  });
});

describe("parseSurvey recognises survey-tool exports from their headers", () => {
  it("Google Forms grid columns `Question [Row]`, metadata ignored, answers in every accepted form", () => {
    const text = csv([
      [
        "Timestamp",
        "Email Address",
        "I consent",
        "Expert code",
        "Effect of Alpha [Beta]",
        "Effect of Alpha [Gamma]",
        "Effect of Beta [Alpha]",
        "Effect of Beta [Gamma]",
        "Effect of Gamma [Alpha]",
        "Effect of Gamma [Beta]",
      ],
      ["1/5/2026 9:00:00", "a@x.org", "Yes", "E1", "High (3)", "1", "No influence", "۴", "Low", "زیاد"],
      ["1/5/2026 9:17:00", "b@x.org", "Yes", "E2", "2", "2", "2", "Low (2)", "کم", "2 - Low"],
    ]);
    const s = parseSurvey(text, MODEL3, { source: "forms.csv" });
    expect(s.experts.map((e) => e.expert)).toEqual(["E1", "E2"]);
    expect(matrices(s)).toEqual([E1, E2]);
  });
  it("Qualtrics: three header rows (names, `Question - Row` text, ImportId), ResponseId as the label", () => {
    const names = ["StartDate", "IPAddress", "Duration (in seconds)", "ResponseId", "Q1_1", "Q1_2", "Q2_1", "Q2_2", "Q3_1", "Q3_2"];
    const texts = [
      "Start Date",
      "IP Address",
      "Duration",
      "Response ID",
      "How strongly does Alpha influence? - Beta",
      "How strongly does Alpha influence? - Gamma",
      "How strongly does Beta influence? - Alpha",
      "How strongly does Beta influence? - Gamma",
      "How strongly does Gamma influence? - Alpha",
      "How strongly does Gamma influence? - Beta",
    ];
    const ids = names.map((n) => `{"ImportId":"${n}"}`);
    const text = csv([
      names,
      texts,
      ids,
      ["2026-01-05", "10.0.0.1", "300", "R_1", "3", "1", "0", "4", "2", "3"],
      ["2026-01-05", "10.0.0.2", "280", "R_2", "2", "2", "2", "2", "2", "2"],
    ]);
    const s = parseSurvey(text, MODEL3);
    expect(s.experts.map((e) => e.expert)).toEqual(["R_1", "R_2"]);
    expect(matrices(s)).toEqual([E1, E2]);
  });
  it("LimeSurvey code headings `A[B]` (component codes) and `Q1[SQ001]. Question [Row]`", () => {
    const codes = csv([
      ["id", "submitdate", "startlanguage", "A[B]", "A[C]", "B[A]", "B[C]", "C[A]", "C[B]"],
      ["1", "2026-01-05", "en", "3", "1", "0", "4", "2", "3"],
      ["2", "2026-01-05", "fa", "2", "2", "2", "2", "2", "2"],
    ]);
    expect(matrices(parseSurvey(codes, MODEL3))).toEqual([E1, E2]);
    const full = csv([
      [
        "id",
        "Q1[SQ001]. Influence of Alpha [Beta]",
        "Q1[SQ002]. Influence of Alpha [Gamma]",
        "Q2[SQ001]. Influence of Beta [Alpha]",
        "Q2[SQ002]. Influence of Beta [Gamma]",
        "Q3[SQ001]. Influence of Gamma [Alpha]",
        "Q3[SQ002]. Influence of Gamma [Beta]",
      ],
      ["1", "High", "Very low", "No", "Very high", "Low", "High"],
    ]);
    expect(matrices(parseSurvey(full, MODEL3))).toEqual([E1]);
  });
  it("SurveyMonkey: the question in row 1 spans its columns, row 2 holds each row's label", () => {
    const text = csv([
      ["Respondent ID", "Collector ID", "Start Date", "IP Address", "Influence of Alpha", "", "Influence of Beta", "", "Influence of Gamma", ""],
      ["", "", "", "", "Beta", "Gamma", "Alpha", "Gamma", "Alpha", "Beta"],
      ["1101", "55", "01/05/2026", "10.0.0.1", "High", "Very low", "No influence", "Very high", "Low", "High"],
      ["1102", "55", "01/05/2026", "10.0.0.2", "Low", "Low", "Low", "Low", "Low", "Low"],
    ]);
    const s = parseSurvey(text, MODEL3);
    expect(s.experts.map((e) => e.expert)).toEqual(["1101", "1102"]);
    expect(matrices(s)).toEqual([E1, E2]);
  });
  it("a weight column named weight, or by --weight-column, is read; respondents without a label column are R1, R2, …", () => {
    const text = csv([
      ["Timestamp", "Share", "X Alpha [Beta]", "X Alpha [Gamma]", "X Beta [Alpha]", "X Beta [Gamma]", "X Gamma [Alpha]", "X Gamma [Beta]"],
      ["t1", "2", "3", "1", "0", "4", "2", "3"],
      ["t2", "0.5", "2", "2", "2", "2", "2", "2"],
    ]);
    const s = parseSurvey(text, MODEL3, { weightColumn: "Share" });
    expect(s.experts.map((e) => [e.expert, e.weight])).toEqual([
      ["R1", 2],
      ["R2", 0.5],
    ]);
    expect(parseSurvey(text, MODEL3).experts.map((e) => e.weight)).toEqual([1, 1]);
  });
  it("the CSV layouts are still read as before", () => {
    expect(matrices(parseSurvey("expert,from,to,value\nE1,A,B,3\nE1,A,C,1\nE1,B,A,0\nE1,B,C,4\nE1,C,A,2\nE1,C,B,3", MODEL3))).toEqual([E1]);
  });
});

describe("mapping files", () => {
  const headers = ["Submitted", "Who", "A→B", "A→C", "B→A", "B→C", "C→A", "C→B"];
  const rows = [headers, ["t", "P1", "Strong", "Weak", "None", "Very strong", "Some", "Strong"]];
  const answers = { None: 0, Weak: 1, Some: 2, Strong: 3, "Very strong": 4 };
  it("a pattern with named groups from and to, an expert column and answer labels", () => {
    const mapping = checkSurveyMapping({ pattern: "^(?<from>\\w+)→(?<to>\\w+)$", expert: "Who", answers }, "m.json");
    const s = parseSurvey(csv(rows), MODEL3, { mapping });
    expect(s.experts[0].expert).toBe("P1");
    expect(matrices(s)).toEqual([E1]);
  });
  it("an explicit column → {from, to} table, names in Persian", () => {
    const columns = Object.fromEntries(headers.slice(2).map((h) => [h, { from: { A: "آلفا", B: "بتا", C: "گاما" }[h[0]] as string, to: h[2] }]));
    const path = join(dir, "table.mapping.json");
    writeFileSync(path, JSON.stringify({ columns, expert: "Who", answers }));
    expect(matrices(parseSurvey(csv(rows), MODEL3, { mapping: readSurveyMapping(path) }))).toEqual([E1]);
  });
  it("a bad mapping file: every problem located at its field", () => {
    const e = inputError(() => checkSurveyMapping({ pattern: "^(?<from>\\w+)$", columns: { Q1: { from: "A" } }, answers: { High: "3" }, colour: 1 }, "m.json"));
    expect(e.problems.map((p) => p.column).sort()).toEqual(["answers.High", "colour", "columns.Q1.to", "pattern"]);
    expect(e.message).toMatch(/no named group \(\?<to>…\)/);
    expect(inputError(() => checkSurveyMapping({ pattern: "(?<from>[" }, "m.json")).message).toMatch(/not a regular expression/);
  });
});

describe("located errors, all at once", () => {
  it("an answer that maps to nothing, one off the scale, a row label naming no component and a missing answer", () => {
    const text = csv([
      [
        "Timestamp",
        "Expert code",
        "Effect of Alpha [Beta]",
        "Effect of Alpha [Gamma]",
        "Effect of Beta [Alpha]",
        "Effect of Beta [Gammma]",
        "Effect of Gamma [Alpha]",
        "Effect of Gamma [Beta]",
      ],
      ["t1", "E1", "Hgh", "1", "0", "4", "2", "3"],
      ["t2", "E2", "2", "5", "2", "2", "", "2"],
    ]);
    const e = inputError(() => parseSurvey(text, MODEL3, { source: "forms.csv" }));
    const at = (row: number | undefined, column: string | undefined) => e.problems.find((p) => p.row === row && p.column === column);
    expect(at(2, "Effect of Alpha [Beta]")?.found).toBe('"Hgh"');
    expect(at(3, "Effect of Alpha [Gamma]")?.message).toMatch(/outside the scale/);
    expect(at(1, "Effect of Beta [Gammma]")?.message).toMatch(/unknown component; did you mean "Gamma"/);
    expect(at(3, "Effect of Gamma [Alpha]")?.message).toMatch(/expert E2 has no rating for B→C, C→A/);
    expect(e.message).toMatch(/forms\.csv:2, column "Effect of Alpha \[Beta\]": rating A→B of expert E1 is no term of the scale/);
  });
  it("a repeated respondent label and a bad weight", () => {
    const text = csv([
      ["Expert code", "weight", "X Alpha [Beta]", "X Alpha [Gamma]", "X Beta [Alpha]", "X Beta [Gamma]", "X Gamma [Alpha]", "X Gamma [Beta]"],
      ["E1", "-1", "3", "1", "0", "4", "2", "3"],
      ["E1", "1", "3", "1", "0", "4", "2", "3"],
    ]);
    const e = inputError(() => parseSurvey(text, MODEL3));
    expect(e.problems.map((p) => [p.row, p.column])).toEqual([
      [2, "weight"],
      [3, "Expert code"],
    ]);
    expect(e.problems[1].message).toMatch(/answers twice \(rows 2 and 3\)/);
  });
});

describe("formsTemplate: the questionnaire and the mapping that reads its export back", () => {
  const model = defaultModel();
  const t = formsTemplate(model);
  it("one grid question per source component, rows = the other components, columns = the scale's labels, bilingual", () => {
    expect(t.questions).toHaveLength(10);
    expect(t.questions[0].rows.map((r) => r.to)).toEqual(model.components.slice(1).map((c) => c.id));
    expect(t.answers.map((a) => a.label)).toEqual([
      "No influence · بدون تأثیر (0)",
      "Very low influence · تأثیر خیلی کم (1)",
      "Low influence · تأثیر کم (2)",
      "High influence · تأثیر زیاد (3)",
      "Very high influence · تأثیر خیلی زیاد (4)",
    ]);
    expect(t.questionnaire).toContain(model.components[0].name_fa as string);
    expect(t.questionnaire).toContain(t.questions[3].title);
    expect(Object.keys(t.mapping.columns ?? {})).toHaveLength(90);
  });
  it("a simulated export built from its exact headers reads back to the same seeded ratings, with and without the mapping", () => {
    const rnd = createRandom(81);
    const n = model.components.length;
    const ids = model.components.map((c) => c.id);
    const experts = Array.from({ length: 4 }, (_, k) => ({
      expert: `X${k + 1}`,
      weight: 1,
      imputed: [] as Array<[number, number]>,
      matrix: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : rnd.int(5)))),
    }));
    const header = ["Timestamp", t.expertQuestion, ...t.questions.flatMap((q) => q.rows.map((r) => r.header))];
    const body = experts.map((e, k) => [
      `1/${k + 1}/2026 9:00:00`,
      e.expert,
      ...t.questions.flatMap((q) => q.rows.map((r) => t.answers[e.matrix[ids.indexOf(q.from)][ids.indexOf(r.to)]].label)),
    ]);
    const text = csv([header, ...body]);
    const withMapping = parseSurvey(text, model, { mapping: checkSurveyMapping(JSON.parse(JSON.stringify(t.mapping)), "m.json") });
    const without = parseSurvey(text, model);
    expect(matrices(withMapping)).toEqual(experts.map((e) => e.matrix));
    expect(matrices(without)).toEqual(experts.map((e) => e.matrix));
    expect(without.experts.map((e) => e.expert)).toEqual(["X1", "X2", "X3", "X4"]);
  });
});

describe("the shipped SYNTHETIC Google Forms export", () => {
  const model = defaultModel();
  const FORMS = "data/surveys/example-forms-export.csv";
  const panel = readSurvey("data/surveys/example-panel.csv", model);
  it("is what scripts/generate-forms-export.mjs makes from example-panel.csv, byte for byte, and says SYNTHETIC on every row", () => {
    const text = readFileSync(FORMS, "utf8");
    expect(text).toBe(formsExportCsv(panel, model, { synthetic: true }));
    const lines = text.trim().split("\r\n");
    expect(lines.slice(1).every((l) => l.includes("SYNTHETIC"))).toBe(true);
  });
  it("reads to the same survey as the blocks CSV, and gives the same results.json apart from the input's name", async () => {
    const exported = await readSurveyFile(FORMS, model);
    expect(matrices(exported)).toEqual(matrices(panel));
    expect(exported.experts.map((e) => e.expert)).toEqual(panel.experts.map((e) => e.expert));
    const long = parseSurvey(surveyToCsv(panel, "long"), model, { source: "long.csv" });
    const results = (s: Survey): string => {
      const r = analyzeSurvey(s, model, { bootstrap: 50, seed: 4 });
      return resultsJsonText({ ...r, meta: { ...r.meta, source: "<input>", date: "<date>" } });
    };
    const fromExport = results(exported);
    expect(fromExport).toBe(results(long));
    expect(fromExport).toBe(results(panel));
  }, 20_000);
});

describe("hostile labels", () => {
  const hostile: Model = deepFreeze({
    components: [
      { id: "A", name: '=HYPERLINK("http://evil.example","click")', name_fa: "آلفا" },
      { id: "B", name: "<script>alert(1)</script>", name_fa: "بتا" },
      { id: "C", name: "Gamma" },
    ],
  });
  it("the questionnaire shows them only inside fenced blocks, and its export reads back", () => {
    const t = formsTemplate(hostile);
    const outside = t.questionnaire.replace(/```text\n[\s\S]*?\n```/g, "");
    expect(outside).not.toMatch(/<script>|=HYPERLINK/);
    const survey: Survey = {
      source: "h",
      components: ["A", "B", "C"],
      experts: [{ expert: "=cmd|' /C calc'!A0", weight: 1, imputed: [], matrix: E1 }],
      scale: { min: 0, max: 4 },
      warnings: [],
    };
    const text = formsExportCsv(survey, hostile, { synthetic: false });
    const back = parseSurvey(text, hostile);
    expect(matrices(back)).toEqual([E1]);
    expect(back.experts[0].expert).toBe("=cmd|' /C calc'!A0");
    expect(parseSurvey(text, hostile, { mapping: t.mapping }).experts[0].expert).toBe("=cmd|' /C calc'!A0");
    // Written back out, every text cell that could start a formula is guarded.
    expect(surveyToCsv(back)).toContain("'=cmd");
    expect(toCsv([["label"], [back.experts[0].expert]])).toContain("'=cmd");
  });
  it("a hostile answer is a located error that quotes it, never evaluated", () => {
    const text = csv([
      ["Expert code", "<script>x</script> Alpha [Beta]", "q Alpha [Gamma]", "q Beta [Alpha]", "q Beta [Gamma]", "q Gamma [Alpha]", "q Gamma [Beta]"],
      ["E1", '=HYPERLINK("http://evil.example")', "1", "0", "4", "2", "3"],
    ]);
    const e = inputError(() => parseSurvey(text, MODEL3));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0].column).toBe("<script>x</script> Alpha [Beta]");
    expect(e.problems[0].found).toBe(JSON.stringify('=HYPERLINK("http://evil.example")'));
  });
});

describe("the command line", () => {
  const capture = () => {
    const out: string[] = [],
      err: string[] = [];
    return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), help: () => 0 }, out, err };
  };
  it("template --format forms writes the questionnaire and its mapping; check reads the export, with and without --mapping", async () => {
    const c = capture();
    const out = join(dir, "q", "questionnaire.md");
    expect(await runCli(["template", "--format", "forms", "--out", out], c.io)).toBe(0);
    const mappingPath = join(dir, "q", "questionnaire.mapping.json");
    expect(existsSync(out) && existsSync(mappingPath)).toBe(true);
    expect(JSON.parse(readFileSync(mappingPath, "utf8"))).toEqual(formsTemplate(defaultModel()).mapping);
    expect(await runCli(["template", "--format", "forms", "--out", out], capture().io)).toBe(1);
    for (const args of [[], ["--mapping", mappingPath]]) {
      const k = capture();
      expect(await runCli(["check", "data/surveys/example-forms-export.csv", ...args], k.io), k.err.join("")).toBe(0);
      expect(k.out.join("")).toMatch(/experts:\s+14 /);
    }
    const bad = capture();
    writeFileSync(join(dir, "bad.json"), '{ "pattern": 3 }');
    expect(await runCli(["check", "data/surveys/example-forms-export.csv", "--mapping", join(dir, "bad.json")], bad.io)).toBe(1);
    expect(bad.err.join("")).toMatch(/"pattern" must be a text/);
  }, 20_000);
});

/** A seeded panel on `model`: K experts E1…EK, every off-diagonal rating an integer 0–4 (createRandom(seed)). */
function seededPanel(model: Model, K: number, seed: number): Survey {
  const rnd = createRandom(seed);
  const ids = model.components.map((c) => c.id);
  const n = ids.length;
  const experts = Array.from({ length: K }, (_, k) => ({
    expert: `E${k + 1}`,
    weight: 1,
    imputed: [] as Array<[number, number]>,
    matrix: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : rnd.int(5)))),
  }));
  return { source: `seed ${seed}`, components: ids, experts, scale: { min: 0, max: 4 }, warnings: [] };
}

/** The default answer labels a tool would write, varied by cell so every accepted form is read: "3", "High", "High (3)", "زیاد", "۳". */
function answerText(x: number, k: number): string {
  const words = DEFAULT_ANSWER_LABELS[x];
  return [String(x), words[1], `${words[1]} (${x})`, words[words.length - 2], "۰۱۲۳۴"[x]][k % 5];
}

/** Each tool's export of a survey, as the tool writes it (header rows, metadata columns, matrix columns). */
const TOOL_EXPORTS: Record<string, (s: Survey, m: Model) => string> = {
  "Google Forms": (s, m) => {
    const pairs = m.components.flatMap((a, i) => m.components.flatMap((b, j) => (i === j ? [] : [[i, j]])));
    const header = [
      "Timestamp",
      "Email Address",
      "I agree to take part",
      "Expert code",
      ...pairs.map(([i, j]) => `میزان اثر ${m.components[i].name_fa} [${m.components[j].name}]`),
    ];
    return csv([
      header,
      ...s.experts.map((e, k) => ["1/5/2026 9:00:00", `e${k}@x.org`, "Yes", e.expert, ...pairs.map(([i, j], c) => answerText(e.matrix[i][j], c + k))]),
    ]);
  },
  Qualtrics: (s, m) => {
    const meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId", "UserLanguage"];
    const pairs = m.components.flatMap((a, i) => m.components.flatMap((b, j) => (i === j ? [] : [[i, j]])));
    const names = [...meta, ...pairs.map(([i, j]) => `Q${i + 1}_${j + 1}`)];
    const texts = [...meta, ...pairs.map(([i, j]) => `How strongly does ${m.components[i].name} influence the following? - ${m.components[j].name_fa}`)];
    const importIds = names.map((n) => `{"ImportId":"${n}","timeZone":"Asia/Tehran"}`);
    const body = s.experts.map((e, k) => [
      "2026-01-05 09:00:00",
      "2026-01-05 09:20:00",
      "0",
      "10.0.0.1",
      "100",
      "1200",
      "1",
      "2026-01-05",
      e.expert,
      "FA",
      ...pairs.map(([i, j], c) => answerText(e.matrix[i][j], c * 3 + k)),
    ]);
    return csv([names, texts, importIds, ...body]);
  },
  LimeSurvey: (s, m) => {
    const pairs = m.components.flatMap((a, i) => m.components.flatMap((b, j) => (i === j ? [] : [[i, j]])));
    const header = [
      "id",
      "submitdate",
      "lastpage",
      "startlanguage",
      "seed",
      "expert",
      ...pairs.map(([i, j]) => `${m.components[i].id}[${m.components[j].id}]`),
    ];
    return csv([
      header,
      ...s.experts.map((e, k) => [
        String(k + 1),
        "2026-01-05 09:00:00",
        "3",
        "fa",
        "12345",
        e.expert,
        ...pairs.map(([i, j], c) => answerText(e.matrix[i][j], c + 2 * k)),
      ]),
    ]);
  },
  SurveyMonkey: (s, m) => {
    const meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name", "Last Name", "Custom Data 1"];
    const row1 = [...meta, "What is your expert code?"];
    const row2 = [...meta.map(() => ""), "Response"];
    for (const a of m.components)
      m.components.forEach(
        (b, j) =>
          b !== a && (row1.push(row2.length === row1.length ? `Influence of ${a.name} (${a.id})` : ""), row2.push(j % 2 ? b.name : (b.name_fa as string))),
      );
    const body = s.experts.map((e, k) => [
      String(11_000 + k),
      "4242",
      "01/05/2026 09:00:00 AM",
      "01/05/2026 09:20:00 AM",
      "10.0.0.1",
      "",
      "",
      "",
      "",
      e.expert,
      ...m.components.flatMap((_, i) => m.components.flatMap((__, j) => (i === j ? [] : [answerText(e.matrix[i][j], i + j + k)]))),
    ]);
    return csv([row1, row2, ...body]);
  },
};

describe("every recognised layout, built from seeded panels on the CXM model", () => {
  const model = defaultModel();
  for (const [tool, write] of Object.entries(TOOL_EXPORTS))
    it(`${tool}: the export reads back to the seeded ratings and labels`, () => {
      const panel = seededPanel(model, 5, 100 + tool.length);
      const s = parseSurvey(write(panel, model), model, { source: `${tool}.csv` });
      expect(s.experts.map((e) => e.expert)).toEqual(
        tool === "SurveyMonkey" ? ["11000", "11001", "11002", "11003", "11004"] : panel.experts.map((e) => e.expert),
      );
      expect(matrices(s)).toEqual(matrices(panel));
    });
  it("the layouts are told apart by their headers (surveyExportLayout)", () => {
    const panel = seededPanel(model, 2, 7);
    const matcher = componentMatcher(model);
    const tools = Object.values(TOOL_EXPORTS).map((write) => surveyExportLayout(readCsvRows(write(panel, model)).rows.slice(0, 3), model, matcher)?.tool);
    expect(tools).toEqual(["google-forms", "qualtrics", "limesurvey", "surveymonkey"]);
  });
});

describe("survey-tool exports downloaded as Excel (.xlsx): one sheet, one row per respondent", () => {
  const model = defaultModel();
  const same = (s: Survey): unknown => ({ ...s, warnings: s.warnings.length });
  for (const [tool, write] of Object.entries(TOOL_EXPORTS))
    it(`${tool}: the workbook reads as the CSV export (same experts, labels, matrices)`, async () => {
      const text = write(seededPanel(model, 4, 300 + tool.length), model);
      const fromCsv = parseSurvey(text, model, { source: "export" });
      expect(same(await parseSurveyWorkbook(await csvWorkbook(text), model, { source: "export" }))).toEqual(same(fromCsv));
    });

  it("the shipped Google Forms export as a workbook reads as the CSV file, with --weight-column and --group-column honoured", async () => {
    const text = readFileSync("data/surveys/example-forms-export.csv", "utf8");
    const wb = await csvWorkbook(text);
    expect(await parseSurveyWorkbook(wb, model, { source: "forms" })).toEqual(parseSurvey(text, model, { source: "forms" }));
    const rows = [header3(), ["t1", "E1", "managers", "2", "3", "1", "0", "4", "2", "3"], ["t2", "E2", "staff", "1", "2", "2", "2", "2", "2", "2"]];
    const s = await parseSurveyWorkbook(await csvWorkbook(csv(rows)), MODEL3, { groupColumn: "Role", weightColumn: "Share" });
    expect(s.experts.map((e) => [e.expert, e.group, e.weight])).toEqual([
      ["E1", "managers", 2],
      ["E2", "staff", 1],
    ]);
    const mapping = checkSurveyMapping({ pattern: "^X (?<from>\\w+) \\[(?<to>\\w+)\\]$", answers: { Strong: 4 } }, "m.json");
    const strong = rows.map((r, k) => (k === 1 ? r.map((c, j) => (j === 7 ? "Strong" : c)) : r));
    expect(matrices(await parseSurveyWorkbook(await csvWorkbook(csv(strong)), MODEL3, { mapping }))[0]).toEqual(E1);
  });

  it("problems are located at the sheet cell (column letter and row); a title row above the header is skipped; other sheets are not read, with a warning", async () => {
    const rows = [
      ["Survey responses (exported)"],
      header3(),
      ["t1", "E1", "x", "1", "3", "1", "0", "Huge", "2", "3"],
      ["t2", "E2", "x", "1", "2", "2", "2", "2", "2", "9"],
    ];
    const bad = await csvWorkbook(csv(rows));
    let lines: string[] = [];
    try {
      await parseSurveyWorkbook(bad, MODEL3, { source: "forms.xlsx" });
    } catch (e) {
      lines = (e as InputError).problems.map(formatProblem);
    }
    expect(lines).toEqual([
      'forms.xlsx › Responses › H3: rating B→C of expert E1 is no term of the scale (expected a term of the scale: a number from 0 to 4, a label such as "High", "زیاد" or "High (3)", found "Huge")',
      'forms.xlsx › Responses › J4: rating C→B of expert E2 is outside the scale (expected a term of the scale: a number from 0 to 4, a label such as "High", "زیاد" or "High (3)", found "9")',
    ]);
    const good = await csvWorkbook(csv([rows[0], rows[1], rows[3].map((c) => (c === "9" ? "2" : c))]), "Responses", ["Codebook"]);
    const s = await parseSurveyWorkbook(good, MODEL3, { source: "forms.xlsx" });
    expect(s.experts.map((e) => e.expert)).toEqual(["E2"]);
    expect(s.warnings.map(formatProblem)).toContain(
      'forms.xlsx › Codebook: sheet not read: the first sheet "Responses" is read as a survey-tool export (one row per respondent), and an export has one sheet',
    );
  });
});

/** A Google Forms-like header on MODEL3 with a label, a group and a weight column. */
function header3(): string[] {
  return [
    "Timestamp",
    "Expert code",
    "Role",
    "Share",
    "X Alpha [Beta]",
    "X Alpha [Gamma]",
    "X Beta [Alpha]",
    "X Beta [Gamma]",
    "X Gamma [Alpha]",
    "X Gamma [Beta]",
  ];
}

describe("round trip: the same seeded ratings as a long CSV, a filled workbook and a Google Forms export", () => {
  it("give byte-identical results.json apart from meta.source (the input's name)", async () => {
    const model = defaultModel();
    const panel = seededPanel(model, 6, 2026);
    const long = parseSurvey(surveyToCsv(panel, "long"), model, { source: "panel.csv" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await surveyWorkbookTemplate(model, { expertCount: 6 })) as unknown as ArrayBuffer);
    panel.experts.forEach((e) => {
      const ws = wb.getWorksheet(e.expert) as ExcelJS.Worksheet;
      e.matrix.forEach((row, i) => row.forEach((x, j) => i !== j && (ws.getCell(SURVEY_WORKBOOK_GRID.row + i, SURVEY_WORKBOOK_GRID.column + j).value = x)));
    });
    const workbook = await parseSurveyWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), model, { source: "panel.xlsx" });
    const forms = parseSurvey(formsExportCsv(panel, model), model, { source: "forms.csv" });
    const results = (s: Survey): string => {
      const r = analyzeSurvey(s, model, { bootstrap: 100, seed: 5, date: "2026-01-05T00:00:00.000Z" });
      expect(r.meta.source).toBe(s.source);
      return resultsJsonText({ ...r, meta: { ...r.meta, source: "<input>" } });
    };
    const fromLong = results(long);
    expect(results(workbook)).toBe(fromLong);
    expect(results(forms)).toBe(fromLong);
  }, 30_000);
});

describe("group and weight columns", () => {
  const header = header3();
  it("a group column named group, by --group-column or by the mapping, gives each respondent's group", () => {
    const rows = [header, ["t1", "E1", "managers", "2", "3", "1", "0", "4", "2", "3"], ["t2", "E2", "staff", "1", "2", "2", "2", "2", "2", "2"]];
    const s = parseSurvey(csv(rows), MODEL3, { groupColumn: "Role", weightColumn: "Share" });
    expect(s.experts.map((e) => [e.expert, e.group, e.weight])).toEqual([
      ["E1", "managers", 2],
      ["E2", "staff", 1],
    ]);
    const named = csv([header.map((h) => (h === "Role" ? "Group" : h)), ...rows.slice(1)]);
    expect(parseSurvey(named, MODEL3).experts.map((e) => e.group)).toEqual(["managers", "staff"]);
    const mapping = checkSurveyMapping({ pattern: "^X (?<from>\\w+) \\[(?<to>\\w+)\\]$", group: "Role", weight: "Share" }, "m.json");
    expect(parseSurvey(csv(rows), MODEL3, { mapping }).experts.map((e) => [e.group, e.weight])).toEqual([
      ["managers", 2],
      ["staff", 1],
    ]);
    expect(parseSurvey(csv(rows), MODEL3).experts.map((e) => e.group)).toEqual([undefined, undefined]);
  });
  it("an empty group and a named column the export lacks are located errors", () => {
    const rows = [header, ["t1", "E1", "", "1", "3", "1", "0", "4", "2", "3"]];
    const e = inputError(() => parseSurvey(csv(rows), MODEL3, { groupColumn: "Role" }));
    expect(e.problems.map((p) => [p.row, p.column, p.message])).toEqual([[2, "Role", "no group for respondent E1"]]);
    const missing = inputError(() => parseSurvey(csv(rows), MODEL3, { mapping: { pattern: "^X (?<from>\\w+) \\[(?<to>\\w+)\\]$", group: "Team" } }));
    expect(missing.problems.map((p) => [p.row, p.message])).toEqual([[1, "the mapping's group column is not in the export"]]);
  });
});

describe("--weight-column and --group-column on the tool's own layouts (long, blocks, workbook grid), where they do not apply", () => {
  const long = "expert,from,to,value,weight,group\nE1,A,B,3,2,m\nE1,A,C,1,2,m\nE1,B,A,0,2,m\nE1,B,C,4,2,m\nE1,C,A,2,2,m\nE1,C,B,3,2,m";
  it("an option naming another column is a problem at the header row, all at once; one naming the header's own column passes", () => {
    const e = inputError(() => parseSurvey(long, MODEL3, { source: "s.csv", weightColumn: "Share", groupColumn: "Role" }));
    expect(e.problems.map(formatProblem)).toEqual([
      's.csv:1: the weight column "Share" was named (--weight-column), but that option applies to survey-tool exports only and this survey is in the long layout (expected in the long layout, a column headed weight; rename the column, or leave the option out, found its weight column headed "weight")',
      's.csv:1: the group column "Role" was named (--group-column), but that option applies to survey-tool exports only and this survey is in the long layout (expected in the long layout, a column headed group; rename the column, or leave the option out, found its group column headed "group")',
    ]);
    const s = parseSurvey(long, MODEL3, { weightColumn: "Weight", groupColumn: "group" });
    expect(s.experts.map((e) => [e.weight, e.group])).toEqual([[2, "m"]]);
    const blocks = "expert,from,A,B,C\nE1,A,,3,1\nE1,B,0,,4\nE1,C,2,3,";
    expect(inputError(() => parseSurvey(blocks, MODEL3, { weightColumn: "w" })).problems[0].found).toBe("no column headed weight");
  });

  it("in a workbook: at the CSV-layout sheet's header row, or for the grid layout, which has no such column", async () => {
    const problems = async (bytes: Uint8Array, options: { weightColumn?: string; groupColumn?: string }): Promise<string[]> => {
      try {
        await parseSurveyWorkbook(bytes, MODEL3, { source: "s.xlsx", ...options });
      } catch (e) {
        return (e as InputError).problems.map(formatProblem);
      }
      return [];
    };
    expect(await problems(await csvWorkbook(long, "ratings"), { groupColumn: "Role" })).toEqual([
      's.xlsx › ratings › row 1: the group column "Role" was named (--group-column), but that option applies to survey-tool exports only and this survey is in the long layout (expected in the long layout, a column headed group; rename the column, or leave the option out, found its group column headed "group")',
    ]);
    const grid = await csvWorkbook(",A,B,C\nA,,3,1\nB,0,,4\nC,2,3,", "E1");
    expect(await problems(grid, {})).toEqual([]);
    expect(await problems(grid, { weightColumn: "Share" })).toEqual([
      's.xlsx: the weight column "Share" was named (--weight-column), but that option applies to survey-tool exports only and this survey is in the grid layout (expected one grid sheet per expert has no weight or group column (every expert weighs 1); use one sheet in the long or blocks layout, found no column headed weight)',
    ]);
  });

  it("check exits 1 with the problem instead of ignoring the option", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), help: () => 0 };
    writeFileSync(join(dir, "own.csv"), long);
    writeFileSync(join(dir, "m3.json"), JSON.stringify(MODEL3));
    expect(await runCli(["check", join(dir, "own.csv"), "--model", join(dir, "m3.json"), "--weight-column", "Share"], io)).toBe(1);
    expect(err.join("")).toContain('the weight column "Share" was named (--weight-column), but that option applies to survey-tool exports only');
  });
});

describe("limits and the input left as it was", () => {
  it("an export of 10⁵ respondents (6 rating columns) is read within seconds", () => {
    const heads = ["Timestamp", "Expert code", "E Alpha [Beta]", "E Alpha [Gamma]", "E Beta [Alpha]", "E Beta [Gamma]", "E Gamma [Alpha]", "E Gamma [Beta]"];
    const lines = [heads.join(",")];
    for (let k = 0; k < 100_000; k++)
      lines.push(`t,R${k},${["High (3)", "Low", "۲", "4", "No influence", "Very low"].map((a, c) => ((c + k) % 7 === 0 ? "2" : a)).join(",")}`);
    const t0 = performance.now();
    const s = parseSurvey(lines.join("\n"), MODEL3);
    expect(s.experts).toHaveLength(100_000);
    expect(performance.now() - t0).toBeLessThan(10_000);
  }, 30_000);
  it(`an export of more than ${MAX_EXPORT_CELLS} cells is refused before it is split, within a second`, () => {
    const heads = ["Expert code", ...["A", "B", "C"].flatMap((a) => ["A", "B", "C"].filter((b) => b !== a).map((b) => `E ${a} [${b}]`))];
    const row = "R,3,3,3,3,3,3";
    const text = [heads.join(","), ...Array.from({ length: 150_000 }, () => row)].join("\n");
    const t0 = performance.now();
    const e = inputError(() => parseSurvey(text, MODEL3, { source: "big.csv" }));
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(e.message).toBe(
      "big.csv: the export is too large to read: 150,001 rows × 7 columns (expected at most 1,000,000 cells (e.g. 10,000 respondents × 100 columns); remove blank rows and unused columns, or split the respondents, found 1,050,007 cells)",
    );
  });
  it("countTextRows counts line ends outside quotes (LF, CRLF, CR)", () => {
    expect(countTextRows('a,b\n"x\ny",2\n')).toBe(2);
    expect(countTextRows("a\r\nb\rc")).toBe(3);
    expect(countTextRows("")).toBe(0);
  });
  it("reading an export and its mapping file modifies neither (bytes and mtime), nor a frozen mapping object", async () => {
    const copy = join(dir, "export.csv");
    writeFileSync(copy, readFileSync("data/surveys/example-forms-export.csv"));
    const mapPath = join(dir, "export.mapping.json");
    writeFileSync(mapPath, JSON.stringify(formsTemplate(defaultModel()).mapping));
    const before = [readFileSync(copy), readFileSync(mapPath), statSync(copy).mtimeMs, statSync(mapPath).mtimeMs];
    const mapping = deepFreeze(readSurveyMapping(mapPath));
    await readSurveyFile(copy, defaultModel(), { mapping });
    expect([readFileSync(copy), readFileSync(mapPath), statSync(copy).mtimeMs, statSync(mapPath).mtimeMs]).toEqual(before);
  });
});

describe("hostile labels through analyze", () => {
  it("an export whose respondent labels and model names are hostile gives a report that escapes them and CSV tables that guard them", async () => {
    const hostile: Model = {
      components: [
        { id: "A", name: "<script>alert(1)</script>", name_fa: "آلفا" },
        { id: "B", name: '=HYPERLINK("http://evil.example","x")', name_fa: "بتا" },
        { id: "C", name: "Gamma", name_fa: "گاما" },
      ],
    };
    const modelPath = join(dir, "hostile-model.json");
    writeFileSync(modelPath, JSON.stringify(hostile));
    const panel = seededPanel(hostile, 3, 11);
    panel.experts[0].expert = "<img src=x onerror=alert(2)>";
    panel.experts[1].expert = "=cmd|' /C calc'!A0";
    const exportPath = join(dir, "hostile-export.csv");
    writeFileSync(exportPath, formsExportCsv(panel, hostile));
    const c = { stdout: () => undefined, stderr: () => undefined, help: () => 0 };
    const out = join(dir, "hostile-out");
    expect(await runCli(["analyze", exportPath, "--model", modelPath, "--bootstrap", "0", "--out", out], c)).toBe(0);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
    for (const f of readdirSync(out).filter((f) => f.endsWith(".csv")))
      for (const row of readCsvRows(readFileSync(join(out, f), "utf8")).rows)
        for (const cell of row.cells) expect(cell, `${f}: ${cell}`).not.toMatch(/^[=+@]|^-[^0-9.]/);
  }, 30_000);
});
