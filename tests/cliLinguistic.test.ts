/**
 * The command line on linguistic surveys (issue 12, items 1, 2 and 9; docs/methods.md §2.11):
 * `--method fuzzy|grey` with the built-in five-term scales or a `--scale file.json`, survey cells
 * written as terms (codes, English or Persian labels, Persian digits); `template` writes the terms
 * as a questionnaire's answers and lists them for a CSV survey; bad scale files and terms
 * missing from the scale are located errors, exit 1, nothing written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultModel } from "../src/model/model.js";
import { readSurvey } from "../src/io/readSurvey.js";
import { analyzeSurvey } from "../src/pipeline/analyzeSurvey.js";
import { FUZZY_FIVE_TERM_SCALE, GREY_FIVE_TERM_SCALE } from "../src/core/linguisticScale.js";
import { formsExportCsv } from "../src/io/formsExportCsv.js";
import { cliHarness, ROOT, STACK_LINE } from "./cliHarness.js";

const cli = cliHarness("cli-linguistic");
const PANEL = join(ROOT, "data/surveys/example-panel.csv");
let work: string;

/** The example panel with every rating written as a term: Persian labels, some English labels in capitals, some Persian-digit codes. */
function persianPanel(): string {
  const lines = readFileSync(PANEL, "utf8").trim().split(/\r?\n/);
  return (
    [
      lines[0],
      ...lines.slice(1).map((line, r) =>
        line
          .split(",")
          .map((cell, c) => {
            if (c < 2 || cell === "") return cell;
            const t = FUZZY_FIVE_TERM_SCALE.terms[Number(cell)];
            const k = (r + c) % 5;
            return k === 0 ? (t.label ?? "").toUpperCase() : k === 1 ? String.fromCharCode(0x06f0 + Number(cell)) : (t.label_fa ?? "");
          })
          .join(","),
      ),
    ].join("\n") + "\n"
  );
}

beforeAll(() => {
  cli.build();
  work = mkdtempSync(join(tmpdir(), "cxm-linguistic-"));
  writeFileSync(join(work, "persian.csv"), persianPanel());
}, 120_000);
afterAll(() => {
  cli.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe("fuzzy survey in Persian terms through the CLI", () => {
  it("analyze --method fuzzy gives the library's fuzzy analysis of the same ratings as codes", () => {
    const r = cli.run(["analyze", "persian.csv", "--method", "fuzzy", "--fuzzy-order", "defuzzify-last", "--json", "--bootstrap", "0"], work);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout);
    const model = defaultModel();
    const expected = analyzeSurvey(readSurvey(PANEL, model), model, {
      settings: { method: "fuzzy", variant: { order: "defuzzify-last" } },
      bootstrap: 0,
    });
    expect(got.meta.options.method).toBe("fuzzy");
    expect(got.meta.options.variant.order).toBe("defuzzify-last");
    expect(got.total).toEqual(expected.total);
    expect(got.relation).toEqual(expected.relation);
    // results.json: the method, its conventions and its own matrices (T of l, m and u), ordered cell by cell.
    expect(got.method).toMatchObject({ name: "fuzzy", order: "defuzzify-last", cfcs: "global", diagonal: true, scale: { name: FUZZY_FIVE_TERM_SCALE.name } });
    expect(got.method.middle).toEqual(expected.method?.middle);
    const n = got.components.length;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        expect(got.method.lower[i][j]).toBeLessThanOrEqual(got.method.middle[i][j]);
        expect(got.method.middle[i][j]).toBeLessThanOrEqual(got.method.upper[i][j]);
      }
  });
  it("layers --method fuzzy runs the layer tests, the sensitivity and the bootstrap over experts on it (issue 12, item 7)", () => {
    const r = cli.run(["layers", "persian.csv", "--method", "fuzzy", "--json", "--bootstrap", "200", "--seed", "4"], work);
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout);
    expect(got.trend.p).toBeGreaterThan(0);
    expect(got.trend.p).toBeLessThanOrEqual(1);
    expect(got.meta.options.method).toBe("fuzzy");
    expect(got.sensitivity.scenarios.length).toBeGreaterThan(1);
    expect(got.notes.some((n: string) => n.startsWith("No bootstrap"))).toBe(false);
    // The same bootstrap as the library's on the panel's codes read by the built-in fuzzy scale (same seed).
    const model = defaultModel();
    const expected = analyzeSurvey(readSurvey(PANEL, model), model, { settings: { method: "fuzzy" }, bootstrap: 200, seed: 4 }).layers?.bootstrap;
    expect(got.bootstrap.used).toBe(expected?.used);
    expect(got.bootstrap.pCause).toEqual(expected?.pCause);
    expect(got.bootstrap.relation).toEqual(expected?.relation);
  });
  it("check --method fuzzy names the scale", () => {
    const r = cli.run(["check", "persian.csv", "--method", "fuzzy"], work);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/five-term fuzzy scale .*5 terms, method fuzzy/);
  });
});

describe("a degenerate scale (l = m = u) through the CLI", () => {
  it("gives the classic results exactly, in both orders", () => {
    const scale = { name: "crisp", terms: [0, 1, 2, 3, 4].map((c) => ({ term: String(c), tfn: [c, c, c] })), diagonal: [0, 0, 0] };
    writeFileSync(join(work, "crisp.json"), JSON.stringify(scale));
    const classic = JSON.parse(cli.run(["analyze", PANEL, "--json", "--bootstrap", "0"], work).stdout);
    expect(classic.method).toBeUndefined();
    for (const order of ["defuzzify-first", "defuzzify-last"]) {
      const r = cli.run(["analyze", PANEL, "--scale", "crisp.json", "--fuzzy-order", order, "--json", "--bootstrap", "0"], work);
      expect(r.status).toBe(0);
      const fuzzy = JSON.parse(r.stdout);
      expect(fuzzy.meta.options.method).toBe("fuzzy");
      for (const key of ["total", "given", "received", "prominence", "relation", "role", "weights", "threshold", "edges"]) {
        expect(classic[key]).toBeDefined();
        expect(fuzzy[key]).toEqual(classic[key]);
      }
    }
  });
});

describe("bad scale files and terms (issue 12, item 9)", () => {
  const bad = (name: string, value: unknown): string => {
    writeFileSync(join(work, name), typeof value === "string" ? value : JSON.stringify(value));
    return name;
  };
  it("unordered limits, a grey lo > hi, duplicate terms and missing fields are located, all at once; exit 1, nothing written", () => {
    const file = bad("bad.json", {
      name: "bad",
      terms: [{ term: "0", tfn: [0, 0, 0.25] }, { term: "1", tfn: [0.5, 0.25, 0.75] }, { term: "1", label: "Again", tfn: [0, 0.25, 0.5] }, { term: "3" }],
    });
    const r = cli.run(["analyze", PANEL, "--method", "fuzzy", "--scale", file, "--out", "never"], work);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toMatch(/bad\.json, column "terms\[1\]\.tfn": the limits of the term "1" must be ordered/);
    expect(r.stderr).toMatch(/column "terms\[2\]\.term": "1" also names terms\[1\]/);
    expect(r.stderr).toMatch(/column "terms\[3\]\.tfn": the term "3" needs a triangular fuzzy number/);
    expect(existsSync(join(work, "never"))).toBe(false);
    const grey = bad("grey.json", {
      name: "g",
      terms: [
        { term: "0", grey: [0, 0] },
        { term: "1", grey: [0.5, 0.25] },
      ],
    });
    const g = cli.run(["analyze", PANEL, "--scale", grey, "--out", "never"], work);
    expect(g.status).toBe(1);
    expect(g.stderr).toMatch(/grey\.json, column "terms\[1\]\.grey": the limits of the term "1" must be ordered \(lo ≤ hi\)/);
    const json = bad("broken.json", '{ "name": "x", "terms": [ { "term": "0", } ] }');
    const j = cli.run(["analyze", PANEL, "--method", "fuzzy", "--scale", json, "--out", "never"], work);
    expect(j.status).toBe(1);
    expect(j.stderr).toMatch(/broken\.json:1: not valid JSON/);
    expect(existsSync(join(work, "never"))).toBe(false);
  });
  it("a survey term missing from the scale is located at its row and cell and lists the terms", () => {
    const text = persianPanel().replace(/\n(E01,CUL,[^,]*,[^,]*),[^,]*,/, "\n$1,شاید,");
    writeFileSync(join(work, "unknown.csv"), text);
    const r = cli.run(["analyze", "unknown.csv", "--method", "fuzzy", "--out", "never"], work);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toMatch(/unknown\.csv:3, column "GOV": rating CUL→GOV of expert E01 is no term of the scale/);
    expect(r.stderr).toMatch(/"بدون تأثیر"/);
    expect(r.stderr).toMatch(/found "شاید"/);
    expect(existsSync(join(work, "never"))).toBe(false);
  });
  it("option mismatches are usage errors", () => {
    expect(cli.run(["analyze", PANEL, "--method", "fuzzy", "--scale", "0:4"], work).status).toBe(2);
    expect(cli.run(["analyze", PANEL, "--cfcs", "global"], work).status).toBe(2);
  });
});

describe("template --method fuzzy|grey and --scale (issue 12, item 1; docs/methods.md §1.7, §2.11)", () => {
  const FORMS_LABEL = /^(.+) · (.+) \((\d)\)$/;
  it("--format forms --method fuzzy: the grid's columns are the scale's terms, and its export reads back to the same fuzzy analysis", () => {
    const t = cli.run(["template", "--format", "forms", "--method", "fuzzy", "--out", "fuzzy-q.md"], work);
    expect(t.status, t.stderr).toBe(0);
    expect(t.stdout).toContain("Each rating takes one term of five-term fuzzy scale (Li 1999; Lin & Wu 2008)");
    expect(t.stdout).toContain("4 = Very high influence · تأثیر خیلی زیاد  (0.75, 1, 1)");
    expect(t.stdout).toContain("Read the answers with: cxm-dematel analyze <export.csv> --mapping fuzzy-q.mapping.json --method fuzzy");
    const mapping = JSON.parse(readFileSync(join(work, "fuzzy-q.mapping.json"), "utf8"));
    const labels = Object.keys(mapping.answers);
    expect(labels.map((l) => FORMS_LABEL.exec(l)?.slice(1))).toEqual(FUZZY_FIVE_TERM_SCALE.terms.map((x) => [x.label, x.label_fa, x.term]));
    expect(Object.values(mapping.answers)).toEqual([0, 1, 2, 3, 4]);
    expect(readFileSync(join(work, "fuzzy-q.md"), "utf8")).toContain(labels.join("\n"));
    // The export of the example panel's answers as those terms (SYNTHETIC), read with the mapping and --method fuzzy.
    const model = defaultModel();
    writeFileSync(join(work, "fuzzy-export.csv"), formsExportCsv(readSurvey(PANEL, model), model, { terms: FUZZY_FIVE_TERM_SCALE, synthetic: false }));
    const fromExport = cli.run(["analyze", "fuzzy-export.csv", "--mapping", "fuzzy-q.mapping.json", "--method", "fuzzy", "--json", "--bootstrap", "0"], work);
    expect(fromExport.status, fromExport.stderr).toBe(0);
    const fromCodes = cli.run(["analyze", PANEL, "--method", "fuzzy", "--json", "--bootstrap", "0"], work);
    for (const key of ["total", "relation", "prominence", "role"]) expect(JSON.parse(fromExport.stdout)[key]).toEqual(JSON.parse(fromCodes.stdout)[key]);
  });
  it("--format csv --method grey and --scale file.json: the same blank survey, and stdout lists the terms and the command that reads it", () => {
    const classic = cli.run(["template", "--out", "classic.csv"], work);
    const grey = cli.run(["template", "--method", "grey", "--out", "grey.csv"], work);
    expect(grey.status, grey.stderr).toBe(0);
    expect(readFileSync(join(work, "grey.csv"), "utf8")).toBe(readFileSync(join(work, "classic.csv"), "utf8"));
    expect(classic.stdout).not.toContain("term");
    expect(grey.stdout).toContain("0 = No influence · بدون تأثیر  [0, 0]");
    expect(grey.stdout).toContain("Read the answers with: cxm-dematel analyze grey.csv --method grey\n");
    writeFileSync(join(work, "grey-scale.json"), JSON.stringify({ name: "my grey", terms: GREY_FIVE_TERM_SCALE.terms }));
    const file = cli.run(["template", "--scale", "grey-scale.json", "--out", "grey2.csv"], work);
    expect(file.status, file.stderr).toBe(0);
    expect(file.stdout).toContain("one term of my grey");
    expect(file.stdout).toContain("--method grey --scale grey-scale.json");
  });
  it("--scale min:max sets a questionnaire's points; on a CSV survey, or not whole numbers for forms, it is a usage error", () => {
    const seven = cli.run(["template", "--format", "forms", "--scale", "1:7", "--out", "seven.md"], work);
    expect(seven.status, seven.stderr).toBe(0);
    expect(Object.values(JSON.parse(readFileSync(join(work, "seven.mapping.json"), "utf8")).answers)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const csv = cli.run(["template", "--scale", "1:7", "--out", "never.csv"], work);
    expect(csv.status).toBe(2);
    expect(csv.stderr).toContain("--scale goes with --format xlsx or forms (a CSV survey lists no answers");
    const half = cli.run(["template", "--format", "forms", "--scale", "0:2.5", "--out", "never.md"], work);
    expect(half.status).toBe(2);
    expect(half.stderr).toContain("--format forms needs whole-number scale ends at most 20 apart");
    expect([existsSync(join(work, "never.csv")), existsSync(join(work, "never.md"))]).toEqual([false, false]);
  });
  it("a bad scale file is a located error before anything is written (item 9)", () => {
    writeFileSync(join(work, "unordered.json"), JSON.stringify({ name: "u", terms: [{ term: "0", tfn: [0, 0.5, 0.25] }] }));
    const r = cli.run(["template", "--format", "forms", "--scale", "unordered.json", "--out", "bad-q.md"], work);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toMatch(/unordered\.json, column "terms\[0\]\.tfn": the limits of the term "0" must be ordered/);
    expect([existsSync(join(work, "bad-q.md")), existsSync(join(work, "bad-q.mapping.json"))]).toEqual([false, false]);
  });
});
