/**
 * Static checks of the committed research notebooks (issue 4): they are
 * committed without outputs, use the repo's tslab kernel, start with a title
 * and a setup cell (seed, data paths, the library imported by its package
 * name, never by a path), label the
 * example data as synthetic, embed Plotly once (through cx.createNotebookDisplay),
 * read only files that exist, and call only functions the library exports. Executing them is the job of
 * `node scripts/notebooks.mjs` (needs Jupyter and Chromium), not of vitest.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as cx from "../src/index.js";

interface Cell {
  cell_type: "markdown" | "code" | "raw";
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}
interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name?: string } };
  nbformat: number;
}

const dir = join(process.cwd(), "notebooks");
const expected = [
  "01-quickstart",
  "02-panel-quality",
  "03-layer-ordering",
  "04-uncertainty-and-sensitivity",
  "05-planning-a-study",
  "06-your-own-study",
  "07-variants",
  "08-contact-centre-study",
];
const text = (s: string | string[]): string => (Array.isArray(s) ? s.join("") : s);
const load = (name: string): Notebook => JSON.parse(readFileSync(join(dir, `${name}.ipynb`), "utf8")) as Notebook;

describe("notebooks/", () => {
  it("holds exactly the notebooks of issue 4, the variants notebook of issue 12 and the contact-centre study of issue 10", () => {
    const found = readdirSync(dir)
      .filter((f) => f.endsWith(".ipynb"))
      .map((f) => f.replace(/\.ipynb$/, ""))
      .sort();
    expect(found).toEqual(expected);
  });

  describe.each(expected)("%s", (name) => {
    const nb = load(name);
    const code = nb.cells.filter((c) => c.cell_type === "code").map((c) => text(c.source));
    const markdown = nb.cells
      .filter((c) => c.cell_type === "markdown")
      .map((c) => text(c.source))
      .join("\n");
    const all = code.join("\n");

    it("is nbformat 4 and runs on the repo's tslab kernel", () => {
      expect(nb.nbformat).toBe(4);
      expect(nb.metadata.kernelspec?.name).toBe("tslab");
    });

    it("is committed without outputs or execution counts", () => {
      for (const cell of nb.cells.filter((c) => c.cell_type === "code")) {
        expect(cell.outputs).toEqual([]);
        expect(cell.execution_count).toBeNull();
      }
    });

    it("starts with a markdown title naming its number, then a setup cell with the seed, paths and the package import", () => {
      expect(nb.cells[0].cell_type).toBe("markdown");
      expect(text(nb.cells[0].source)).toMatch(new RegExp(`^# ${name.slice(0, 2)} · \\S`));
      const setup = code[0];
      expect(setup).toMatch(/const SEED = \d+;/);
      expect(setup).toMatch(/const (SURVEY_PATH|SIMS) = /);
      expect(setup).toContain('import * as cx from "cxm-dematel";');
    });

    it("imports the library by its package name (as an installed library), never by a path", () => {
      // Every module specifier of an import, export-from, require() or import(): packages only.
      const specifiers = [...all.matchAll(/\bfrom\s*["']([^"']+)["']|\b(?:require|import)\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm)].map(
        (m) => m[1] ?? m[2] ?? m[3],
      );
      expect(specifiers).toContain("cxm-dematel");
      expect(specifiers.filter((s) => /^(\.|\/|[A-Za-z]:)|(^|\/)(src|dist)(\/|$)/.test(s))).toEqual([]);
      // Nor path tricks around the import: no file of the library's source or build is named in a code cell.
      expect(all).not.toMatch(/(^|[^\w.-])(src|dist)\/|cxm-dematel\//);
    });

    it("labels the example data as SYNTHETIC and cites the model's paper", () => {
      expect(markdown).toContain("SYNTHETIC");
      expect(markdown).toContain("Mardazad Navi");
    });

    it("shows charts and tables through the library's createNotebookDisplay (Plotly embedded once), with no copy of the old helper", () => {
      // The library is read once per notebook (06 hands the same text, nb.plotlyJs, to writeResultFiles).
      expect(all.split("plotly.js-dist-min/plotly.min.js").length - 1).toBe(1);
      const helper = code.filter((c) => c.includes("cx.createNotebookDisplay("));
      expect(helper).toHaveLength(1);
      expect(helper[0]).toMatch(/^const show = \(figure: cx\.NotebookFigure\): void => tslab\.display\.html\(nb\.plot\(figure\)\);$/m);
      expect(helper[0]).toMatch(/^const showTable = .*=> tslab\.display\.html\(nb\.table\(header, rows, digits\)\);$/m);
      expect(helper[0].split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("//")).length).toBeLessThanOrEqual(5);
      // Drawing, escaping and the require.js guard live in src/plots/notebookDisplay.ts only.
      expect(all.replace(/\/\/.*$/gm, "")).not.toMatch(/Plotly\.newPlot|plotCount|cxmDefine|<table>/);
      expect(all).toMatch(/\bshow\(/);
    });

    it("reads only repository files that exist", () => {
      const paths = [...all.matchAll(/"((?:data|node_modules)\/[^"]+\.(?:csv|json|js))"/g)].map((m) => m[1]);
      expect(paths.length).toBeGreaterThan(0);
      for (const p of paths) expect(existsSync(join(process.cwd(), p)), p).toBe(true);
    });

    it("calls only functions and classes that src/index.ts exports", () => {
      const used = new Set([...all.matchAll(/\bcx\.([A-Za-z_]\w*)\s*\(/g), ...all.matchAll(/instanceof cx\.([A-Za-z_]\w*)/g)].map((m) => m[1]));
      expect(used.size).toBeGreaterThan(0);
      const exported = cx as unknown as Record<string, unknown>;
      for (const fn of used) expect(typeof exported[fn], `cx.${fn}`).toBe("function");
    });

    it("avoids object shorthand for top-level variables (tslab does not rewrite it)", () => {
      // tslab turns top-level `const x` into `exports.x` but leaves `{ x }` alone, which then fails at run time.
      const topLevel = new Set([...all.matchAll(/^(?:const|let) ([A-Za-z_]\w*)/gm)].map((m) => m[1]));
      // Innermost brace groups (not template `${…}`), split at commas: a bare top-level name is shorthand.
      const groups = [...all.matchAll(/(?<!\$)\{([^{}]*)\}/g)].map((m) => m[1]);
      const shorthand = groups.flatMap((g) => g.split(",").map((item) => item.trim())).filter((item) => topLevel.has(item));
      expect(shorthand).toEqual([]);
    });
  });
});

describe("scripts/notebooks.mjs checks", async () => {
  // A path held in a variable, so TypeScript does not look for declarations of the plain-JS runner.
  const runnerPath = join(process.cwd(), "scripts", "notebooks.mjs");
  const runner = (await import(runnerPath)) as {
    notebookProblems: (nb: unknown) => Array<{ cell: number; codeCell: number; firstLine: string; message: string; stdout: string }>;
    chartDivsInNotebook: (nb: unknown) => number;
    drawnCharts: (dom: string) => number[];
  };

  it("notebookProblems(nb) reports a tslab stderr stream with its cell, first line, message and prior stdout", () => {
    const nb = {
      cells: [
        { cell_type: "markdown", source: "# t" },
        { cell_type: "code", source: "const a = 1;", outputs: [] },
        {
          cell_type: "code",
          source: ["\n", "// step 2\n", "throw new Error('x');"],
          outputs: [
            { output_type: "stream", name: "stdout", text: "reading…\n" },
            {
              output_type: "stream",
              name: "stderr",
              text: [
                "evalmachine.<anonymous>:3\n",
                "Error: bad survey\n",
                "    at evalmachine.<anonymous>:3:7\n",
                "    at Script.runInThisContext (node:vm:135:14)\n",
              ],
            },
          ],
        },
      ],
    };
    const problems = runner.notebookProblems(Object.freeze(nb));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ cell: 3, codeCell: 2, firstLine: "// step 2", stdout: "reading…" });
    expect(problems[0].message).toContain("Error: bad survey");
    expect(problems[0].message).not.toContain("node:vm"); // node internals are dropped
  });

  it("notebookProblems(nb) reports an error output (kernels other than tslab) and nothing for clean cells", () => {
    const clean = { cells: [{ cell_type: "code", source: "1", outputs: [{ output_type: "stream", name: "stdout", text: "1" }] }] };
    expect(runner.notebookProblems(clean)).toEqual([]);
    const failed = {
      cells: [
        { cell_type: "code", source: "f()", outputs: [{ output_type: "error", ename: "TypeError", evalue: "f is not a function", traceback: ["a", "b"] }] },
      ],
    };
    const [p] = runner.notebookProblems(failed);
    expect(p.message).toBe("TypeError: f is not a function\na\nb");
  });

  it("chartDivsInNotebook(nb) counts cxm-plot divs in HTML outputs; drawnCharts(dom) counts main-svg per div", () => {
    const html = '<script>lib</script><div class="cxm-plot" id="p1"></div><script>draw</script>';
    const nb = {
      cells: [
        {
          cell_type: "code",
          source: "",
          outputs: [
            { output_type: "display_data", data: { "text/html": html } },
            { output_type: "display_data", data: { "text/html": [html] } },
          ],
        },
      ],
    };
    expect(runner.chartDivsInNotebook(nb)).toBe(2);
    const dom =
      '<div class="cxm-plot js-plotly-plot" id="p1"><svg class="main-svg"></svg><svg class="main-svg"></svg></div><p>text</p><div class="cxm-plot" id="p2"></div>';
    expect(runner.drawnCharts(dom)).toEqual([2, 0]);
    expect(runner.drawnCharts("<p>no charts</p>")).toEqual([]);
  });
});
