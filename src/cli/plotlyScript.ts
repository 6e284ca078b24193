import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "./packageRoot.js";

/**
 * The text of plotly.min.js from the installed `plotly.js-dist-min`
 * package, resolved the way Node resolves the package's own dependency
 * (from the package root, so it works from any working directory and when
 * npm hoists the dependency), without `import.meta`.
 * @throws {Error} when the library cannot be found (a broken installation).
 * @example
 * renderReport(result, model, { plotlyJs: plotlyScript() });
 */
export function plotlyScript(): string {
  const root = packageRoot();
  const bases = [root ? join(root, "package.json") : undefined, process.argv[1], join(process.cwd(), "package.json")].filter((b): b is string => !!b);
  for (const base of bases) {
    try {
      return readFileSync(createRequire(base).resolve("plotly.js-dist-min"), "utf8");
    } catch {
      /* try the next base */
    }
  }
  throw new Error("cannot find the plotly.js-dist-min package (needed to inline the charts into report.html); reinstall cxm-dematel with `npm ci`");
}
