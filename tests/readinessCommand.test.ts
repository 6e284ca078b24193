import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/runCli.js";
import { READINESS_FILES } from "../src/cli/readinessCommand.js";
import { readinessGapPlot } from "../src/plots/readinessGapPlot.js";
import { readinessAssessment } from "../src/readiness/readinessAssessment.js";
import type { ReadinessResult } from "../src/readiness/assessReadiness.js";
import { renderReadinessReport } from "../src/report/renderReadinessReport.js";
import { readinessRows, READINESS_COLUMNS } from "../src/report/readinessTable.js";
import { toCsv } from "../src/io/toCsv.js";
import { STACK_LINE, sha256 } from "./cliHarness.js";
import { capture, formulaCells } from "./inProcessCli.js";

// `cxm-dematel readiness` run in-process through runCli, as main.js runs it (exit codes, stdout and stderr as a user
// sees them), on the shipped SYNTHETIC scores and panel, on hostile labels, and on bad input.
const dir = mkdtempSync(join(tmpdir(), "cxm-readiness-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SCORES = "data/readiness/example-scores.csv";
const PANEL = "data/surveys/example-panel.csv";

describe("cxm-dematel readiness: end to end on the shipped SYNTHETIC example", () => {
  it("readiness <scores> <survey> --json --out dir prints the result, writes the same JSON, a CSV and a report", async () => {
    const c = capture();
    const out = join(dir, "json");
    expect(await runCli(["readiness", SCORES, PANEL, "--json", "--out", out], c.io)).toBe(0);
    expect(c.err).toEqual([]);
    const r = JSON.parse(c.out.join("")) as ReadinessResult;
    expect(Object.keys(r).sort()).toEqual(["components", "index", "meta", "scale", "threshold", "weightMethod", "weightedGap", "weightedScore"]);
    expect(r.meta.synthetic).toBe(true);
    expect(r.weightMethod).toBe("DANP");
    expect(r.components.map((x) => x.priority)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.index).toBeGreaterThan(0);
    expect(r.index).toBeLessThan(1);
    expect(readdirSync(out).sort()).toEqual([...READINESS_FILES].sort());
    expect(JSON.parse(readFileSync(join(out, "readiness.json"), "utf8"))).toEqual(r);
    const csv = readFileSync(join(out, "readiness.csv"), "utf8");
    const rows = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...READINESS_COLUMNS]);
    expect(rows.slice(1).map((row) => row[1])).toEqual(r.components.map((x) => x.id));
    expect(formulaCells(csv)).toEqual([]);
    const html = readFileSync(join(out, "readiness.html"), "utf8");
    expect(html).toContain("SYNTHETIC EXAMPLE DATA");
    expect(html).toContain('<div id="readiness-gaps"');
    expect(html).toContain("Strengthen Customer-centric culture first");
  });

  it("without a survey uses the shipped example panel (the same order), and the text output gives the index, the weights and a reason per component", async () => {
    const c = capture();
    expect(await runCli(["readiness", SCORES], c.io)).toBe(0);
    const text = c.out.join("");
    expect(text).toMatch(/^Note: SYNTHETIC example data/);
    expect(text).toMatch(/index 0\.\d\d \(1 = every component at its aspiration\)/);
    expect(text).toContain("Weights: DANP influential weights (docs/methods.md §6.6)");
    expect(text).toContain("   1. CUL: Strengthen Customer-centric culture first: gap 2.5 of 5");
    expect(text).toContain("  10. INS: 10th, Customer experience insights management: no gap");
    const j = capture();
    await runCli(["readiness", SCORES, "--json"], j.io);
    const k = capture();
    await runCli(["readiness", SCORES, PANEL, "--json"], k.io);
    const order = (x: string[]): string[] => (JSON.parse(x.join("")) as ReadinessResult).components.map((y) => y.id);
    expect(order(j.out)).toEqual(order(k.out));
  });

  it("takes the scale from --scale-min/--scale-max when the file has none", async () => {
    const scores = join(dir, "ten.csv");
    writeFileSync(scores, "component,score\nLEAD,6\nCUL,5\nGOV,7\nSTR,7.5\nBPM,4\nPRC,6\nINF,3\nINT,8\nEMP,5\nINS,9\n");
    const c = capture();
    expect(await runCli(["readiness", scores, "--scale-min", "0", "--scale-max", "10", "--json"], c.io)).toBe(0);
    const r = JSON.parse(c.out.join("")) as ReadinessResult;
    expect(r.scale).toEqual({ min: 0, max: 10 });
    expect(r.meta.synthetic).toBe(true); // the survey is still the shipped example panel
    expect(r.components.find((x) => x.id === "INF")!.gap).toBeCloseTo(0.7, 12);
  });
});

describe("cxm-dematel readiness: bad input and usage", () => {
  it("bad scores: every problem located (file, row, column), exit 1, no stack trace, nothing written", async () => {
    const scores = join(dir, "bad.csv");
    writeFileSync(scores, "component,score,aspiration,scale_min,scale_max\nLEAD,7,,1,5\nLEDA,3,,1,5\nCUL,2,,1,5\nCUL,2,,1,5\nGOV,x,1,1,5\n");
    const out = join(dir, "bad-out");
    const c = capture();
    expect(await runCli(["readiness", scores, "--out", out], c.io)).toBe(1);
    const err = c.err.join("");
    expect(err).toContain("6 problems");
    expect(err).toContain(`${scores}:2, column "score": score outside the declared scale 1–5 (expected a number from 1 to 5, found "7")`);
    expect(err).toContain(`${scores}:3, column "component": unknown component; did you mean "LEAD"?`);
    expect(err).toContain(`${scores}:5, column "component": CUL is given twice (first at row 4)`);
    expect(err).toContain(`${scores}, column "component": no row for 7 components STR, BPM, PRC, INF, INT, EMP, INS`);
    expect(err).toContain(`${scores}:6, column "score": not a number`);
    expect(err).toContain(`${scores}:6, column "aspiration": an aspiration at the scale's worst level`);
    expect(err).not.toMatch(STACK_LINE);
    expect(existsSync(out)).toBe(false);
  });

  it("wrong usage exits 2: no scores file, one of --scale-min/--scale-max, a reversed scale, --out without a name", async () => {
    for (const args of [
      ["readiness"],
      ["readiness", SCORES, "--scale-min", "1"],
      ["readiness", SCORES, "--scale-min", "5", "--scale-max", "1"],
      ["readiness", SCORES, "--out", " "],
    ]) {
      const c = capture();
      expect(await runCli(args, c.io), args.join(" ")).toBe(2);
      expect(c.err.join("")).not.toMatch(STACK_LINE);
    }
  });

  it("a missing survey file is bad input (exit 1)", async () => {
    const c = capture();
    expect(await runCli(["readiness", SCORES, join(dir, "no-such-survey.csv")], c.io)).toBe(1);
    expect(c.err.join("")).toContain("no-such-survey.csv");
  });
});

describe("cxm-dematel readiness --out: all three files or none", () => {
  it("a folder in the place of one output: exit 1, none of the three written", async () => {
    const out = join(dir, "blocked");
    mkdirSync(join(out, "readiness.csv"), { recursive: true });
    const c = capture();
    expect(await runCli(["readiness", SCORES, "--out", out], c.io)).toBe(1);
    expect(c.err.join("")).toContain("an output file's name is taken by a folder");
    expect(readdirSync(out)).toEqual(["readiness.csv"]);
  });

  it("a second run replaces the first run's files completely and leaves no temporary file", async () => {
    const out = join(dir, "twice");
    mkdirSync(out);
    writeFileSync(join(out, "readiness.json"), "x".repeat(100_000));
    expect(await runCli(["readiness", SCORES, "--out", out, "--quiet"], capture().io)).toBe(0);
    expect(await runCli(["readiness", SCORES, "--out", out, "--quiet"], capture().io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...READINESS_FILES].sort());
    expect(() => JSON.parse(readFileSync(join(out, "readiness.json"), "utf8")) as unknown).not.toThrow();
  });

  it("never writes over an input: a scores file named like an output is refused and left unchanged", async () => {
    const out = join(dir, "over");
    mkdirSync(out);
    const scores = join(out, "readiness.csv");
    copyFileSync(SCORES, scores);
    const before = sha256(scores);
    const c = capture();
    expect(await runCli(["readiness", scores, "--out", out], c.io)).toBe(1);
    expect(c.err.join("")).toContain("refusing to write an output over an input file");
    expect(sha256(scores)).toBe(before);
    expect(readdirSync(out)).toEqual(["readiness.csv"]);
  });
});

describe("cxm-dematel readiness with hostile labels (=HYPERLINK, +cmd, @SUM, <script>)", () => {
  it("escapes every label in the report and guards every CSV cell", async () => {
    const work = join(dir, "hostile");
    mkdirSync(work);
    for (const f of ["model-formula-script.json", "formula-labels.csv"]) copyFileSync(join("tests", "fixtures", "adversarial", f), join(work, f));
    const scores = join(work, "scores.csv");
    writeFileSync(scores, 'component,score,scale_min,scale_max\n"=A1",1,0,4\n"+B",3,,\n"@C",2,,\n');
    const out = join(work, "res");
    const c = capture();
    const args = ["readiness", scores, join(work, "formula-labels.csv"), "--model", join(work, "model-formula-script.json"), "--out", out, "--quiet"];
    expect(await runCli(args, c.io)).toBe(0);
    const html = readFileSync(join(out, "readiness.html"), "utf8");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const csv = readFileSync(join(out, "readiness.csv"), "utf8");
    expect(formulaCells(csv)).toEqual([]);
    expect(csv).toContain("'=A1");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });
});

describe("readinessGapPlot(bars) and renderReadinessReport(result)", () => {
  // A 3-component assessment whose names are hostile: A cause with a gap, B receiver with a gap, C at its aspiration.
  const assessment = readinessAssessment(
    {
      source: "s",
      components: ["A", "B", "C"],
      scores: [3, 2, 5],
      aspirations: [5, 4, 5],
      aspirationGiven: [false, true, false],
      scale: { min: 1, max: 5 },
      scaleFrom: "file",
    },
    {
      components: ["A", "B", "C"],
      names: ["<b>Alpha</b>", '=HYPERLINK("x")', "Gamma & co"],
      total: [
        [0, 0.4, 0.3],
        [0.1, 0, 0.2],
        [0.1, 0.1, 0],
      ],
      threshold: 0.15,
      weights: [0.5, 0.3, 0.2],
      weightMethod: "DANP",
    },
  );
  const result: ReadinessResult = {
    meta: {
      tool: "cxm-dematel",
      version: "0",
      date: "2026-01-01",
      scores: "<i>scores</i>.csv",
      survey: "s.csv",
      synthetic: false,
      model: { title: "<script>x</script>" },
      experts: 3,
      weightsNote: "w",
      rule: "r",
    },
    ...assessment,
  };

  it("draws one bar per component in priority order (top first), coloured by role, labels escaped for Plotly", () => {
    const fig = readinessGapPlot(assessment.components);
    const traces = fig.data as Array<{ name: string; y: string[]; x: number[]; text: string[]; marker: { color: string } }>;
    expect(traces.map((t) => t.name)).toEqual(["net cause (D − R > 0)", "net receiver (D − R < 0)"]);
    expect(traces.map((t) => t.marker.color)).toEqual(["#0072B2", "#E69F00"]);
    expect(traces[0].y).toEqual(["1. &lt;b&gt;Alpha&lt;/b&gt;"]);
    expect(traces[0].x).toEqual([0.5]);
    expect(traces[0].text).toEqual(["2.0 of 5.0"]);
    expect(traces[1].y).toEqual(['2. =HYPERLINK("x")', "3. Gamma &amp; co"]);
    const yaxis = (fig.layout as { yaxis: { categoryarray: string[]; autorange: string } }).yaxis;
    expect(yaxis.categoryarray).toEqual(["1. &lt;b&gt;Alpha&lt;/b&gt;", '2. =HYPERLINK("x")', "3. Gamma &amp; co"]);
    expect(yaxis.autorange).toBe("reversed");
  });

  it("the report escapes the file names, model title and component names; no SYNTHETIC banner for real data", () => {
    const html = renderReadinessReport(result, { plotlyJs: "/* plotly */" });
    expect(html).not.toContain("<i>scores</i>");
    expect(html).not.toContain("<script>x</script>");
    expect(html).not.toContain("<b>Alpha</b>");
    expect(html).toContain("&lt;i&gt;scores&lt;/i&gt;.csv");
    expect(html).toContain("&lt;b&gt;Alpha&lt;/b&gt;");
    expect(html).not.toContain("SYNTHETIC EXAMPLE DATA");
  });

  it("readiness.csv: the header, one row per component in priority order, a formula-like name guarded", () => {
    const csv = toCsv(readinessRows(result));
    expect(csv.split("\r\n")[0]).toBe(READINESS_COLUMNS.join(","));
    expect(csv.split("\r\n")[2].startsWith(`2,B,"'=HYPERLINK(""x"")",effect,2,4,yes,2,`)).toBe(true);
    expect(formulaCells(csv)).toEqual([]);
  });
});
