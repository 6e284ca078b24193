/**
 * The public surface (src/index.ts) is curated: it names every export, and this test snapshots the
 * list (tests/fixtures/public-api.json) so that nothing joins or leaves it by accident. Values are
 * read from the module at run time; types vanish at run time, so their names are parsed from the
 * `export type { ... }` lines of src/index.ts. The last tests check that what the notebooks, the
 * benchmarks and the scripts use is public.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const CHANGED = "the public surface changed: update tests/fixtures/public-api.json deliberately";
const indexSource = readFileSync(join(ROOT, "src", "index.ts"), "utf8");
const snapshot = JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "public-api.json"), "utf8")) as { values: string[]; types: string[] };

/** Exported names in the `{ ... }` lists of the `export type { ... } from` (or, with `type: false`, `export { ... } from`) lines of src/index.ts. */
function listedExports(type: boolean): string[] {
  const pattern = type ? /^export type \{([^}]*)\}/gm : /^export \{([^}]*)\}/gm;
  return [...indexSource.matchAll(pattern)]
    .flatMap((m) => m[1].split(","))
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => s.split(/\s+as\s+/).pop() as string);
}

const values = Object.keys(api).sort();
const types = listedExports(true).sort();

describe("public API (src/index.ts)", () => {
  it("exports exactly the values in tests/fixtures/public-api.json", () => {
    expect(values, CHANGED).toEqual(snapshot.values);
  });

  it("exports exactly the types in tests/fixtures/public-api.json", () => {
    expect(types, CHANGED).toEqual(snapshot.types);
    expect(new Set(types).size, "a type is exported twice").toBe(types.length);
  });

  it("names every export: no `export *`, and the `export { ... }` lines are the run-time values", () => {
    expect(indexSource).not.toMatch(/export\s*\*/);
    expect(listedExports(false).sort()).toEqual(values);
  });

  it("keeps internals internal: no linear algebra, HTML or file helper is public", () => {
    for (const name of ["luFactor", "luSolve", "toFlat", "escapeHtml", "htmlPage", "writeFileAtomic", "checkOutputFolder", "createDematelKernel"]) {
      expect(values, name).not.toContain(name);
    }
  });
});

describe("what the notebooks, benchmarks and scripts use is public", () => {
  const publicNames = new Set([...values, ...types]);

  it("every `cx.<name>` in a notebook's code cells is exported", () => {
    const dir = join(ROOT, "notebooks");
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ipynb"))) {
      const nb = JSON.parse(readFileSync(join(dir, file), "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
      const code = nb.cells
        .filter((c) => c.cell_type === "code")
        .map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source))
        .join("\n");
      const aliases = [...code.matchAll(/import \* as (\w+) from "(?:\.\/src\/index|cxm-dematel)"/g)].map((m) => m[1]);
      for (const alias of aliases) for (const m of code.matchAll(new RegExp(`\\b${alias}\\.([A-Za-z_]\\w*)`, "g"))) used.add(`${file}: ${m[1]}`);
    }
    expect(used.size).toBeGreaterThan(0);
    const missing = [...used].filter((u) => !publicNames.has(u.split(": ")[1]));
    expect(missing).toEqual([]);
  });

  it("every name bench/ and scripts/ import from the compiled package (dist/index.js) is exported", () => {
    const files = [
      ...readdirSync(join(ROOT, "bench")).map((f) => join("bench", f)),
      ...readdirSync(join(ROOT, "scripts")).map((f) => join("scripts", f)),
    ].filter((f) => /\.(mjs|cjs|js)$/.test(f));
    const used: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*["'](?:\.\.\/dist\/index\.js|cxm-dematel)["']/g)) {
        for (const name of m[1]
          .split(",")
          .map((s) => s.trim().split(/\s+as\s+/)[0])
          .filter(Boolean))
          used.push(`${file}: ${name}`);
      }
    }
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((u) => !values.includes(u.split(": ")[1]))).toEqual([]);
  });
});
