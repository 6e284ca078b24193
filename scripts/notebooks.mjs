#!/usr/bin/env node
/**
 * Execute the research notebooks headlessly and check that they worked.
 *
 *   node scripts/notebooks.mjs [names…] [--jobs N] [--no-browser] [--no-build] [--self-test] [--typecheck]
 *
 * --jobs N: notebooks processed at a time (default min(2, cores)).
 *
 * The notebooks import the library by its package name, `import * as cx from
 * "cxm-dematel"`, i.e. the BUILT package (dist/): so first
 *   0. `npm run build` (skipped with --no-build, e.g. by scripts/test.mjs,
 *      which has just built), and link `node_modules/cxm-dematel` to the
 *      repository (scripts/jupyterKernel.mjs, linkPackage).
 * Then for each notebook (default: every notebooks/NN-*.ipynb; a name may be
 * a prefix such as `01` or `03-layer`, or a path to any .ipynb):
 *   1. execute it with the repo's tslab kernel (which type-checks each cell
 *      against dist/index.d.ts with tslab's TypeScript 5.0 before running it):
 *      `jupyter nbconvert --to notebook --execute --allow-errors
 *       --ExecutePreprocessor.timeout=300` into build/notebooks/;
 *   2. fail on any `error` output or `stderr` stream in any cell — tslab
 *      reports a failing cell only as stderr text — printing the notebook,
 *      the cell number, the cell's first source line and the error text;
 *   3. convert the executed notebook to HTML (build/notebooks/NAME.html);
 *   4. load the HTML in headless Chromium (`--dump-dom`,
 *      `--virtual-time-budget`) and fail unless every chart div the notebook
 *      produced (`class="cxm-plot"`) holds a drawn Plotly chart (at least one
 *      `class="main-svg"` element).
 * Then prints a summary with timings and exits 1 if anything failed.
 *
 * `--typecheck` only type-checks the notebooks' code cells, without Jupyter
 * and without running them: each notebook's cells go, in order, through
 * tslab's own converter (its bundled TypeScript 5.0, CommonJS, node10
 * resolution, the options the kernel compiles with), each cell seeing the
 * declarations of the cells before it, exactly as in the kernel. Any
 * diagnostic fails, reported like an execution failure (about 3 s a notebook).
 *
 * `--self-test` proves the failure paths: it builds deliberately broken
 * notebooks under build/notebooks/self-test/ (one cell throws; one cell
 * misuses a type of the package; one chart is never drawn) and exits 0 only
 * if the runner (and --typecheck, for the type error) reports each failure
 * with the right cell and message.
 *
 * Works from any working directory. Needs `jupyter` (nbconvert, nbclient,
 * jupyter-client) and `chromium` (or CHROMIUM=/path/to/chrome), except for
 * --typecheck; see notebooks/README.md.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPackage, jupyterEnv, kernelDisplayName, kernelName, linkPackage, packageName, registerKernel, root } from "./jupyterKernel.mjs";

const notebooksDir = join(root, "notebooks");
const buildDir = join(root, "build", "notebooks");
const EXECUTE_TIMEOUT_S = 300;
const CHROMIUM_BUDGET_MS = 15000;
const MAX_NOTEBOOK_BYTES = 10 * 1024 * 1024;

/** Run a command; resolve with { code, stdout, stderr, seconds }. Never rejects on a non-zero exit. */
function run(cmd, args, options = {}) {
  const started = process.hrtime.bigint();
  return new Promise((resolvePromise) => {
    let child;
    try {
      child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
    } catch (err) {
      resolvePromise({ code: 127, stdout: "", stderr: String(err), seconds: 0 });
      return;
    }
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const done = (code, extra = "") => resolvePromise({ code, stdout, stderr: stderr + extra, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    child.on("error", (err) => done(127, `\n${cmd}: ${err.message}`));
    child.on("close", (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** Text of a notebook field that may be a string or a list of lines. */
const text = (v) => (Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "");

/** Drop stack-frame noise of tslab/node internals so the user's message stands out. */
function cleanError(message) {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC (\u001b)
  const lines = message.replace(/\u001b\[[0-9;]*m/g, "").split("\n");
  const kept = lines.filter((l) => !/^\s+at .*(node_modules[\\/]tslab|node:vm|node:internal|sigintHandlersWrap)/.test(l));
  const out = kept.join("\n").trim().split("\n");
  return out.slice(0, 25).join("\n") + (out.length > 25 ? "\n…" : "");
}

/**
 * Problems in an executed notebook: every cell with an `error` output or a
 * `stderr` stream, as { cell, codeCell, firstLine, message }.
 */
export function notebookProblems(nb) {
  const problems = [];
  let codeCell = 0;
  nb.cells.forEach((cell, index) => {
    if (cell.cell_type !== "code") return;
    codeCell += 1;
    const messages = [];
    for (const out of cell.outputs ?? []) {
      if (out.output_type === "error") {
        // Traceback entries are separate lines without newlines of their own.
        const tb = Array.isArray(out.traceback) ? out.traceback.join("\n") : text(out.traceback);
        messages.push(`${out.ename}: ${out.evalue}${tb ? "\n" + tb : ""}`);
      } else if (out.output_type === "stream" && out.name === "stderr") {
        messages.push(text(out.text));
      }
    }
    if (messages.length > 0) {
      const firstLine =
        text(cell.source)
          .split("\n")
          .find((l) => l.trim() !== "") ?? "";
      // What the cell printed before failing often explains the error (e.g. every located survey problem).
      const printed = (cell.outputs ?? [])
        .filter((o) => o.output_type === "stream" && o.name === "stdout")
        .map((o) => text(o.text))
        .join("")
        .trimEnd();
      const stdout = printed ? printed.split("\n").slice(-15).join("\n") : "";
      problems.push({ cell: index + 1, codeCell, firstLine, message: cleanError(messages.join("\n")), stdout });
    }
  });
  return problems;
}

/** A chart div as src/plots/notebookDisplay.ts writes it (`class="cxm-plot"`), in outputs and in the rendered DOM alike. */
const CHART_DIV = /<div[^>]*class="cxm-plot[" ]/g;

/** Number of chart divs (`class="cxm-plot"`) the notebook's outputs contain. */
export function chartDivsInNotebook(nb) {
  let count = 0;
  for (const cell of nb.cells) {
    for (const out of cell.outputs ?? []) {
      const html = out.data?.["text/html"];
      if (html) count += (text(html).match(CHART_DIV) ?? []).length;
    }
  }
  return count;
}

/**
 * Per chart div in a DOM dump, the number of Plotly `class="main-svg"`
 * elements between it and the next chart div (Plotly draws 2–3 per chart).
 */
export function drawnCharts(dom) {
  const starts = [...dom.matchAll(CHART_DIV)].map((m) => m.index);
  return starts.map((start, i) => {
    const segment = dom.slice(start, i + 1 < starts.length ? starts[i + 1] : dom.length);
    return (segment.match(/class="main-svg"/g) ?? []).length;
  });
}

/**
 * Type-check one notebook's code cells the way the tslab kernel compiles
 * them, without running them: tslab's converter, one cell after another, each
 * given the declarations the previous cell left (what the kernel keeps
 * between cells). Stops at the first cell with a diagnostic, as the kernel
 * effectively does (later cells would fail for want of its declarations).
 * The converter resolves modules from the working directory, so this runs
 * with the repository root as working directory, as the kernel does.
 * @returns { name, ok, failures, cells, seconds }.
 */
export function typecheckNotebook(file) {
  const name = basename(file, ".ipynb");
  const started = process.hrtime.bigint();
  const result = { name, ok: true, failures: [], cells: 0, seconds: 0 };
  const nb = JSON.parse(readFileSync(file, "utf8"));
  const { createConverter } = createRequire(join(root, "package.json"))("tslab/dist/converter.js");
  const cwd = process.cwd();
  process.chdir(root);
  const converter = createConverter();
  try {
    let declarations = "";
    let codeCell = 0;
    for (const [index, cell] of nb.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      codeCell += 1;
      result.cells = codeCell;
      const source = text(cell.source);
      const converted = converter.convert(declarations, source);
      if (converted.diagnostics.length > 0) {
        const firstLine = source.split("\n").find((l) => l.trim() !== "") ?? "";
        // The kernel prints diagnostics in this form (tslab's executor, printDiagnostics).
        const message = converted.diagnostics
          .map((d) => `${d.fileName ? d.fileName + " " : ""}${d.start.line + 1}:${d.start.character + 1} - ${d.messageText}`)
          .join("\n");
        result.ok = false;
        result.failures.push(`${name}, cell ${index + 1} (code cell ${codeCell}): ${firstLine}\n${cleanError(message).replace(/^/gm, "    ")}`);
        break;
      }
      declarations = converted.declOutput ?? "";
    }
  } finally {
    converter.close();
    process.chdir(cwd);
  }
  result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return result;
}

function findChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const c of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]) {
    if (existsSync(c)) return c;
  }
  return "chromium";
}

/** Load an HTML file in headless Chromium and return its DOM after scripts ran. */
async function dumpDom(htmlFile) {
  const profile = mkdtempSync(join(tmpdir(), "cxm-chromium-"));
  try {
    const args = [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      "--allow-file-access-from-files",
      // The notebooks are checked offline: any attempt to reach the network fails at once.
      "--host-resolver-rules=MAP * ~NOTFOUND",
      `--user-data-dir=${profile}`,
      `--virtual-time-budget=${CHROMIUM_BUDGET_MS}`,
      "--window-size=1280,2000",
      "--dump-dom",
      `file://${htmlFile}`,
    ];
    return await run(findChromium(), args, { timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Resolve command-line names to notebook files. */
function selectNotebooks(names) {
  const all = readdirSync(notebooksDir)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort();
  if (names.length === 0) return all.map((f) => join(notebooksDir, f));
  const picked = [];
  for (const name of names) {
    const asPath = resolve(process.cwd(), name);
    if (name.endsWith(".ipynb") && existsSync(asPath)) {
      picked.push(asPath);
      continue;
    }
    const matches = all.filter((f) => f.startsWith(name) || f === `${name}.ipynb`);
    if (matches.length === 0) throw new Error(`no notebook matches "${name}" (have: ${all.join(", ")})`);
    picked.push(...matches.map((f) => join(notebooksDir, f)));
  }
  return [...new Set(picked)];
}

/**
 * Execute, check, convert and render one notebook. Returns a result with
 * `ok`, `failures` (strings to print) and per-stage timings in seconds.
 */
async function processNotebook(file, { outDir, browser }) {
  const name = basename(file, ".ipynb");
  const result = { name, ok: true, failures: [], times: {}, charts: 0, drawn: 0, bytes: 0 };
  const fail = (msg) => {
    result.ok = false;
    result.failures.push(msg);
  };
  mkdirSync(outDir, { recursive: true });
  if (resolve(outDir) === resolve(file, "..")) throw new Error(`${file}: the output dir must differ from the notebook's own dir`);
  const executed = join(outDir, `${name}.ipynb`);
  rmSync(executed, { force: true });

  const exec = await run(
    "jupyter",
    [
      "nbconvert",
      "--to",
      "notebook",
      "--execute",
      "--allow-errors",
      `--ExecutePreprocessor.timeout=${EXECUTE_TIMEOUT_S}`,
      `--ExecutePreprocessor.kernel_name=${kernelName}`,
      "--output-dir",
      outDir,
      "--output",
      `${name}.ipynb`,
      file,
    ],
    { env: jupyterEnv(), cwd: root },
  );
  result.times.execute = exec.seconds;
  if (exec.code !== 0 || !existsSync(executed)) {
    fail(`${name}: nbconvert --execute failed (exit ${exec.code}):\n${cleanError(exec.stderr).split("\n").slice(-20).join("\n")}`);
    return result;
  }
  const nb = JSON.parse(readFileSync(executed, "utf8"));
  result.bytes = statSync(executed).size;
  for (const p of notebookProblems(nb)) {
    const printed = p.stdout ? `\n    printed before the error:\n${p.stdout.replace(/^/gm, "      ")}` : "";
    fail(`${name}, cell ${p.cell} (code cell ${p.codeCell}): ${p.firstLine}\n${p.message.replace(/^/gm, "    ")}${printed}`);
  }
  if (result.bytes > MAX_NOTEBOOK_BYTES)
    fail(`${name}: executed notebook is ${(result.bytes / 1048576).toFixed(1)} MB (limit 10 MB); is Plotly embedded more than once?`);
  result.charts = chartDivsInNotebook(nb);

  const html = join(outDir, `${name}.html`);
  const conv = await run("jupyter", ["nbconvert", "--to", "html", "--output-dir", outDir, "--output", `${name}.html`, executed], {
    env: jupyterEnv(),
    cwd: root,
  });
  result.times.html = conv.seconds;
  if (conv.code !== 0 || !existsSync(html)) {
    fail(`${name}: nbconvert --to html failed (exit ${conv.code}):\n${conv.stderr.split("\n").slice(-15).join("\n")}`);
    return result;
  }
  if (!browser) return result;

  const dom = await dumpDom(html);
  result.times.browser = dom.seconds;
  if (dom.code !== 0 || dom.stdout.length === 0) {
    fail(
      `${name}: headless Chromium failed (exit ${dom.code}):\n${dom.stderr
        .split("\n")
        .filter((l) => !/dbus|Fontconfig/i.test(l))
        .slice(-10)
        .join("\n")}`,
    );
    return result;
  }
  const perChart = drawnCharts(dom.stdout);
  result.drawn = perChart.filter((c) => c > 0).length;
  if (perChart.length < result.charts) {
    fail(`${name}: the notebook produced ${result.charts} chart div(s) but the HTML page shows only ${perChart.length}`);
  }
  perChart.forEach((c, i) => {
    if (c === 0) fail(`${name}: chart ${i + 1} of ${perChart.length} did not draw in Chromium (no class="main-svg" inside its div)`);
  });
  return result;
}

/** Run `fn` over items with at most `jobs` at a time, keeping order of results. */
async function pool(items, jobs, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return results;
}

const fmt = (s) => (s === undefined ? "    –" : `${s.toFixed(1).padStart(5)}s`);

function printSummary(results, totalSeconds) {
  console.log("\nnotebook                              execute   html  browser  charts   size  status");
  for (const r of results) {
    const size = r.bytes ? `${(r.bytes / 1048576).toFixed(1)}MB` : "–";
    console.log(
      `${r.name.padEnd(36)} ${fmt(r.times.execute)} ${fmt(r.times.html)} ${fmt(r.times.browser)}  ${`${r.times.browser === undefined ? "–" : r.drawn}/${r.charts}`.padStart(6)} ${size.padStart(6)}  ${r.ok ? "ok" : "FAILED"}`,
    );
  }
  console.log(`total ${totalSeconds.toFixed(1)}s for ${results.length} notebook(s)`);
}

function cell(source, type = "code") {
  const c = { cell_type: type, metadata: {}, source };
  if (type === "code") Object.assign(c, { execution_count: null, outputs: [] });
  return c;
}

function writeNotebook(file, cells) {
  const nb = {
    cells: cells.map((c, i) => ({ id: `cell-${i + 1}`, ...c })),
    metadata: {
      kernelspec: { name: kernelName, display_name: kernelDisplayName, language: "typescript" },
      language_info: { name: "typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(file, JSON.stringify(nb, null, 1) + "\n");
}

/** Build broken notebooks outside notebooks/ and check that each failure is reported precisely. */
async function selfTest({ browser }) {
  const dir = join(buildDir, "self-test");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const message = "deliberately broken cell: self-test";
  writeNotebook(join(dir, "broken-cell.ipynb"), [
    cell("# Self-test: the third cell throws", "markdown"),
    // Independent of the library (which may be mid-change): the self-test checks the runner only.
    cell('import { readFileSync } from "fs";\nconsole.log(JSON.parse(readFileSync("package.json", "utf8")).name);'),
    cell("const n: number = 2;\nconsole.log(n * 21);"),
    cell(`// the broken cell\nthrow new Error(${JSON.stringify(message)});`),
    cell('console.log("never printed: tslab stops after an error");'),
  ]);
  // The package's declarations (dist/index.d.ts) are what cells are checked against: defaultModel() returns a Model.
  writeNotebook(join(dir, "type-error.ipynb"), [
    cell(`import * as cx from "${packageName}";`),
    cell("// the cell with a type error\nconst count: number = cx.defaultModel();\nconsole.log(count);"),
  ]);
  writeNotebook(join(dir, "undrawn-chart.ipynb"), [
    cell(
      'import * as tslab from "tslab";\n// a chart div whose script never calls Plotly.newPlot\ntslab.display.html(\'<div class="cxm-plot" id="never-drawn" style="height:300px"></div>\');',
    ),
  ]);
  const checks = [];
  const outDir = join(dir, "executed");
  const broken = await processNotebook(join(dir, "broken-cell.ipynb"), { outDir, browser: false });
  const brokenText = broken.failures.join("\n");
  checks.push(["a throwing cell fails the run", !broken.ok]);
  checks.push(["the failure names cell 4 (code cell 3) and its first line", /cell 4 \(code cell 3\): \/\/ the broken cell/.test(brokenText)]);
  checks.push(["the failure shows the thrown message", brokenText.includes(`Error: ${message}`)]);
  checks.push(["only that cell is reported", broken.failures.length === 1]);
  const typeError = await processNotebook(join(dir, "type-error.ipynb"), { outDir, browser: false });
  const typeErrorText = typeError.failures.join("\n");
  const typeMessage = /cell 2 \(code cell 2\): \/\/ the cell with a type error\n\s+2:7 - Type 'Model' is not assignable to type 'number'/;
  checks.push([
    `a type error against the package's declarations (import from "${packageName}") fails the run, with its cell and TypeScript's message`,
    !typeError.ok && typeError.failures.length === 1 && typeMessage.test(typeErrorText),
  ]);
  const typecheck = typecheckNotebook(join(dir, "type-error.ipynb"));
  checks.push([
    "--typecheck reports the same type error without running the notebook",
    !typecheck.ok && typecheck.failures.length === 1 && typeMessage.test(typecheck.failures[0]),
  ]);
  const clean = typecheckNotebook(join(dir, "broken-cell.ipynb"));
  checks.push(["--typecheck passes a notebook whose only fault shows at run time", clean.ok && clean.cells === 4]);
  if (browser) {
    const undrawn = await processNotebook(join(dir, "undrawn-chart.ipynb"), { outDir, browser: true });
    const undrawnText = undrawn.failures.join("\n");
    checks.push(["a chart that never draws fails the run", !undrawn.ok && /chart 1 of 1 did not draw/.test(undrawnText)]);
  }
  // Kernels other than tslab (e.g. Deno's) report a failing cell as an `error` output instead of stderr.
  const errorOutput = notebookProblems({
    cells: [
      { cell_type: "markdown", source: "# title" },
      { cell_type: "code", source: ["const a = 1;\n"], outputs: [{ output_type: "stream", name: "stdout", text: "1\n" }] },
      {
        cell_type: "code",
        source: ["\n", "boom();\n"],
        outputs: [
          {
            output_type: "error",
            ename: "ReferenceError",
            evalue: "boom is not defined",
            traceback: ["\u001b[31mReferenceError: boom is not defined\u001b[0m"],
          },
        ],
      },
    ],
  });
  checks.push([
    "an `error` output is reported with its cell, first line and message",
    errorOutput.length === 1 &&
      errorOutput[0].cell === 3 &&
      errorOutput[0].codeCell === 2 &&
      errorOutput[0].firstLine === "boom();" &&
      errorOutput[0].message.startsWith("ReferenceError: boom is not defined"),
  ]);
  console.log("self-test: what the runner printed for the broken notebook:\n" + brokenText.replace(/^/gm, "  | "));
  console.log("self-test: … and for the notebook with a type error:\n" + typeErrorText.replace(/^/gm, "  | "));
  let ok = true;
  for (const [what, passed] of checks) {
    console.log(`${passed ? "ok  " : "FAIL"} ${what}`);
    ok &&= passed;
  }
  return ok;
}

const USAGE = "usage: node scripts/notebooks.mjs [names…] [--jobs N] [--no-browser] [--no-build] [--self-test] [--typecheck]";

/** Build dist/ (unless `build` is false) and link node_modules/cxm-dematel to the repository; false on failure. */
function preparePackage(build) {
  if (build && !buildPackage()) return false;
  try {
    linkPackage();
  } catch (err) {
    console.error(err.message);
    return false;
  }
  if (!existsSync(join(root, "dist", "index.d.ts"))) {
    console.error(`dist/index.d.ts is missing: the notebooks import the built package; run \`npm run build\` (or drop --no-build)`);
    return false;
  }
  return true;
}

/** --typecheck: every selected notebook through tslab's converter; prints one line per notebook and the failures. */
function typecheckAll(files) {
  const started = process.hrtime.bigint();
  let ok = true;
  for (const file of files) {
    const r = typecheckNotebook(file);
    console.log(`${r.ok ? "ok    " : "FAILED"} ${r.name}: ${r.cells} code cell(s) type-checked with tslab's TypeScript (${r.seconds.toFixed(1)}s)`);
    for (const f of r.failures) console.error(f.replace(/^/gm, "  "));
    ok &&= r.ok;
  }
  console.log(`type check of ${files.length} notebook(s) ${ok ? "passed" : "FAILED"} in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)}s`);
  return ok;
}

async function main() {
  const argv = process.argv.slice(2);
  const names = [];
  // Two notebooks at a time by default: each kernel and nbconvert mostly use one core.
  let jobs = Math.min(2, availableParallelism());
  let browser = true;
  let self = false;
  let build = true;
  let typecheck = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--self-test") self = true;
    else if (a === "--no-browser") browser = false;
    else if (a === "--no-build") build = false;
    else if (a === "--typecheck") typecheck = true;
    else if (a === "--jobs" || a === "-j") jobs = Number(argv[++i]);
    else if (a.startsWith("--jobs=")) jobs = Number(a.slice(7));
    else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      return 0;
    } else if (a.startsWith("-")) {
      console.error(`unknown option ${a}\n${USAGE}`);
      return 2;
    } else names.push(a);
  }
  if (!Number.isInteger(jobs) || jobs < 1) {
    console.error("--jobs needs a positive integer");
    return 2;
  }
  if (typecheck) {
    let files;
    try {
      files = selectNotebooks(names);
    } catch (err) {
      console.error(err.message);
      return 2;
    }
    if (!preparePackage(build)) return 1;
    return typecheckAll(files) ? 0 : 1;
  }
  const jupyter = await run("jupyter", ["nbconvert", "--version"]);
  if (jupyter.code !== 0) {
    console.error(
      "jupyter nbconvert is not installed. Debian/Ubuntu: sudo apt-get install jupyter-nbconvert python3-nbclient python3-jupyter-client; pip: pip install nbconvert nbclient",
    );
    return 1;
  }
  if (browser && (await run(findChromium(), ["--version"])).code !== 0) {
    console.error("chromium is not installed (Debian: sudo apt-get install chromium; or set CHROMIUM=/path/to/chrome, or pass --no-browser)");
    return 1;
  }
  if (!preparePackage(build)) return 1;
  registerKernel();
  if (self) return (await selfTest({ browser })) ? 0 : 1;

  let files;
  try {
    files = selectNotebooks(names);
  } catch (err) {
    console.error(err.message);
    return 2;
  }
  if (files.length === 0) {
    console.error(`no notebooks found in ${relative(process.cwd(), notebooksDir) || "."}`);
    return 1;
  }
  const started = process.hrtime.bigint();
  const results = await pool(files, jobs, async (file) => {
    let r = await processNotebook(file, { outDir: buildDir, browser });
    // tslab's file watcher throws this when a file the cells compile against (dist/*.d.ts) changes
    // while a kernel is compiling (someone rebuilding during the run). It says nothing about the notebook: run it once more.
    if (!r.ok && r.failures.some((f) => f.includes("Unexpected pending rebuildTimer"))) {
      console.log(`retry  ${r.name}: dist/ changed during the run (tslab: "Unexpected pending rebuildTimer")`);
      r = await processNotebook(file, { outDir: buildDir, browser });
    }
    console.log(
      `${r.ok ? "ok    " : "FAILED"} ${r.name} (${Object.values(r.times)
        .reduce((a, b) => a + b, 0)
        .toFixed(1)}s)`,
    );
    for (const f of r.failures) console.error(f.replace(/^/gm, "  "));
    return r;
  });
  printSummary(results, Number(process.hrtime.bigint() - started) / 1e9);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    console.error(`\n${failed.length} notebook(s) failed: ${failed.map((r) => r.name).join(", ")}`);
    return 1;
  }
  console.log(`HTML in ${relative(process.cwd(), buildDir) || "."}/`);
  return 0;
}

// Run only when executed directly, so the checks above can be imported.
const invoked = (() => {
  try {
    return realpathSync(process.argv[1] ?? "") === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invoked) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err?.stack ?? String(err));
      process.exit(1);
    },
  );
}
