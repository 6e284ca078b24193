import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The text of plotly.min.js from the installed `plotly.js-dist-min`
 * package, resolved as Node resolves the package's own dependency: from this
 * module's file (`import.meta.url`), so it works from any working directory,
 * through a symlinked bin and when npm hoists the dependency.
 * @throws {Error} when the library cannot be found (a broken installation).
 * @example
 * renderReport(result, model, { plotlyJs: plotlyScript() });
 */
export function plotlyScript(): string {
  let file: string;
  try {
    file = createRequire(import.meta.url).resolve("plotly.js-dist-min");
  } catch {
    throw new Error("cannot find the plotly.js-dist-min package (needed to inline the charts into report.html); reinstall cxm-dematel with `npm ci`");
  }
  return readFileSync(file, "utf8");
}
