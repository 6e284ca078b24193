import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Every citation of the methods document in the code, the notebooks and the READMEs must point at a
// section that exists: "docs/methods.md §2.5", lists ("§8.1 and §8.4", "§1.2, §1.4"), ranges ("§5–7",
// "§7.1–7.4"), and Markdown links to a heading anchor ("methods.md#26-maximum-mean-de-entropy-threshold",
// GitHub's slug of the heading). The reference file the project once cited, outside the repository,
// must not be cited any more.

const root = process.cwd();
const DOC = "docs/methods.md";
const SELF = "tests/methodsCitations.test.ts";

/** Section numbers ("2", "2.5") and GitHub anchors of the document's headings. */
function headings(text: string): { numbers: Set<string>; anchors: Set<string> } {
  const numbers = new Set<string>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of text.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const h = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const title = h[1];
    const num = /^(\d+(?:\.\d+)*)\.?\s/.exec(title);
    if (num) numbers.add(num[1]);
    // GitHub's heading slug: lower case, punctuation dropped (letters, digits, spaces, - and _ kept), spaces → -.
    anchors.add(
      title
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-"),
    );
  }
  return { numbers, anchors };
}

/** The files whose citations are checked, repository-relative with forward slashes. */
function sources(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (name === "node_modules" || name.startsWith(".")) continue;
      if (statSync(join(root, rel)).isDirectory()) walk(rel);
      else if (/\.(ts|mts|cts|js|mjs|cjs|md|ipynb)$/.test(name) && rel !== SELF) out.push(rel);
    }
  };
  for (const dir of ["src", "notebooks", "scripts", "tests", "bench"]) if (existsSync(join(root, dir))) walk(dir);
  for (const file of ["README.md", "data/README.md", DOC]) if (existsSync(join(root, file)) && !out.includes(file)) out.push(file);
  return out;
}

/** The text of a file as units to scan: one per notebook cell, the whole file otherwise. */
function units(file: string): Array<{ where: string; text: string }> {
  const raw = readFileSync(join(root, file), "utf8");
  if (!file.endsWith(".ipynb")) return [{ where: file, text: raw }];
  const nb = JSON.parse(raw) as { cells: Array<{ source: string | string[] }> };
  return nb.cells.map((c, k) => ({ where: `${file} cell ${k + 1}`, text: Array.isArray(c.source) ? c.source.join("") : c.source }));
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

/** Every section a "§a–b" range names: both ends, and the numbers between them when they share a parent. */
function rangeSections(a: string, b: string | undefined): string[] {
  if (b === undefined) return [a];
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  if (pa.length !== pb.length || pa.slice(0, -1).join(".") !== pb.slice(0, -1).join(".")) return [a, b];
  const prefix = pa.slice(0, -1);
  const out: string[] = [];
  for (let k = pa[pa.length - 1]; k <= pb[pb.length - 1]; k++) out.push([...prefix, k].join("."));
  return out.length > 0 ? out : [a, b];
}

const CITATION = /docs\/methods\.md((?:\s*,?\s*(?:and\s+)?§\s*\d+(?:\.\d+)*(?:\s*[–-]\s*§?\d+(?:\.\d+)*)?)+)/g;
const REFERENCE = /§\s*(\d+(?:\.\d+)*)(?:\s*[–-]\s*§?(\d+(?:\.\d+)*))?/g;
const ANCHOR = /methods\.md#([\p{L}\p{M}\p{N}_-]+)/gu;
/** Ways the old reference file was cited: by name, by "METHODS §N" (also across a doc-comment line break), "METHODS'", or by its path. */
const OLD_CITATIONS = [/METHODS\.md/, /METHODS\s*§/, /METHODS\s*\n\s*\*\s*§/, /METHODS'/, /\bin METHODS\b/, /\.\.\/shared\//];

describe("citations of docs/methods.md", () => {
  const doc = readFileSync(join(root, DOC), "utf8");
  const { numbers, anchors } = headings(doc);
  const files = sources();

  it("docs/methods.md numbers its sections 1–11, each with subsections where the code cites them", () => {
    for (let s = 1; s <= 11; s++) expect(numbers.has(String(s)), `docs/methods.md has no heading "## ${s}. …"`).toBe(true);
    expect([...numbers].filter((n) => n.includes(".")).length).toBeGreaterThan(40);
  });

  it("every docs/methods.md §N cited in src/, notebooks/, scripts/, tests/, bench/ and the READMEs is a heading of docs/methods.md", () => {
    const missing: string[] = [];
    let cited = 0;
    for (const file of files) {
      for (const { where, text } of units(file)) {
        for (const m of text.matchAll(CITATION)) {
          for (const r of m[1].matchAll(REFERENCE)) {
            for (const section of rangeSections(r[1], r[2])) {
              cited++;
              if (!numbers.has(section))
                missing.push(`${where}:${lineOf(text, m.index ?? 0)}: cites docs/methods.md §${section}, which is not a heading of docs/methods.md`);
            }
          }
        }
      }
    }
    expect(missing).toEqual([]);
    // Guard against a pattern that silently matches nothing: the code cites the document about a hundred times.
    expect(cited).toBeGreaterThan(80);
  });

  it("every link to a docs/methods.md#anchor names a heading of docs/methods.md", () => {
    const missing: string[] = [];
    let links = 0;
    for (const file of files) {
      for (const { where, text } of units(file)) {
        for (const m of text.matchAll(ANCHOR)) {
          links++;
          if (!anchors.has(m[1]))
            missing.push(`${where}:${lineOf(text, m.index ?? 0)}: links to ${DOC}#${m[1]}, which is not the anchor of any heading of docs/methods.md`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(links).toBeGreaterThan(0);
  });

  it("Markdown links to the document use a path that exists from the linking file", () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".md") || f.endsWith(".ipynb"))) {
      for (const { where, text } of units(file)) {
        for (const m of text.matchAll(/\]\(([^)\s#]*methods\.md)(?:#[^)]*)?\)/g)) {
          const target = join(root, file, "..", m[1]);
          if (!existsSync(target) || relative(root, target).split("\\").join("/") !== DOC)
            broken.push(`${where}:${lineOf(text, m.index ?? 0)}: ${m[1]} does not lead to ${DOC}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("nothing cites the old reference file outside the repository (METHODS.md, METHODS §N, ../shared/)", () => {
    const found: string[] = [];
    for (const file of files) {
      for (const { where, text } of units(file)) {
        for (const pattern of OLD_CITATIONS) {
          const m = new RegExp(pattern.source, "g").exec(text);
          if (m) found.push(`${where}:${lineOf(text, m.index)}: ${JSON.stringify(m[0])}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
