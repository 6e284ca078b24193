#!/usr/bin/env node
/**
 * `npm run build:web`: the zero-install browser app, one self-contained file dist/web/cxm-dematel.html.
 *   1. bundle web/worker.ts (the library's own pipeline and report renderer, imported from src/);
 *   2. bundle web/app.ts with that worker code and data/surveys/example-panel.csv and example-groups.csv inside as text
 *      (the page starts the worker from a blob: URL);
 *   3. write the page (web/pageHtml.ts): a Content-Security-Policy allowing no remote source,
 *      plotly.min.js once (plotly.js-dist-min), the app.
 * Node-only modules must not enter the bundle: any import of a Node built-in resolves to
 * a stub, and the build fails if a stub contributes a single byte to the output (that is, if code that
 * is actually used needs it). `node:util` is the one exception: src/io/readSurvey.ts takes its
 * TextDecoder from it, and the browser has the same TextDecoder as a global. The library's
 * `import("exceljs")` resolves to web/excelGlobal.ts; ExcelJS's own browser build (exceljs.min.js) is
 * written into the page once as inert text, and the worker evaluates it only to read or write a workbook.
 * Prints each part's size. Options: --no-minify (readable output, for debugging); --out <file> (write the
 * page there instead of dist/web/cxm-dematel.html — the browser test builds into its own temporary folder).
 */
import * as esbuild from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const minify = !process.argv.includes("--no-minify");
const outAt = process.argv.indexOf("--out");
const out = outAt > 0 && process.argv[outAt + 1] ? resolve(process.argv[outAt + 1]) : join(root, "dist", "web", "cxm-dematel.html");

/** Node built-ins and Node-only packages: stubbed, and refused in the output (see the file's comment). */
const NODE_ONLY = /^(node:.*|fs|path|url|util|os|module|crypto|stream|zlib|buffer|events|worker_threads|child_process)$/;

/** esbuild plugin: Node-only imports → stubs (node:util → the global TextDecoder); the two virtual modules of web/app.ts. */
function browserPlugin(virtual = {}) {
  return {
    name: "cxm-browser",
    setup(build) {
      build.onResolve({ filter: /^cxm:/ }, (args) => ({ path: args.path, namespace: "cxm-virtual" }));
      build.onLoad({ filter: /.*/, namespace: "cxm-virtual" }, (args) => {
        if (!(args.path in virtual)) return { errors: [{ text: `unknown virtual module ${args.path}` }] };
        return { contents: virtual[args.path], loader: "text" };
      });
      // The library's dynamic import("exceljs") → the global that the worker loads from the page's inert copy.
      build.onResolve({ filter: /^exceljs$/ }, () => ({ path: join(root, "web", "excelGlobal.ts") }));
      build.onResolve({ filter: NODE_ONLY }, (args) => ({ path: args.path, namespace: "node-only", sideEffects: false }));
      build.onLoad({ filter: /.*/, namespace: "node-only" }, (args) =>
        args.path === "node:util"
          ? { contents: "export const TextDecoder = globalThis.TextDecoder;", loader: "js" }
          : {
              contents: `module.exports = new Proxy({}, { get() { throw new Error(${JSON.stringify(`${args.path} is not available in the browser`)}); } });`,
              loader: "js",
            },
      );
    },
  };
}

/** Bundle one entry point to a string; fail when a Node-only stub (other than node:util) reached the output. */
async function bundle(entry, virtual) {
  const result = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: ["chrome110", "firefox115", "safari16"],
    minify,
    legalComments: "none",
    charset: "utf8",
    metafile: true,
    logLevel: "warning",
    // Only src/pipeline/threadTask.ts reads import.meta.url, to find the package's worker-thread entry beside itself,
    // and only on Node (process.getBuiltinModule): the page has no such threads, so the URL is never asked for there.
    define: { "import.meta.url": "undefined" },
    outfile: "out.js",
    plugins: [browserPlugin(virtual)],
  });
  const [output] = Object.values(result.metafile.outputs);
  const used = Object.entries(output.inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
  const nodeOnly = used.filter((k) => k.startsWith("node-only:") && k !== "node-only:node:util");
  if (nodeOnly.length > 0) throw new Error(`${entry}: Node-only modules entered the browser bundle: ${nodeOnly.join(", ")}`);
  return { text: result.outputFiles[0].text, inputs: used };
}

/** web/pageHtml.ts, bundled for Node and imported, so the page is assembled by the same typed code the tests read. */
async function pageModule() {
  const result = await esbuild.build({
    entryPoints: [join(root, "web", "pageHtml.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    logLevel: "warning",
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString("base64")}`);
}

const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
const started = performance.now();
const worker = await bundle("web/worker.ts");
const app = await bundle("web/app.ts", {
  "cxm:worker-source": worker.text,
  "cxm:example-panel": readFileSync(join(root, "data", "surveys", "example-panel.csv"), "utf8"),
  "cxm:example-groups": readFileSync(join(root, "data", "surveys", "example-groups.csv"), "utf8"),
});
const plotlyJs = readFileSync(createRequire(import.meta.url).resolve("plotly.js-dist-min"), "utf8");
const excelJs = readFileSync(join(dirname(createRequire(import.meta.url).resolve("exceljs/package.json")), "dist", "exceljs.min.js"), "utf8");
const { pageHtml } = await pageModule();
const html = pageHtml(app.text, plotlyJs, excelJs);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
const size = Buffer.byteLength(html);
process.stdout.write(
  `Wrote ${out.startsWith(root) ? relative(root, out) : out}: ${kb(size)} (${(size / 1e6).toFixed(2)} MB) — ` +
    `plotly.min.js ${kb(Buffer.byteLength(plotlyJs))}, exceljs.min.js ${kb(Buffer.byteLength(excelJs))}, app ${kb(Buffer.byteLength(app.text) - Buffer.byteLength(worker.text))}, ` +
    `worker (library) ${kb(Buffer.byteLength(worker.text))}; ${worker.inputs.filter((k) => k.startsWith("src/")).length} modules of src/; ` +
    `${Math.round(performance.now() - started)} ms\n`,
);
