import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliHarness, ROOT, sha256 as sha, STACK_LINE as NO_STACK, type CliRun } from "./cliHarness.js";

// The CLI is compiled once into a private folder and run as a user runs it (tests/cliHarness.ts).
const harness = cliHarness("test");
const MAIN = harness.main;
const EXAMPLE = join(ROOT, "data", "surveys", "example-panel.csv");
/** The strongly layered panel, whose first rows the edits below rewrite (fixed text, unlike the example's). */
const STRONG = join(ROOT, "data", "surveys", "strong-panel.csv");
const NULL_PANEL = join(ROOT, "data", "surveys", "null-panel.csv");
let work: string;

function cli(args: string[], cwd = work): CliRun {
  return harness.run(args, cwd);
}

beforeAll(() => {
  harness.build();
  work = mkdtempSync(join(tmpdir(), "cxm-cli-"));
}, 120_000);
afterAll(() => {
  harness.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("cxm-dematel --version / --help", () => {
  it("--version prints the package version, exit 0", () => {
    const r = cli(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });
  it("--help and <command> --help print usage on stdout, exit 0", () => {
    for (const args of [["--help"], ["analyze", "--help"], ["check", "--help"], ["template", "--help"], ["layers", "--help"], ["power", "--help"]]) {
      const r = cli(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Usage: cxm-dematel/);
    }
  });
});

describe("cxm-dematel check --help / template --help", () => {
  it("check --help says exit 1 also for a well-formed survey the default analysis would stop on (all zeros, no total-relation matrix)", () => {
    const r = cli(["check", "--help"]);
    expect(r.status).toBe(0);
    const text = r.stdout.replace(/\s+/g, " ");
    expect(text).toContain(
      "1 when it has problems, and also when it is well formed but the default analysis would stop (every rating 0, or no total-relation matrix",
    );
  });

  it("template --help says missing folders are created and an existing file needs --force", () => {
    const r = cli(["template", "--help"]);
    expect(r.status).toBe(0);
    const text = r.stdout.replace(/\s+/g, " ");
    expect(text).toContain("Missing folders in the --out path are created");
    expect(text).toContain("an existing file is never overwritten unless --force is given");
  });
});

describe("cxm-dematel analyze", () => {
  it("on the embedded example panel: exit 0, the five files, the report path, the synthetic note; the input file untouched", () => {
    const before = sha(EXAMPLE);
    const out = join(work, "res");
    const r = cli(["analyze", "--out", out, "--bootstrap", "300"]);
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Report: ${join(out, "report.html")}`);
    expect(r.stdout).toContain("SYNTHETIC");
    expect(readdirSync(out).sort()).toEqual(["components.csv", "edges.csv", "report.html", "results.json", "total-relation.csv"]);
    expect(sha(EXAMPLE)).toBe(before);

    const json = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(json.components).toEqual(["LEAD", "CUL", "GOV", "STR", "BPM", "PRC", "INF", "INT", "EMP", "INS"]);
    expect(json.total).toHaveLength(10);
    expect(json.meta.synthetic).toBe(true);
    expect(json.meta.source).toBe("data/surveys/example-panel.csv");
    expect(json.layers.trend.assignments).toBe(25200);
    expect(json.layers.bootstrap.B).toBe(300);

    const html = readFileSync(join(out, "report.html"), "utf8");
    const plotly = readFileSync(join(ROOT, "node_modules/plotly.js-dist-min/plotly.min.js"), "utf8");
    const probe = plotly.slice(200, 400);
    expect(html.split(probe).length - 1).toBe(1);
    expect(html).toContain("SYNTHETIC EXAMPLE DATA");
    expect(readFileSync(join(out, "components.csv"), "utf8").split("\r\n")[0]).toBe("id,name,layer,D,R,prominence,relation,role,weight");
    expect(readFileSync(join(out, "total-relation.csv"), "utf8").split("\r\n")[1].startsWith("LEAD,")).toBe(true);
    expect(readFileSync(join(out, "edges.csv"), "utf8").split("\r\n")[0]).toBe("from,to,value");
  }, 120_000);

  it("works from any directory through a symlinked bin (as node_modules/.bin/cxm-dematel): finds the example panel and Plotly", () => {
    const bin = join(work, "bin");
    mkdirSync(bin, { recursive: true });
    const link = join(bin, "cxm-dematel");
    if (!existsSync(link)) symlinkSync(MAIN, link);
    const elsewhere = mkdtempSync(join(tmpdir(), "cxm-elsewhere-"));
    try {
      const r = spawnSync(process.execPath, [link, "analyze", "--bootstrap", "0", "--out", "r"], { cwd: elsewhere, encoding: "utf8" });
      expect(r.status).toBe(0);
      expect(readdirSync(join(elsewhere, "r")).sort()).toEqual(["components.csv", "edges.csv", "report.html", "results.json", "total-relation.csv"]);
      expect(readFileSync(join(elsewhere, "r", "report.html"), "utf8").length).toBeGreaterThan(4_000_000);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);

  it("--json prints only the results object on stdout, and writes no files without --out", () => {
    const dir = mkdtempSync(join(work, "json-"));
    const r = cli(["analyze", EXAMPLE, "--json", "--bootstrap", "0", "--threshold", "mmde"], dir);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    for (const k of [
      "components",
      "direct",
      "normalized",
      "total",
      "given",
      "received",
      "prominence",
      "relation",
      "role",
      "weights",
      "threshold",
      "edges",
      "panel",
    ])
      expect(json).toHaveProperty(k);
    expect(json.threshold.method).toBe("mmde");
    expect(json.edges[0]).toEqual({ from: expect.any(String), to: expect.any(String), value: expect.any(Number) });
    expect(json.meta.synthetic).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it("--impute mean: imputed cells and warnings go to stderr and into every output; stdout stays pure JSON", () => {
    const s = join(work, "gappy.csv");
    writeFileSync(s, readFileSync(STRONG, "utf8").replace("E01,LEAD,,3,", "E01,LEAD,2,3,").replace("E02,CUL,4,,4,", "E02,CUL,,,4,"));
    const refused = cli(["analyze", s, "--json"]);
    expect(refused.status).toBe(1);
    const out = join(work, "gappy-out");
    const r = cli(["analyze", s, "--impute", "mean", "--json", "--out", out, "--bootstrap", "0"]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.meta.imputed).toEqual([{ expert: "E02", from: "CUL", to: "LEAD" }]);
    expect(r.stderr).toMatch(/warnings?:/);
    expect(r.stderr).toMatch(/gappy\.csv:2/);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("1 missing rating was imputed");
  });

  it("a bad survey: exit 1, every problem located (file:row, column, expected, found), no stack trace", () => {
    const bad = join(work, "bad.csv");
    writeFileSync(bad, readFileSync(STRONG, "utf8").replace("E01,LEAD,,3,", "E01,LEAD,,9,").replace("E01,CUL,2,", "E01,CUL,lots,"));
    const r = cli(["analyze", bad, "--out", join(work, "never")]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${bad}:2`);
    expect(r.stderr).toContain(`${bad}:3`);
    expect(r.stderr).toMatch(/column "CUL"/);
    expect(r.stderr).toMatch(/found "9"/);
    expect(r.stderr).toMatch(/found "lots"/);
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(existsSync(join(work, "never"))).toBe(false);
  });

  it("an infeasible matrix (every row sum equal): exit 1 with the remedies, no stack trace", () => {
    const model = join(work, "two.json");
    writeFileSync(
      model,
      JSON.stringify({
        components: [
          { id: "A", name: "a" },
          { id: "B", name: "b" },
        ],
      }),
    );
    const s = join(work, "equal.csv");
    writeFileSync(s, "expert,from,to,value\nE1,A,B,2\nE1,B,A,2\n");
    const r = cli(["analyze", s, "--model", model, "--json"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/spectral radius/);
    expect(r.stderr).toMatch(/--epsilon/);
    expect(r.stderr).not.toMatch(NO_STACK);
    const fixed = cli(["analyze", s, "--model", model, "--json", "--epsilon", "0.5"]);
    expect(fixed.status).toBe(0);
  });

  it("an all-zero survey: exit 1 with a plain message; a negative --scale: exit 2", () => {
    const model = join(work, "two-zero.json");
    writeFileSync(
      model,
      JSON.stringify({
        components: [
          { id: "A", name: "a" },
          { id: "B", name: "b" },
        ],
      }),
    );
    const s = join(work, "zero.csv");
    writeFileSync(s, "expert,from,to,value\nE1,A,B,0\nE1,B,A,0\n");
    const r = cli(["analyze", s, "--model", model, "--json"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("there is no influence to analyse");
    expect(r.stderr).not.toContain("internal error");
    expect(cli(["analyze", s, "--model", model, "--scale=-1:3"]).status).toBe(2);
  });

  it("refuses to write an output over the survey (output path equal to input), leaving it untouched", () => {
    const dir = join(work, "clash");
    mkdirSync(dir);
    const survey = join(dir, "edges.csv");
    copyFileSync(EXAMPLE, survey);
    const before = sha(survey);
    const r = cli(["analyze", survey, "--out", dir, "--bootstrap", "0"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/refusing to write an output over an input file/);
    expect(sha(survey)).toBe(before);
    expect(readdirSync(dir)).toEqual(["edges.csv"]);
  });

  it("unknown option: exit 2, suggests the closest option, usage on stderr", () => {
    const r = cli(["analyze", "--ot", "x"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option --ot (did you mean --out?)");
    expect(r.stderr).toContain("Usage: cxm-dematel analyze");
    expect(r.stdout).toBe("");
  });

  it("wrong usage: a missing value, a bad choice, an unknown command → exit 2", () => {
    expect(cli(["analyze", "--out"]).status).toBe(2);
    const choice = cli(["analyze", "--aggregation", "meen"]);
    expect(choice.status).toBe(2);
    expect(choice.stderr).toContain("did you mean mean?");
    const cmd = cli(["analyse"]);
    expect(cmd.status).toBe(2);
    expect(cmd.stderr).toContain('unknown command "analyse" (did you mean analyze?)');
    expect(cli([]).status).toBe(2);
  });
});

describe("cxm-dematel template / check", () => {
  it("template → check round trip reports every blank as a missing rating (exit 1)", () => {
    const t = join(work, "blank.csv");
    const made = cli(["template", "--out", t, "--experts", "2"]);
    expect(made.status).toBe(0);
    expect(made.stdout).toContain(t);
    const r = cli(["check", t]);
    expect(r.status).toBe(1);
    // the survey reader's wording of "missing rating": the expert, the cells, and the count
    expect(r.stderr).toContain("expert E1 has no rating for LEAD→CUL");
    expect(r.stderr).toContain("expert E2 has no rating for LEAD→CUL");
    expect(r.stderr).toMatch(/90 missing/);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it("template refuses to overwrite an existing file without --force", () => {
    const t = join(work, "filled.csv");
    copyFileSync(EXAMPLE, t);
    const before = sha(t);
    const r = cli(["template", "--out", t]);
    expect(r.status).toBe(1);
    expect(sha(t)).toBe(before);
    expect(cli(["template", "--out", t, "--force", "--layout", "long", "--experts", "1"]).status).toBe(0);
    expect(readFileSync(t, "utf8").split("\r\n")[0]).toMatch(/^expert,from,to,value/);
  });

  it("template without --out is wrong usage (exit 2)", () => {
    expect(cli(["template"]).status).toBe(2);
  });

  it("check on a valid survey prints the summary (experts, components, warnings), exit 0", () => {
    const r = cli(["check", EXAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("experts:    14");
    expect(r.stdout).toContain("components: 10 (LEAD, CUL, GOV, STR, BPM, PRC, INF, INT, EMP, INS)");
    expect(r.stdout).toContain("warnings:   0");
  });

  it("check without a survey is wrong usage (exit 2)", () => {
    expect(cli(["check"]).status).toBe(2);
  });
});

describe("cxm-dematel layers / power", () => {
  it("layers --json on the layered example rejects the null (exact p over 25,200 assignments) and has the issue's keys", () => {
    const r = cli(["layers", "--json", "--bootstrap", "200", "--seed", "7"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const k of ["trend", "flow", "signs", "orders", "suggestedLayer", "bootstrap", "ism", "micmac", "sensitivity"]) expect(j).toHaveProperty(k);
    expect(j.trend).toMatchObject({ method: "exact", assignments: 25200 });
    expect(j.trend.p).toBeLessThan(0.05);
    expect(j.bootstrap).toMatchObject({ B: 200, seed: 7 });
  }, 60_000);

  it("layers on the null panel prints the verdict in plain words, exit 0", () => {
    const r = cli(["layers", NULL_PANEL, "--bootstrap", "0"]);
    expect(r.status).toBe(0);
    // the null panel: p = 0.070, so no significant evidence for the ordering (and not evidence against it)
    expect(r.stdout).toMatch(/The experts' data give no significant evidence for the proposed ordering/);
    expect(r.stdout).toContain("not evidence against the model");
    expect(r.stdout).toContain("SYNTHETIC");
  }, 60_000);

  it("layers with a model without layers: exit 1", () => {
    const model = join(work, "flat.json");
    writeFileSync(
      model,
      JSON.stringify({
        components: [
          { id: "A", name: "a" },
          { id: "B", name: "b" },
        ],
      }),
    );
    const r = cli(["layers", "--model", model]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/at least two layers/);
  });

  it("power and layers with a model without layers, or with one layer: exit 1 with the same plain message (not 'found 0 layer(s)'), before any simulation", () => {
    const flat = join(work, "flat-power.json");
    writeFileSync(
      flat,
      JSON.stringify({
        components: [
          { id: "A", name: "a" },
          { id: "B", name: "b" },
        ],
      }),
    );
    const one = join(work, "one-layer.json");
    writeFileSync(
      one,
      JSON.stringify({
        components: [
          { id: "A", name: "a" },
          { id: "B", name: "b" },
        ],
        layers: [{ id: "L1", name: "all", components: ["A", "B"] }],
      }),
    );
    for (const [model, message] of [
      [flat, `${flat}, column "layers": the model has no layers, so there is no proposed ordering to test`],
      [one, `${one}, column "layers": the model has only one layer, so there is no ordering of layers to test`],
    ] as const) {
      const power = cli(["power", "--model", model, "--sims", "10", "--experts", "5:5:1"]);
      const layers = cli(["layers", "--model", model, "--bootstrap", "0"]);
      for (const r of [power, layers]) {
        expect(r.status).toBe(1);
        expect(r.stdout).toBe("");
        expect(r.stderr).toContain(message);
        expect(r.stderr).not.toMatch(/layer\(s\)/);
        expect(r.stderr).not.toMatch(NO_STACK);
      }
      expect(power.stderr).not.toMatch(/simulated panels/);
      // One source for the message: the two commands print the same problem line.
      expect(power.stderr.split("\n").find((l) => l.includes(model))).toBe(layers.stderr.split("\n").find((l) => l.includes(model)));
    }
  });

  it("layers with a 9-layer model runs every test but the ranking of the 9! layer orders, and says why (text and --json)", () => {
    const FIX = join(ROOT, "tests", "fixtures", "adversarial");
    const args = ["layers", join(FIX, "nine-components.csv"), "--model", join(FIX, "model-nine-layers.json"), "--bootstrap", "30"];
    const text = cli(args);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/S_trend = -?\d\.\d{3}\s+p = \S+\s+\(exact, 362,880 assignments[;)]/);
    expect(text.stdout).toContain("layer orders: not ranked (9 layers; see the note below)");
    expect(text.stdout).toContain("Note: The layer orders were not ranked: the model has 9 layers, so there are 9! = 362,880 orders");
    expect(text.stderr).not.toMatch(NO_STACK);
    const j = JSON.parse(cli([...args, "--json"]).stdout);
    expect(j).not.toHaveProperty("orders");
    expect(j.trend.assignments).toBe(362880);
    expect(j.bootstrap.B).toBe(30);
    expect(j.notes[0]).toMatch(/^The layer orders were not ranked/);
  }, 60_000);

  it("power --json with a small simulation prints { settings, curves } (one curve for one δ); progress never on stdout", () => {
    const r = cli(["power", "--json", "--experts", "5:10:5", "--sims", "20", "--workers", "1", "--seed", "3", "--delta", "0.1"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).sort()).toEqual(["curves", "settings"]);
    expect(j.curves).toHaveLength(1);
    expect(j.curves[0].panelSizes).toEqual([5, 10]);
    expect(j.curves[0].power).toHaveLength(2);
    expect(j.curves[0].settings).toMatchObject({ sims: 20, seed: 3, delta: 0.1, significanceLevel: 0.05 });
    expect(j.settings).toMatchObject({ sims: 20, seed: 3, deltas: [0.1], deltasSource: "--delta", panelSizes: [5, 10] });
    // results format 2 still writes the format-1 names beside the new ones (README "Results format 2")
    expect(j.curves[0].experts).toEqual([5, 10]);
    expect(j.settings.alpha).toBe(0.05);
    expect(j.settings).not.toHaveProperty("delta");
    expect(r.stderr).toMatch(/power: 40 simulated panels/);
  }, 120_000);

  it("power --delta a,b: one curve per δ with the same seeds, so each equals the single-δ run", () => {
    const args = ["power", "--json", "--experts", "4:8:4", "--sims", "30", "--workers", "1", "--seed", "5"];
    const both = JSON.parse(cli([...args, "--delta", "0.02,0.05"]).stdout);
    const alone = JSON.parse(cli([...args, "--delta", "0.05"]).stdout);
    expect(both.settings.deltas).toEqual([0.02, 0.05]);
    expect(both.curves.map((c: { settings: { delta: number } }) => c.settings.delta)).toEqual([0.02, 0.05]);
    expect(both.curves[1].rejections).toEqual(alone.curves[0].rejections);
    expect(both.curves[1].power).toEqual(alone.curves[0].power);
  }, 120_000);

  it("power --workers 2 through the built command gives exactly the numbers of --workers 1 (and really uses 2 workers)", () => {
    const args = ["power", "--json", "--experts", "4:8:4", "--sims", "60", "--seed", "2", "--delta", "0,0.05"];
    const two = JSON.parse(cli([...args, "--workers", "2"]).stdout);
    const one = JSON.parse(cli([...args, "--workers", "1"]).stdout);
    expect(two.settings.workersUsed).toBe(2);
    expect(one.settings.workersUsed).toBe(1);
    for (let d = 0; d < 2; d++) {
      expect(two.curves[d].rejections).toEqual(one.curves[d].rejections);
      expect(two.curves[d].failed).toEqual(one.curves[d].failed);
      expect(two.curves[d].power).toEqual(one.curves[d].power);
    }
  }, 120_000);

  it("power with the default δ list: states it, prints the K × δ table, the smallest K with 80% power per δ, and the saturation note; writes power.csv with one row per δ and K", () => {
    const out = join(work, "power-out");
    const r = cli(["power", "--experts", "5:10:5", "--sims", "20", "--workers", "1", "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("δ = 0.025, 0.05, 0.1, 0.5 (the command's default list");
    expect(r.stdout).toMatch(/K\s+δ = 0\.025\s+δ = 0\.05\s+δ = 0\.10\s+δ = 0\.50/);
    expect(r.stdout).toMatch(/^\s+5(\s+\d\.\d{3}){4}$/m);
    expect(r.stdout).toContain("Smallest K with 80% power: δ = 0.025:");
    expect(r.stdout).toContain(
      "Note: δ = 0.5 is detected almost always even by 5 experts: on a 0–4 scale it means a 1.5-point difference between the outermost and innermost layers",
    );
    const csv = readFileSync(join(out, "power.csv"), "utf8").trim().split("\r\n");
    expect(csv[0]).toBe("delta,experts,power,mcse,rejections,failed");
    expect(csv).toHaveLength(1 + 4 * 2);
    expect(csv[1].startsWith("0.025,5,")).toBe(true);
    const json = JSON.parse(readFileSync(join(out, "power.json"), "utf8"));
    expect(json.settings).toMatchObject({ deltas: [0.025, 0.05, 0.1, 0.5], deltasSource: "command default" });
    const html = readFileSync(join(out, "power.html"), "utf8");
    expect(html).toContain("<th>δ = 0.025</th>");
    expect(html).toContain("Its attainable size here is 4.72%");
  }, 120_000);

  it("power --out that is a file, or runs through a file: exit 1 with a located message before any simulation, nothing written", () => {
    const file = join(work, "power-is-a-file");
    writeFileSync(file, "keep me\n");
    const before = sha(file);
    const args = ["power", "--experts", "5:5:1", "--sims", "10", "--workers", "1", "--delta", "0.1"];
    const onFile = cli([...args, "--out", file]);
    expect(onFile.status).toBe(1);
    expect(onFile.stderr).toContain(`${file}: the output folder given with --out is a file`);
    const through = cli([...args, "--out", join(file, "sub")]);
    expect(through.status).toBe(1);
    expect(through.stderr).toContain(`${join(file, "sub")}: the output folder given with --out cannot be created: a part of its path is a file`);
    for (const r of [onFile, through]) {
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(/simulated panels|EEXIST|ENOTDIR|mkdir/);
      expect(r.stderr).not.toMatch(NO_STACK);
    }
    expect(sha(file)).toBe(before);
  });

  it("power --out whose power.html is taken by a folder: exit 1 before simulating, and neither power.json nor power.csv is written", () => {
    const out = join(work, "power-blocked");
    mkdirSync(join(out, "power.html"), { recursive: true });
    const r = cli(["power", "--experts", "5:5:1", "--sims", "10", "--workers", "1", "--delta", "0.1", "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(out, "power.html")}: an output file's name is taken by a folder`);
    expect(r.stderr).not.toMatch(/simulated panels/);
    expect(readdirSync(out)).toEqual(["power.html"]);
  });

  it("power --out into a folder that does not exist yet: creates it and writes the three files, no temporary files left", () => {
    const out = join(work, "power-new", "deeper");
    const r = cli(["power", "--experts", "5:5:1", "--sims", "10", "--workers", "1", "--delta", "0.1", "--out", out]);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["power.csv", "power.html", "power.json"]);
    expect(JSON.parse(readFileSync(join(out, "power.json"), "utf8")).settings.deltas).toEqual([0.1]);
  });

  it("power --help states the default δ list; a malformed or repeated --delta is wrong usage (exit 2)", () => {
    expect(cli(["power", "--help"]).stdout).toContain("default 0.025,0.05,0.1,0.5");
    for (const bad of ["0.1,,0.2", "0.1,x", "0.1,0.1", ""]) {
      const r = cli(["power", "--delta", bad, "--sims", "1"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--delta/);
    }
  });
});
