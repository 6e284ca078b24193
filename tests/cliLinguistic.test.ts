/**
 * The command line on linguistic surveys (issue 12, items 1, 2 and 9; docs/methods.md §2.11):
 * `--method fuzzy|grey` with the built-in five-term scales or a `--scale file.json`, survey cells
 * written as terms (codes, English or Persian labels, Persian digits); bad scale files and terms
 * missing from the scale are located errors, exit 1, nothing written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultModel } from "../src/model/model.js";
import { readSurvey } from "../src/io/readSurvey.js";
import { analyzeSurvey } from "../src/pipeline/analyzeSurvey.js";
import { FUZZY_FIVE_TERM_SCALE } from "../src/core/linguisticScale.js";
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
  it("layers --method fuzzy runs the layer tests on it", () => {
    const r = cli.run(["layers", "persian.csv", "--method", "fuzzy", "--json", "--bootstrap", "0"], work);
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout);
    expect(got.trend.p).toBeGreaterThan(0);
    expect(got.trend.p).toBeLessThanOrEqual(1);
    expect(got.meta.options.method).toBe("fuzzy");
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
