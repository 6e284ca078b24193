import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/runCli.js";
import { COMPARE_FILES } from "../src/cli/compareCommand.js";
import { COMPARE_COMPONENT_COLUMNS, COMPARE_OVERALL_COLUMNS } from "../src/report/compareTables.js";
import { exampleGroupPanel } from "../src/simulate/exampleGroupPanel.js";
import { parseSurvey } from "../src/io/parseSurvey.js";
import { surveyToCsv } from "../src/io/surveyToCsv.js";
import { defaultModel } from "../src/model/model.js";
import type { GroupComparison } from "../src/compare/compareGroups.js";
import { STACK_LINE } from "./cliHarness.js";
import { capture, formulaCells } from "./inProcessCli.js";

// `cxm-dematel compare` run in-process through runCli, as main.js runs it (exit codes, stdout and stderr as a
// user sees them), on the shipped SYNTHETIC two-group panel, on the same experts as two files, on hostile labels
// and on bad input. The statistics themselves are tested against hand counts and simulations in compare.test.ts.
const dir = mkdtempSync(join(tmpdir(), "cxm-compare-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PANEL = "data/surveys/example-groups.csv";
const model = defaultModel();

async function compareJson(args: string[]): Promise<GroupComparison> {
  const c = capture();
  expect(await runCli(["compare", ...args, "--json", "--bootstrap", "0"], c.io)).toBe(0);
  return JSON.parse(c.out.join("")) as GroupComparison;
}

/** The example's two groups written as two survey files, each without the group column. */
function splitExample(): [string, string] {
  const survey = parseSurvey(readFileSync(PANEL, "utf8"), model, { source: PANEL });
  const paths = ["managers", "agents"].map((name, g) => {
    const label = g === 0 ? "managers" : "frontline agents";
    const experts = survey.experts.filter((e) => e.group === label).map(({ group: _group, ...e }) => e);
    const path = join(dir, `${name}.csv`);
    writeFileSync(path, surveyToCsv({ ...survey, experts }, "long"));
    return path;
  });
  return [paths[0], paths[1]];
}

describe("the shipped SYNTHETIC two-group panel (data/surveys/example-groups.csv)", () => {
  it("equals its generator byte for byte: 8 managers and 10 frontline agents with a group column", () => {
    const g = exampleGroupPanel();
    expect(g.file).toBe(PANEL);
    expect(readFileSync(PANEL).equals(Buffer.from(g.csv, "utf8"))).toBe(true);
    expect(g.csv.split("\r\n")[0]).toBe("expert,from," + model.components.map((c) => c.id).join(",") + ",group");
    const s = parseSurvey(g.csv, model, { source: PANEL });
    expect(s.experts.map((e) => e.group)).toEqual([...Array(8).fill("managers"), ...Array(10).fill("frontline agents")]);
    expect(s.experts.map((e) => e.expert).slice(6, 10)).toEqual(["M07", "M08", "A01", "A02"]);
  });
});

describe("cxm-dematel compare: end to end", () => {
  it("with no survey compares the shipped example: exact over C(18, 8) = 43,758 splits, finds the planted EMP difference, says SYNTHETIC", async () => {
    const c = capture();
    expect(await runCli(["compare", "--bootstrap", "0"], c.io)).toBe(0);
    const text = c.out.join("");
    expect(text).toContain("SYNTHETIC");
    expect(text).toContain("Compared managers (8 experts) with frontline agents (10 experts)");
    expect(text).toContain("exact over all 43,758 distinct splits");
    expect(text).toMatch(/Components that differ .*\(EMP\)/);
    const r = await compareJson([]);
    expect(r.meta.permutation).toMatchObject({ method: "exact", relabellings: 43758, evaluated: 43758, halved: false });
    expect(r.groups.map((g) => [g.label, g.experts.length])).toEqual([
      ["managers", 8],
      ["frontline agents", 10],
    ]);
    const relation = r.overall.find((o) => o.statistic === "relation-distance")!;
    expect(relation.p).toBeLessThan(0.01);
    // Only the planted components can differ after adjustment: EMP does, and no component that was generated alike.
    const differing = r.components.filter((x) => x.pAdjusted < 0.05).map((x) => `${x.id} ${x.measure}`);
    expect(differing).toContain("EMP relation");
    for (const d of differing) expect(["EMP relation", "INF relation"]).toContain(d);
    expect(Object.keys(r.perGroup)).toEqual(["managers", "frontline agents"]);
    expect(r.layerTests?.map((t) => t.group)).toEqual(["managers", "frontline agents"]);
  });

  it("the same experts as two files (compare a b --labels) give the same statistics and p-values as --by group", async () => {
    const [a, b] = splitExample();
    const one = await compareJson([PANEL, "--by", "group"]);
    const two = await compareJson([a, b, "--labels", "managers,frontline agents"]);
    expect(two.groups).toEqual(one.groups);
    expect(two.overall).toEqual(one.overall);
    expect(two.components).toEqual(one.components);
    const named = await compareJson([a, b]);
    expect(named.groups.map((g) => g.label)).toEqual(["managers", "agents"]);
  });

  it("--max-exact below the count switches to seeded Monte Carlo with --permutations splits: reproducible, and another seed differs", async () => {
    const args = [PANEL, "--max-exact", "1000", "--permutations", "999"];
    const r = await compareJson([...args, "--seed", "5"]);
    expect(r.meta.permutation).toMatchObject({ method: "monte-carlo", evaluated: 999, seed: 5 });
    // p = (1 + #)/(1 + 999): a whole number of thousandths, at least one.
    for (const o of r.overall) {
      expect(Math.abs(o.p * 1000 - Math.round(o.p * 1000))).toBeLessThan(1e-9);
      expect(o.p).toBeGreaterThanOrEqual(1 / 1000);
    }
    expect((await compareJson([...args, "--seed", "5"])).overall).toEqual(r.overall);
    expect((await compareJson([...args, "--seed", "6"])).overall).not.toEqual(r.overall);
  });

  it("--out writes compare.json, two CSV tables and compare.html (all at once); no cell is a formula", async () => {
    const out = join(dir, "out");
    const c = capture();
    expect(await runCli(["compare", PANEL, "--out", out, "--bootstrap", "200"], c.io)).toBe(0);
    expect(c.out.join("")).toContain(`Wrote 4 files to ${out}/`);
    expect(readdirSync(out).sort()).toEqual([...COMPARE_FILES].sort());
    const json = JSON.parse(readFileSync(join(out, "compare.json"), "utf8")) as GroupComparison;
    const overall = Papa.parse<string[]>(readFileSync(join(out, "compare-overall.csv"), "utf8").trim()).data;
    expect(overall[0]).toEqual([...COMPARE_OVERALL_COLUMNS]);
    expect(overall.slice(1).map((r) => [r[0], Number(r[1]), Number(r[2])])).toEqual(json.overall.map((o) => [o.statistic, o.value, o.p]));
    const components = readFileSync(join(out, "compare-components.csv"), "utf8");
    const rows = Papa.parse<string[]>(components.trim()).data;
    expect(rows[0]).toEqual([...COMPARE_COMPONENT_COLUMNS]);
    expect(rows.length).toBe(1 + 2 * model.components.length);
    expect(formulaCells(components)).toEqual([]);
    const html = readFileSync(join(out, "compare.html"), "utf8");
    expect(html).toContain("SYNTHETIC EXAMPLE DATA");
    expect(html).toContain("Relation D−R per component, by expert group");
    expect(html.match(/class="plot" id="fig\d+"/g)?.length).toBe(3);
    // The group interval of the plot comes from each group's bootstrap.
    expect(json.perGroup.managers.layers?.bootstrap?.B).toBe(200);
  });

  it("labels holding HTML and formulas are escaped in the report and guarded in the CSV", async () => {
    const [a, b] = splitExample();
    const out = join(dir, "hostile");
    expect(
      await runCli(
        ["compare", a, b, "--labels", '<img src=x onerror=alert(1)>,=HYPERLINK("http://x")', "--out", out, "--quiet", "--bootstrap", "0"],
        capture().io,
      ),
    ).toBe(0);
    const html = readFileSync(join(out, "compare.html"), "utf8");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(formulaCells(readFileSync(join(out, "compare-components.csv"), "utf8"))).toEqual([]);
  });
});

describe("cxm-dematel compare: an undefined statistic", () => {
  it("a group whose ratings are all alike (S_trend undefined) still writes every file: the undefined cells are empty, the text says n/a", async () => {
    const lines = readFileSync(PANEL, "utf8").trimEnd().split("\r\n");
    const flat = [
      lines[0],
      ...lines.slice(1).map((l) =>
        l.endsWith(",frontline agents")
          ? l
              .split(",")
              .map((c, i, all) => (i >= 2 && i < all.length - 1 && c !== "" ? "2" : c))
              .join(",")
          : l,
      ),
    ];
    const path = join(dir, "flat-agents.csv");
    writeFileSync(path, flat.join("\r\n") + "\r\n");
    const out = join(dir, "flat-out");
    const c = capture();
    expect(await runCli(["compare", path, "--epsilon", "0.01", "--bootstrap", "0", "--max-exact", "100", "--permutations", "199", "--out", out], c.io)).toBe(0);
    expect(c.err.join("")).not.toMatch(/internal error/); // the copied-block warnings of the flat group are expected
    expect(c.out.join("")).toMatch(/trend-difference\s+n\/a/);
    const overall = Papa.parse<string[]>(readFileSync(join(out, "compare-overall.csv"), "utf8").trim()).data;
    expect(overall.find((r) => r[0] === "trend-difference")?.slice(1, 3)).toEqual(["", ""]);
    expect(readdirSync(out).sort()).toEqual([...COMPARE_FILES].sort());
  });
});

describe("cxm-dematel compare: bad input and usage", () => {
  async function fails(args: string[], code: number): Promise<string> {
    const c = capture();
    expect(await runCli(["compare", ...args], c.io)).toBe(code);
    const err = c.err.join("");
    expect(err).not.toMatch(STACK_LINE);
    return err;
  }

  it("a survey without a group column, or with one group, is bad input located at the file (exit 1), nothing written", async () => {
    const out = join(dir, "never");
    expect(await fails(["data/surveys/example-panel.csv", "--out", out], 1)).toMatch(/example-panel\.csv.*no group column/);
    expect(existsSync(out)).toBe(false);
    const one = join(dir, "one-group.csv");
    writeFileSync(one, readFileSync(PANEL, "utf8").replace(/,frontline agents\r\n/g, ",managers\r\n"));
    expect(await fails([one], 1)).toContain('every expert is in group "managers"');
  });

  it("a group of one expert and two surveys of different scales are named, all problems at once", async () => {
    const [a] = splitExample();
    const small = join(dir, "small.csv");
    writeFileSync(
      small,
      readFileSync(a, "utf8")
        .split("\r\n")
        .filter((l, i) => i === 0 || l.startsWith("M01,"))
        .join("\r\n") + "\r\n",
    );
    const err = await fails([a, small, "--scale", "0:4"], 1);
    expect(err).toContain("has 1 expert (M01)");
  });

  it("methods and options the comparison cannot run are usage errors (exit 2), never a crash", async () => {
    expect(await fails([PANEL, "--method", "fuzzy"], 2)).toContain("classic method only");
    expect(await fails([PANEL, "--aggregation", "median"], 2)).toContain("--aggregation mean only");
    const [a, b] = splitExample();
    expect(await fails([a, b, "--by", "group"], 2)).toContain("--by reads the group column of one survey");
    expect(await fails([PANEL, "--labels", "x,y"], 2)).toContain("--labels names the groups of two surveys");
    expect(await fails([a, b, "--labels", "only-one"], 2)).toContain("--labels needs two names");
    expect(await fails([PANEL, "--permutations", "0"], 2)).toContain("--permutations must be an integer ≥ 1");
  });

  it("--help prints the command's usage", async () => {
    const c = capture();
    expect(await runCli(["compare", "--help"], c.io)).toBe(0);
    expect(c.out).toEqual(["help compare"]);
  });
});
