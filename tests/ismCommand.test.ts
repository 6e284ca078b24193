import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/runCli.js";
import { renderIsmReport } from "../src/report/renderIsmReport.js";
import { readSsim } from "../src/io/readSsim.js";
import { ismAnalysis } from "../src/structure/ismAnalysis.js";
import { capture } from "./inProcessCli.js";

// The `ism` command run in-process through runCli, as main.js runs it (exit codes and stderr as a user sees them).
const dir = mkdtempSync(join(tmpdir(), "cxm-ism-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const F = (name: string): string => join("tests", "fixtures", "ism", name);

describe("cxm-dematel ism", () => {
  it("--json on one expert's SSIM prints the ISM object with the keys of issue 12", async () => {
    const c = capture();
    expect(await runCli(["ism", F("ssim-one-expert.csv"), "--json"], c.io)).toBe(0);
    const r = JSON.parse(c.out.join("")) as Record<string, unknown>;
    for (const k of ["components", "reachability", "added", "transitive", "levels", "iterations", "micmac"]) expect(r).toHaveProperty(k);
    expect(r.levels).toEqual([["C"], ["B"], ["A"], ["D"]]);
    expect(r.added).toEqual([
      { from: "A", to: "C" },
      { from: "D", to: "B" },
      { from: "D", to: "C" },
    ]);
    expect(c.err).toEqual([]);
  });

  it("a published reachability matrix that is not transitive: warns, lists the missing entries, partitions as given; --out writes three files", async () => {
    const c = capture();
    const out = join(dir, "pub");
    expect(await runCli(["ism", F("scitepress-2021-final-reachability.csv"), "--out", out], c.io)).toBe(0);
    expect(c.err.join("")).toMatch(/not transitive.*C6 → C2/);
    expect(c.out.join("")).toMatch(/1: C15\n {2}2: C1, C4, C7, C10, C12, C13, C14\n/);
    for (const f of ["ism.json", "reachability.csv", "report.html"]) expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("Level partition");
    const closed = capture();
    expect(await runCli(["ism", F("scitepress-2021-final-reachability.csv"), "--close", "--json"], closed.io)).toBe(0);
    expect((JSON.parse(closed.out.join("")) as { added: unknown[] }).added).toHaveLength(22);
  });

  it("several experts: the tie is reported in the text output and the reachability.csv marks 1*", async () => {
    const c = capture();
    const out = join(dir, "three");
    expect(await runCli(["ism", F("ssim-three-experts.csv"), "--out", out], c.io)).toBe(0);
    expect(c.out.join("")).toContain("tie A – C: V ×1, A ×1, O ×1 → X");
    expect(readFileSync(join(out, "reachability.csv"), "utf8").split(/\r?\n/)[2]).toBe("B,1*,1,1,0");
  });

  it("bad input: every problem located, exit 1, nothing written, no stack trace", async () => {
    for (const file of ["ssim-bad.csv", "reachability-bad.csv"]) {
      const c = capture();
      const out = join(dir, `bad-${file}`);
      expect(await runCli(["ism", F(file), "--out", out], c.io)).toBe(1);
      expect(c.err.join("")).toMatch(/problems? in the input/);
      expect(c.err.join("")).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
    const c = capture();
    expect(await runCli(["ism", F("ssim-bad.csv")], c.io)).toBe(1);
    expect(c.err.join("")).toContain('ssim-bad.csv:2, column "C": not an SSIM code for A → C (expected V, A, X or O, found "Q")');
  });

  it("unknown component names with --model, and no file: usage error", async () => {
    const model = join(dir, "m.json");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      model,
      JSON.stringify({
        components: [
          { id: "A", name: "Alpha" },
          { id: "B", name: "Beta" },
          { id: "C", name: "Gamma" },
        ],
      }),
    );
    const c = capture();
    expect(await runCli(["ism", F("ssim-one-expert.csv"), "--model", model], c.io)).toBe(1);
    expect(c.err.join("")).toMatch(/unknown component.*found "D"/);
    expect(await runCli(["ism"], capture().io)).toBe(2);
  });

  it("the report marks 1* entries, shows every iteration and escapes component names", () => {
    const html = renderIsmReport(ismAnalysis(readSsim(",<b>A</b>,B,C\n<b>A</b>,,V,O\nB,,,V\nC,,,\n", "x.csv")), { plotlyJs: "/* plotly */", source: "x.csv" });
    expect(html).toContain("&lt;b&gt;A&lt;/b&gt;");
    expect(html).not.toContain("<b>A</b>");
    expect(html).toContain('<td class="hi">1*</td>');
    expect(html.match(/<h3>Iteration \d+/g)).toEqual(["<h3>Iteration 1", "<h3>Iteration 2", "<h3>Iteration 3"]);
  });
});
