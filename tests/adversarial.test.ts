// The command line against malformed and awkward input, as a demanding user
// (and the reviewers) will try it: every bad survey, model or output
// folder must end in exit 1 (bad input) with a located, plain message on
// stderr — never a stack trace, never exit 3 — and must neither write partial
// outputs nor modify the input. Awkward but valid input (Excel exports,
// Persian headers and digits, formula-like labels) must be read, and user text
// must come out escaped (HTML) and neutralised (CSV). Last, two published
// DEMATEL cases run through `analyze --json` reproduce their printed digits.
//
// Fixtures: tests/fixtures/adversarial/ (byte-exact, see its .gitattributes) and
// tests/fixtures/cli-published/. Each test copies what it reads into a fresh
// temporary folder, so outputs and checksums never touch the repository.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { layeringVerdict } from "../src/index.js";
import { cliHarness, ROOT, sha256, STACK_LINE, type CliRun } from "./cliHarness.js";
import { expectPrinted, halfUnit } from "./helpers.js";

const FIX = join(ROOT, "tests", "fixtures", "adversarial");
const SURVEYS = join(ROOT, "tests", "fixtures", "surveys");
const PUBLISHED = join(ROOT, "tests", "fixtures", "published");
const CLI_PUBLISHED = join(ROOT, "tests", "fixtures", "cli-published");
const cli = cliHarness("adversarial");
let work: string;

beforeAll(() => {
  cli.build();
  work = mkdtempSync(join(tmpdir(), "cxm-adversarial-"));
}, 120_000);
afterAll(() => {
  cli.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A fresh folder holding copies of the named fixtures (from `from`, default the adversarial folder). */
function folderWith(files: readonly string[], from = FIX): string {
  const dir = mkdtempSync(join(work, "case-"));
  for (const f of files) copyFileSync(join(from, f), join(dir, f));
  return dir;
}

/** Every file below `dir`, relative, sorted. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

/** Every path below `dir` with the SHA-256 of its bytes ("folder" for a folder). */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listing(dir).map((f) => [f, statSync(join(dir, f)).isDirectory() ? "folder" : sha256(join(dir, f))]));
}

/**
 * Run a command that must fail on bad input: exit 1, the message matching
 * `message`, no stack trace, nothing on stdout, and the folder exactly as
 * before (no partial outputs, no temporary files left, inputs unchanged).
 */
function expectBadInput(dir: string, args: readonly string[], message: RegExp): CliRun {
  const before = snapshot(dir);
  const r = cli.run(args, dir);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.stderr).toMatch(message);
  expect(r.status).toBe(1);
  expect(r.stdout).toBe("");
  expect(snapshot(dir)).toEqual(before);
  return r;
}

/** Run a command that must succeed; returns the parsed --json output when `json`. */
function expectOk(dir: string, args: readonly string[]): CliRun {
  const r = cli.run(args, dir);
  expect(r.stderr).not.toMatch(STACK_LINE);
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return r;
}

/** The long-layout good.csv's two expert matrices averaged (hand-computed from the file). */
const GOOD_MEAN = [
  [0, 3.5, 1.5],
  [0.5, 0, 3.5],
  [0.5, 2, 0],
];

describe("surveys that are not CSV text: exit 1, named, located", () => {
  it("Windows-1252 bytes (an accented expert name): the line and the byte, and the encodings it may be", () => {
    const dir = folderWith(["windows-1252.csv", "model.json"]);
    expectBadInput(
      dir,
      ["check", "windows-1252.csv", "--model", "model.json"],
      /^ {2}windows-1252\.csv:8: the file is not UTF-8 text \(expected a CSV file saved as UTF-8 \(in Excel: Save As → CSV UTF-8\), found byte 0xFC in line 8, which is not UTF-8 \(the file was perhaps saved as Windows-1252\/Latin-1 or Windows-1256\)\)$/m,
    );
  });

  it("an Excel workbook saved under a .csv name: called a workbook, not 'not UTF-8'", () => {
    const dir = folderWith(["workbook.xlsx.csv"]);
    expectBadInput(
      dir,
      ["analyze", "workbook.xlsx.csv", "--out", "res"],
      /workbook\.xlsx\.csv: the file is not a text file \(.*found a ZIP archive — an Excel workbook \(\.xlsx\)/,
    );
  });

  it("a file with NUL bytes: binary data, with its line", () => {
    const dir = folderWith(["binary-nul.csv"]);
    expectBadInput(dir, ["check", "binary-nul.csv"], /binary-nul\.csv:2: the file is not a text file \(.*found binary data \(a byte 0 in line 2\)\)/);
  });

  it("an empty file and a header-only file", () => {
    const dir = folderWith(["empty.csv", "header-only.csv"], SURVEYS);
    expectBadInput(dir, ["analyze", "empty.csv", "--out", "res"], /empty\.csv: the survey file is empty/);
    expectBadInput(dir, ["analyze", "header-only.csv", "--out", "res"], /header-only\.csv:1: the survey has no experts/);
  });

  it("a survey path that is a folder", () => {
    const dir = folderWith([]);
    mkdirSync(join(dir, "ratings.csv"));
    expectBadInput(dir, ["analyze", "ratings.csv", "--out", "res"], /ratings\.csv: cannot read the survey file: it is a directory/);
  });

  it("a 5 MB cell: the message shows a shortened value and stays short", () => {
    const dir = folderWith(["good.csv"]);
    const lines = readFileSync(join(FIX, "good.csv"), "utf8").split("\n");
    lines[3] = `E1,B,${"A".repeat(5_000_000)},1`;
    writeFileSync(join(dir, "huge.csv"), lines.join("\n"));
    const r = expectBadInput(dir, ["check", "huge.csv", "--model", join(FIX, "model.json")], /huge\.csv:4, column "to": unknown component .*found "AAAA[A]*…"/);
    expect(r.stderr.length).toBeLessThan(2000);
  });

  it.skipIf(typeof process.getuid === "function" && process.getuid() === 0)("a survey without read permission (skipped as root, who can read anything)", () => {
    const dir = folderWith(["good.csv"]);
    chmodSync(join(dir, "good.csv"), 0o000);
    expectBadInput(dir, ["check", "good.csv", "--model", join(FIX, "model.json")], /good\.csv: cannot read the survey file: permission denied/);
  });
});

describe("awkward but valid surveys are read", () => {
  it("Excel CSV: byte-order mark, ';' delimiter, decimal comma (2,5), CRLF", () => {
    const dir = folderWith(["bom-semicolon-decimal-comma.csv", "model.json"]);
    const r = expectOk(dir, ["analyze", "bom-semicolon-decimal-comma.csv", "--model", "model.json", "--json"]);
    const direct = JSON.parse(r.stdout).direct as number[][];
    expect(direct[0][1]).toBeCloseTo((2.5 + 4) / 2, 12);
    expect(direct[1][2]).toBeCloseTo(3.5, 12);
  });

  it("Excel 'Unicode Text' (UTF-16LE with BOM, tab-delimited) gives the same matrix as the UTF-8 file", () => {
    const dir = folderWith(["utf16-excel.txt", "model.json"]);
    const r = expectOk(dir, ["analyze", "utf16-excel.txt", "--model", "model.json", "--json"]);
    expect(JSON.parse(r.stdout).direct).toEqual(GOOD_MEAN);
  });

  it("ids that differ only in case and spaces (' a ', 'b') match the model's ids", () => {
    const dir = folderWith(["ids-case-space.csv", "model.json"]);
    expect(JSON.parse(expectOk(dir, ["analyze", "ids-case-space.csv", "--model", "model.json", "--json"]).stdout).direct).toEqual(GOOD_MEAN);
  });

  it("Persian component names as headers, Persian expert labels and Persian digits (blocks layout)", () => {
    const dir = folderWith(["persian-headers-digits.csv", "model.json"]);
    const out = JSON.parse(expectOk(dir, ["analyze", "persian-headers-digits.csv", "--model", "model.json", "--json"]).stdout);
    expect(out.direct).toEqual(GOOD_MEAN);
    expect(out.meta.experts.map((e: { expert: string }) => e.expert)).toEqual(["کارشناس ۱", "کارشناس ۲"]);
  });

  it("one expert: DEMATEL runs; layers says there is nothing to resample, and that 3 one-component layers cannot reach 5%", () => {
    const dir = folderWith(["one-expert.csv", "model.json"]);
    const r = expectOk(dir, ["layers", "one-expert.csv", "--model", "model.json"]);
    expect(r.stdout).toContain("1 expert, 3 components");
    expect(r.stdout).toContain("No bootstrap: the panel has a single expert");
    expect(r.stdout).toContain("the smallest possible p is 1/6 = 0.1667");
  });

  it("an expert who rated everything 0 and a copied expert block: accepted with located warnings on stderr", () => {
    const dir = folderWith(["good.csv", "model.json"]);
    const lines = readFileSync(join(dir, "good.csv"), "utf8").trim().split("\n");
    const zero = lines.slice(1, 7).map((l) => l.replace("E1", "Z").replace(/,\d$/, ",0"));
    const copy = lines.slice(1, 7).map((l) => l.replace("E1", "E1-again"));
    writeFileSync(join(dir, "panel.csv"), [...lines, ...zero, ...copy].join("\n") + "\n");
    const r = expectOk(dir, ["analyze", "panel.csv", "--model", "model.json", "--json", "--bootstrap", "0"]);
    expect(JSON.parse(r.stdout).meta.warnings).toHaveLength(2);
    expect(r.stderr).toContain('panel.csv:14, column "expert": expert Z rated every pair 0 (no influence anywhere)');
    expect(r.stderr).toContain('panel.csv:20, column "expert": expert E1-again gave exactly the same 6 ratings as expert E1 (row 2)');
  });

  it("two experts: analyze writes the five files", () => {
    const dir = folderWith(["good.csv", "model.json"]);
    expectOk(dir, ["analyze", "good.csv", "--model", "model.json", "--out", "res", "--bootstrap", "200", "--quiet"]);
    expect(readdirSync(join(dir, "res")).sort()).toEqual(["components.csv", "edges.csv", "report.html", "results.json", "total-relation.csv"]);
  });
});

describe("surveys whose content is wrong: exit 1, located", () => {
  const model = ["--model", join(FIX, "model.json")];

  it("all ratings zero: no influence to analyse (no files written)", () => {
    const dir = folderWith(["all-zero.csv"]);
    expectBadInput(dir, ["analyze", "all-zero.csv", ...model, "--out", "res"], /Every entry of the average direct-influence matrix is 0/);
  });

  it("every row sum equal (ρ(N) = 1): infeasible, with the remedies", () => {
    const dir = folderWith(["equal-row-sums.csv"]);
    expectBadInput(
      dir,
      ["analyze", "equal-row-sums.csv", ...model, "--out", "res"],
      /spectral radius ρ\(N\) = 1\.000000 must be < 1.*Remedies: add a small ε to λ by explicit choice \(--epsilon 0\.01/,
    );
  });

  it("check does not say OK for a survey the default analysis cannot use (all zero; every row sum equal): summary, the reason, exit 1", () => {
    const dir = folderWith(["all-zero.csv", "equal-row-sums.csv"]);
    for (const [file, reason] of [
      ["all-zero.csv", /analyze with default options would stop: Every entry of the average direct-influence matrix is 0/],
      ["equal-row-sums.csv", /analyze with default options would stop: The total-relation matrix does not exist/],
    ] as const) {
      const r = cli.run(["check", file, ...model], dir);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`^WELL FORMED, BUT NOT ANALYSABLE WITH DEFAULT OPTIONS: ${file.replace(".", "\\.")}\n`));
      expect(r.stderr).toMatch(reason);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });

  it("an expert's block pasted twice: each duplicate located with both rows", () => {
    const dir = folderWith(["duplicate-expert-block.csv"]);
    const r = expectBadInput(
      dir,
      ["check", "duplicate-expert-block.csv", ...model],
      /duplicate-expert-block\.csv:14, column "value": duplicate rating A→B of expert E1 \(rows 2 and 14\)/,
    );
    expect(r.stderr).toContain("6 problems in the input");
  });

  it("a component never rated, and a component not in the model (with a suggestion)", () => {
    const dir = folderWith(["missing-component.csv", "extra-component.csv"]);
    expectBadInput(
      dir,
      ["check", "missing-component.csv", ...model],
      /the survey's components do not match the model \(expected the model's 3 components: A, B, C, found never rated: C\)/,
    );
    expectBadInput(
      dir,
      ["check", "extra-component.csv", ...model],
      /extra-component\.csv:14, column "to": unknown component \(in 4 rows\); did you mean "A"\? \(expected a component id or name: A, B, C, found "D"\)/,
    );
  });

  it("a bad weight on every row of an expert is one problem with its row count", () => {
    const dir = folderWith(["weights-repeated.csv"]);
    const r = expectBadInput(
      dir,
      ["check", "weights-repeated.csv", ...model],
      /weights-repeated\.csv:2, column "weight": weight of expert E1 must be a positive number \(in 6 rows\)/,
    );
    expect(r.stderr).toContain("1 problem in the input");
  });

  it("a newline and a terminal escape sequence in quoted labels: one line per problem, the ESC shown, not sent", () => {
    const dir = folderWith(["control-characters.csv"]);
    const r = expectBadInput(dir, ["check", "control-characters.csv", ...model], /control-characters\.csv:2: expert E\\n1 has no rating/);
    expect(r.stderr).not.toContain("\u001b");
    expect(r.stderr).toContain("expert E\\u001b[2J2 is outside the scale");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(5); // the header line and 4 problems
  });
});

describe("model files: exit 1, located in the JSON", () => {
  const survey = join(FIX, "good.csv");

  it("a layer listing an unknown id, and a component in two layers", () => {
    const dir = folderWith(["model-unknown-id.json", "model-component-in-two-layers.json"]);
    expectBadInput(
      dir,
      ["analyze", survey, "--model", "model-unknown-id.json", "--out", "res"],
      /model-unknown-id\.json, column "layers\[0\]\.components\[1\]": unknown component id in a layer \(expected one of 3 component ids, found "Z"\)/,
    );
    expectBadInput(
      dir,
      ["analyze", survey, "--model", "model-component-in-two-layers.json", "--out", "res"],
      /model-component-in-two-layers\.json, column "layers\[1\]\.components\[0\]": component is already in layer L1/,
    );
  });

  it("layers with a model of no layers or one layer says so plainly; analyze still runs without the layer section", () => {
    const dir = folderWith(["model-no-layers.json", "model-one-layer.json"]);
    expectBadInput(
      dir,
      ["layers", survey, "--model", "model-no-layers.json"],
      /model-no-layers\.json, column "layers": the model has no layers, so there is no proposed ordering to test .*found no "layers" in the model/,
    );
    expectBadInput(dir, ["layers", survey, "--model", "model-one-layer.json"], /model-one-layer\.json, column "layers": the model has only one layer/);
    const out = JSON.parse(expectOk(dir, ["analyze", survey, "--model", "model-no-layers.json", "--json"]).stdout);
    expect(out.layers).toBeUndefined();
    expect(out.direct).toEqual(GOOD_MEAN);
  });

  it("nine layers: the layer tests run (it once crashed with exit 3); only the ranking of all 9! layer orders is skipped, with a note", () => {
    const dir = folderWith(["model-nine-layers.json", "nine-components.csv"]);
    expect(expectOk(dir, ["layers", "nine-components.csv", "--model", "model-nine-layers.json", "--bootstrap", "200"]).stdout).toMatch(
      /layer orders: not ranked/,
    );
    const out = JSON.parse(expectOk(dir, ["analyze", "nine-components.csv", "--model", "model-nine-layers.json", "--json", "--bootstrap", "200"]).stdout);
    expect(out.layers.notes.join(" ")).toContain("The layer orders were not ranked: the model has 9 layers");
    expect(out.layers.orders).toBeUndefined();
    expect(typeof out.layers.trend.p).toBe("number");
  });

  it("a trailing comma: line and character of the error, where V8 itself gives no position", () => {
    const dir = folderWith(["model-trailing-comma.json"]);
    expectBadInput(
      dir,
      ["check", survey, "--model", "model-trailing-comma.json"],
      /model-trailing-comma\.json:5: not valid JSON \(character 3 of line 5\): Unexpected token '\]' \(a trailing comma before it\?\)/,
    );
  });

  it("a one-component model is refused at the model file, by check too", () => {
    const dir = folderWith(["model-one-component.json"]);
    expectBadInput(
      dir,
      ["check", survey, "--model", "model-one-component.json"],
      /model-one-component\.json, column "components": DEMATEL needs at least two components/,
    );
  });

  it("an empty model file, a model that is a folder, and a workbook given as the model", () => {
    const dir = folderWith(["workbook.xlsx.csv"]);
    writeFileSync(join(dir, "empty.json"), "");
    mkdirSync(join(dir, "model.json"));
    expectBadInput(dir, ["check", survey, "--model", "empty.json"], /empty\.json: the model file is empty/);
    expectBadInput(dir, ["check", survey, "--model", "model.json"], /model\.json: cannot read the model file: it is a directory/);
    expectBadInput(
      dir,
      ["check", survey, "--model", "workbook.xlsx.csv"],
      /workbook\.xlsx\.csv: the file is not a text file \(expected a JSON model file saved as UTF-8, found a ZIP archive/,
    );
  });
});

describe("output folders: refused before any work, nothing partial", () => {
  const args = (out: string, survey = join(FIX, "good.csv")): string[] => [
    "analyze",
    survey,
    "--model",
    join(FIX, "model.json"),
    "--out",
    out,
    "--bootstrap",
    "100",
  ];

  it("--out names an existing file, or a path through a file", () => {
    const dir = folderWith([]);
    writeFileSync(join(dir, "results"), "my notes");
    expectBadInput(
      dir,
      args("results"),
      /results: the output folder given with --out is a file \(expected a folder, or a name that does not exist yet, found an existing file\)/,
    );
    expectBadInput(dir, args("results/sub"), /results\/sub: the output folder given with --out cannot be created: a part of its path is a file/);
    expect(readFileSync(join(dir, "results"), "utf8")).toBe("my notes");
  });

  it("--out is the survey's own folder and the survey is named like an output: refused, survey untouched", () => {
    const dir = folderWith(["good.csv"]);
    copyFileSync(join(FIX, "good.csv"), join(dir, "results.json"));
    expectBadInput(dir, args(".", "results.json"), /results\.json: refusing to write an output over an input file; choose another --out folder/);
  });

  it("an output name taken by a folder: refused before writing, so no other output appears", () => {
    const dir = folderWith([]);
    mkdirSync(join(dir, "res", "report.html"), { recursive: true });
    expectBadInput(dir, args("res"), /res\/report\.html: an output file's name is taken by a folder/);
    expect(readdirSync(join(dir, "res"))).toEqual(["report.html"]);
  });

  it("template into a path through a file: plain message, no temporary file named", () => {
    const dir = folderWith([]);
    writeFileSync(join(dir, "notes"), "x");
    const r = expectBadInput(dir, ["template", "--out", "notes/blank.csv"], /notes: the folder of the --out file is a file/);
    expect(r.stderr).not.toMatch(/\.tmp|ENOTDIR/);
  });
});

describe("output that cannot be written", () => {
  it.skipIf(!existsSync("/dev/full"))("stdout on a full device (/dev/full): a plain 'disk full' message and exit 1, no Node stack trace", () => {
    const fd = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [cli.main, "check", join(FIX, "good.csv"), "--model", join(FIX, "model.json")], {
        stdio: ["ignore", fd, "pipe"],
        encoding: "utf8",
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("cxm-dematel: cannot write the output: ENOSPC (disk full)");
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).not.toContain("Unhandled");
    } finally {
      closeSync(fd);
    }
  });
});

describe("formula-like and HTML labels: escaped in the report, neutralised in CSV, and read back", () => {
  it("expert and component names like =HYPERLINK(...), +cmd, @SUM and <script> in a custom model", () => {
    const dir = folderWith(["formula-labels.csv", "model-formula-script.json"]);
    const before = sha256(join(dir, "formula-labels.csv"));
    expectOk(dir, ["analyze", "formula-labels.csv", "--model", "model-formula-script.json", "--out", "res", "--bootstrap", "100", "--quiet"]);
    expect(sha256(join(dir, "formula-labels.csv"))).toBe(before);
    // CSV: no cell we write starts a spreadsheet formula.
    for (const f of ["components.csv", "edges.csv", "total-relation.csv"]) {
      const cells = readFileSync(join(dir, "res", f), "utf8")
        .split(/\r\n/)
        .flatMap((line) => line.split(","));
      for (const cell of cells) expect(cell.replace(/^"/, ""), `${f}: ${cell}`).not.toMatch(/^[=+@\t\r]|^-(?![\d.])/);
    }
    const components = readFileSync(join(dir, "res", "components.csv"), "utf8").split("\r\n");
    expect(components[1].startsWith(`'=A1,"'=HYPERLINK(""http://evil.example"",""click"")"`)).toBe(true);
    // HTML: user text never becomes markup.
    const html = readFileSync(join(dir, "res", "report.html"), "utf8");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
  });

  it("a template of that model, filled in, is read back (the apostrophe our CSV adds is not part of the id)", () => {
    const dir = folderWith(["model-formula-script.json"]);
    expectOk(dir, ["template", "--model", "model-formula-script.json", "--experts", "1", "--out", "blank.csv"]);
    const lines = readFileSync(join(dir, "blank.csv"), "utf8").trim().split(/\r?\n/);
    expect(lines[0]).toBe("expert,from,'=A1,'+B,'@C,weight");
    const filled = [
      lines[0],
      ...lines.slice(1).map((l, i) =>
        l
          .split(",")
          .map((c, k) => (k >= 2 && k <= 4 ? (k - 2 === i ? "" : String(k)) : c))
          .join(","),
      ),
    ];
    writeFileSync(join(dir, "filled.csv"), filled.join("\n") + "\n");
    const r = expectOk(dir, ["check", "filled.csv", "--model", "model-formula-script.json"]);
    expect(r.stdout).toContain("components: 3 (=A1, +B, @C)");
  });
});

describe("layeringVerdict(tests) on a design too small for any p below 5%", () => {
  it("says the ordering can be neither confirmed nor refuted (6 assignments: smallest p = 1/6), not 'not supported'", () => {
    const signs = { outerAllCauses: true, innerAllEffects: true, outer: [{ id: "A", relation: 1 }], inner: [{ id: "C", relation: -1 }] };
    const v = layeringVerdict({
      trend: { statistic: 1, p: 1 / 6, method: "exact", assignments: 6 },
      flow: { statistic: 0.5, p: 1 / 6, method: "exact", assignments: 6 },
      signs,
    });
    expect(v).toContain("can be neither confirmed nor refuted at 5%");
    expect(v).toContain("the smallest possible p is 1/6 = 0.1667");
    expect(v).toContain("The data point the proposed way (S_trend = 1.00");
    expect(v).not.toContain("do not support");
    // With 30 assignments (smallest p 1/30 < 0.05) the ordinary verdict stands.
    expect(
      layeringVerdict({
        trend: { statistic: 0.2, p: 0.2, method: "exact", assignments: 30 },
        flow: { statistic: 0.1, p: 0.3, method: "exact", assignments: 30 },
        signs,
      }),
    ).toContain("no significant evidence");
  });
});

describe("published DEMATEL cases through `analyze --json` (one expert = the printed matrix)", () => {
  interface Printed {
    normalized?: string[][];
    given: string[];
    received: string[];
    prominence?: string[];
    relation?: string[];
    thresholdValue: string;
  }
  const fixture = (name: string): { components: string[]; direct: number[][]; printed: Printed } => JSON.parse(readFileSync(join(PUBLISHED, name), "utf8"));

  it("Celikbilek & Ozdemir (2020), medical device selection, R package dematel 0.1.0 vignette: the printed N (5 decimals) on a 0–1 scale reproduces the printed D, R, D+R, D−R and threshold digit for digit", () => {
    // The vignette computes T from N rounded to 5 decimals, so its printed N is the input that reproduces its
    // printed digits (see the fixture's notes); its largest row and column sums are 1.00000, so λ = 1.
    const fx = fixture("celikbilek-ozdemir-2020-medical-device.json");
    const csv = readFileSync(join(CLI_PUBLISHED, "celikbilek-ozdemir-2020-printed-N.csv"), "utf8").trim().split("\n");
    expect(csv.slice(1).map((l) => l.split(",").slice(2))).toEqual(fx.printed.normalized); // the CSV is the printed N
    const dir = folderWith(["celikbilek-ozdemir-2020-printed-N.csv", "celikbilek-ozdemir-2020-model.json"], CLI_PUBLISHED);
    const r = expectOk(dir, ["analyze", "celikbilek-ozdemir-2020-printed-N.csv", "--model", "celikbilek-ozdemir-2020-model.json", "--scale", "0:1", "--json"]);
    const out = JSON.parse(r.stdout);
    expect(out.components).toEqual(fx.components);
    expect(out.meta.experts).toHaveLength(1);
    for (const key of ["given", "received", "prominence", "relation"] as const) {
      (fx.printed[key] as string[]).forEach((printed, i) => expectPrinted(out[key][i], printed, `${key}[${fx.components[i]}]`));
    }
    expectPrinted(out.threshold.value, fx.printed.thresholdValue, "threshold");
    expect(out.role).toEqual(["cause", "effect", "effect", "cause", "cause"]); // causes K1, K4, K5 as the vignette reads the diagram
  });

  it("Celikbilek (2018), ten criteria, as asserted by JMcDM: the integer direct matrix in long layout reproduces D and R to 7 decimals, hence D+R and D−R, and the threshold to 6", () => {
    const fx = fixture("celikbilek-2018-ten-criteria.json");
    const dir = folderWith(["celikbilek-2018-direct-long.csv", "celikbilek-2018-model.json"], CLI_PUBLISHED);
    const long = readFileSync(join(dir, "celikbilek-2018-direct-long.csv"), "utf8").trim().split("\n").slice(1);
    expect(long).toHaveLength(90);
    for (const line of long) {
      const [, from, to, value] = line.split(",");
      expect(Number(value)).toBe(fx.direct[fx.components.indexOf(from)][fx.components.indexOf(to)]);
    }
    const out = JSON.parse(expectOk(dir, ["analyze", "celikbilek-2018-direct-long.csv", "--model", "celikbilek-2018-model.json", "--json"]).stdout);
    fx.printed.given.forEach((p, i) => expectPrinted(out.given[i], p, `D[${i}]`));
    fx.printed.received.forEach((p, i) => expectPrinted(out.received[i], p, `R[${i}]`));
    // D+R and D−R are not printed: compare with the sums of the printed D and R, within both half-units.
    fx.printed.given.forEach((d, i) => {
      const r = fx.printed.received[i];
      const tol = halfUnit(d) + halfUnit(r) + 1e-15;
      expect(Math.abs(out.prominence[i] - (Number(d) + Number(r)))).toBeLessThanOrEqual(tol);
      expect(Math.abs(out.relation[i] - (Number(d) - Number(r)))).toBeLessThanOrEqual(tol);
    });
    expectPrinted(out.threshold.value, fx.printed.thresholdValue, "threshold");
  });
});
