// Benchmarks of the hot paths, on the compiled package:  npm run bench  (= npm run build && node bench/run.mjs)
//   npm run bench -- --json      the same rows as JSON: { machine: {...}, rows: [{ id, what, median_ms, min_ms, runs, numpy_ms?, ratio? }] }
//   npm run bench -- --quick     without the large-survey rows (check/analyze at n = 100, K = 500 etc., which take tens of seconds)
// Each figure is the median wall-clock time of several runs after warm-up runs (the power curves and the command-line runs
// on large surveys, which take seconds, are run fewer times). Beside a figure, when python3 with numpy is present, the same
// computation in numpy measured in the same run (bench/numpy_reference.py) and the ratio ours/numpy (< 1: we are faster).
// Timings are not asserted by any test: they depend on the machine and on its load, which is printed alongside (on a shared
// 2-core machine, load > 2 inflates every figure). The large surveys are generated (seeded) into build/bench/, never committed.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import {
  aggregate,
  bootstrapExperts,
  createAssignmentSet,
  createTrendTest,
  defaultModel,
  dematel,
  examplePanels,
  layerIndex,
  powerCurve,
  simulatePanel,
} from "../dist/index.js";
import { largeSurvey, writeLongSurvey } from "../scripts/generate-large-survey.mjs";

const args = new Set(process.argv.slice(2));
const asJson = args.has("--json");
const quick = args.has("--quick");
const root = fileURLToPath(new URL("..", import.meta.url));
const log = (s) => (asJson ? process.stderr : process.stdout).write(s + "\n");

const model = defaultModel();
const layerOf = layerIndex(model);
const example = examplePanels()[0];
const panel = simulatePanel(model, example.options); // = data/surveys/example-panel.csv
const direct = aggregate(panel);
const relation = dematel(direct).relation;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function time(fn, { warmup = 3, runs = 15 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const wall = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
  }
  return { runs, median_ms: median(wall), min_ms: Math.min(...wall) };
}

async function timeAsync(fn, runs) {
  const wall = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    wall.push(performance.now() - t);
  }
  return { runs, median_ms: median(wall), min_ms: Math.min(...wall), result };
}

/** The wall-clock time of a command-line run `node dist/cli/main.js …args` (a fresh process each run, as a user would run it). */
function timeCli(cliArgs, runs) {
  const wall = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [`${root}dist/cli/main.js`, ...cliArgs], { encoding: "utf8", maxBuffer: 1 << 28 });
    wall.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`bench: cxm-dematel ${cliArgs.join(" ")} exited with ${r.status}: ${r.stderr}`);
  }
  return { runs, median_ms: median(wall), min_ms: Math.min(...wall) };
}

/** numpy's timings of the same computations (bench/numpy_reference.py), or the reason there are none. */
function numpyReference() {
  const probe = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return { missing: "numpy not found (python3 -c 'import numpy' failed; on Debian: apt-get install python3-numpy)" };
  mkdirSync(`${root}build/bench`, { recursive: true });
  const spec = `${root}build/bench/numpy-panel.json`;
  writeFileSync(spec, JSON.stringify({ matrices: panel, replicates: 10000, runs: 7 }));
  const out = JSON.parse(execFileSync("python3", [`${root}bench/numpy_reference.py`, spec], { encoding: "utf8" }));
  const worst = Math.max(...out.relation.map((r, i) => Math.abs(r - relation[i])));
  if (!(worst < 1e-9)) throw new Error(`bench: numpy's D − R differs from dematel()'s by ${worst}`);
  return out;
}

const rows = [];
const add = (id, what, r, numpy) => {
  const row = { id, what, median_ms: r.median_ms, min_ms: r.min_ms, runs: r.runs };
  if (numpy?.ms !== undefined) Object.assign(row, { numpy_ms: numpy.ms, ratio: r.median_ms / numpy.ms });
  if (numpy?.loop_ms !== undefined) Object.assign(row, { numpy_loop_ms: numpy.loop_ms, ratio_loop: r.median_ms / numpy.loop_ms });
  rows.push(row);
  log(`  ${id}: ${r.median_ms.toFixed(2)} ms`);
};

const machine = {
  node: process.version,
  cpu: cpus()[0]?.model ?? "cpu",
  cores: availableParallelism(),
  load_before: loadavg(),
};
log(`cxm-dematel bench: node ${machine.node}, ${machine.cpu} × ${machine.cores}, load average ${machine.load_before.map((x) => x.toFixed(2)).join(" ")}`);

const np = numpyReference();
machine.numpy = np.missing ? null : np.numpy;

add(
  "dematel-n10-k14",
  "aggregate + dematel(), n = 10, K = 14 (the example panel)",
  time(() => dematel(aggregate(panel)), { warmup: 50, runs: 201 }),
  { ms: np.dematel_n10_ms },
);
add(
  "trend-enumeration-cxm",
  "exact trend enumeration, CXM (createTrendTest: 25,200 assignments)",
  time(() => createTrendTest(layerOf), { warmup: 3, runs: 21 }),
);
const prepared = createTrendTest(layerOf);
add(
  "trend-exact-cxm",
  "exact trend p-value, CXM (test(relation) over 25,200)",
  time(() => prepared.test(relation), { warmup: 20, runs: 101 }),
);
add(
  "bootstrap-10k-n10-k14",
  "bootstrapExperts, B = 10,000, n = 10, K = 14, one core (numpy: D − R only; numpy_ms batched, numpy_loop_ms per replicate)",
  time(() => bootstrapExperts(panel, model, { B: 10000, seed: 1 }), { warmup: 3, runs: 11 }),
  { ms: np.bootstrap_batched_ms, loop_ms: np.bootstrap_loop_ms },
);
// Issue 12, item 7: the bootstrap over experts on a fuzzy and a grey survey (the example panel's codes 0–4 read as the
// built-in five-term scales): each replicate runs the method itself, so it is slower than the classic kernel.
for (const [id, method, order] of [
  ["bootstrap-fuzzy-first-1k-n10-k14", "fuzzy", "defuzzify-first"],
  ["bootstrap-fuzzy-last-1k-n10-k14", "fuzzy", "defuzzify-last"],
  ["bootstrap-grey-last-1k-n10-k14", "grey", "whiten-last"],
])
  add(
    id,
    `bootstrapExperts, B = 1,000, n = 10, K = 14, --method ${method} --${method === "fuzzy" ? "fuzzy" : "grey"}-order ${order}, one core`,
    time(() => bootstrapExperts(panel, model, { B: 1000, seed: 1, settings: { method, variant: { order } } }), { warmup: 1, runs: 5 }),
  );

// A Monte Carlo trend test at n = 100 (4 layers of 25): the 100,000 seeded draws, then one p-value with all B read
// (a relation that follows the layers, with the stop below α turned off), the same with the sequential rule (it stops
// below α after 200 draws) and one under the null (it stops after 50 exceedances).
{
  const layers100 = Array.from({ length: 100 }, (_, i) => Math.floor(i / 25));
  const set = createAssignmentSet(layers100);
  const test = createTrendTest(layers100, { assignmentSet: set });
  const readAll = createTrendTest(layers100, { assignmentSet: { ...set, significanceLevel: null } });
  const trend = layers100.map((l, i) => -l + ((i * 7919) % 101) / 50);
  const noise = layers100.map((_, i) => ((i * 7919) % 101) / 50);
  add(
    "mc-draws-n100",
    "Monte Carlo assignment set, n = 100, 4 layers, B = 100,000 (createAssignmentSet)",
    time(() => createAssignmentSet(layers100), { warmup: 1, runs: 5 }),
  );
  add(
    "mc-trend-n100-full",
    "Monte Carlo trend p-value, n = 100, all 100,000 draws read (no stop below α)",
    time(() => readAll.test(trend), { warmup: 1, runs: 5 }),
  );
  add(
    "mc-trend-n100-below",
    "Monte Carlo trend p-value, n = 100, p far below α (the sequential rule stops at 200 draws)",
    time(() => test.test(trend), { warmup: 3, runs: 21 }),
  );
  add(
    "mc-trend-n100-null",
    "Monte Carlo trend p-value, n = 100, under the null (sequential stop after 50 exceedances)",
    time(() => test.test(noise), { warmup: 3, runs: 21 }),
  );
}

// Power curves at the default settings (K = 5..40 step 5, δ = 0.5, 1,000 panels per K = 8,000 panels).
await powerCurve(model, { panelSizes: [5], sims: 50, workers: 1 }); // warm-up
const one = await timeAsync(() => powerCurve(model, { workers: 1 }), 3);
add("power-default-1w", "powerCurve, defaults (8 × 1,000 panels), 1 worker", one);
const two = await timeAsync(() => powerCurve(model, { workers: 2 }), 3);
add(`power-default-2w`, `powerCurve, defaults, 2 workers (${two.result.settings.workersUsed} used)`, two);
if (JSON.stringify(one.result.rejections) !== JSON.stringify(two.result.rejections)) throw new Error("bench: the power curve differs between 1 and 2 workers");

if (!quick) {
  // The command line on large synthetic surveys (scripts/generate-large-survey.mjs, seed 1; blocks CSV, ratings 0–4, 4 equal layers).
  mkdirSync(`${root}build/bench`, { recursive: true });
  const survey = (n, expertCount) => {
    const base = `${root}build/bench/n${n}-k${expertCount}`;
    const { model: m, csv } = largeSurvey({ n, expertCount, seed: 1 });
    writeFileSync(`${base}.csv`, csv);
    writeFileSync(`${base}.model.json`, JSON.stringify(m));
    return [`${base}.csv`, "--model", `${base}.model.json`];
  };
  const out = `${root}build/bench/out`;
  const big = survey(100, 500);
  add("check-n100-k500", "cxm-dematel check, n = 100, K = 500 (10 MB blocks CSV)", timeCli(["check", ...big], 3));
  add("check-n100-k125", "cxm-dematel check, n = 100, K = 125", timeCli(["check", ...survey(100, 125)], 3));
  {
    // Issue 9, item b: a 100 MB long-format survey (n = 100, K = 600, seed 1), read in chunks in bounded memory.
    const base = `${root}build/bench/long-n100-k600`;
    writeFileSync(`${base}.model.json`, JSON.stringify(writeLongSurvey(`${base}.csv`, { n: 100, expertCount: 600, seed: 1 })));
    add("read-long-100mb", "cxm-dematel check on a 100 MB long-format survey", timeCli(["check", `${base}.csv`, "--model", `${base}.model.json`], 3));
  }
  const mid = survey(20, 300);
  add("analyze-n20-k300", "cxm-dematel analyze at defaults, n = 20, K = 300", timeCli(["analyze", ...mid, "--out", out], 3));
  add("analyze-n100-k50", "cxm-dematel analyze at defaults, n = 100, K = 50", timeCli(["analyze", ...survey(100, 50), "--out", out], 1));
  add(
    "analyze-n100-k500",
    `cxm-dematel analyze at defaults (--workers ${machine.cores}, all cores), n = 100, K = 500`,
    timeCli(["analyze", ...big, "--out", out], 1),
  );
  add("analyze-n100-k500-1w", "the same with --workers 1 (every stage on one thread)", timeCli(["analyze", ...big, "--out", out, "--workers", "1"], 1));
}
add(
  "dematel-n100-k500",
  "aggregate + dematel(), n = 100, K = 500 (seeded random ratings 0–4)",
  (() => {
    const { csv } = largeSurvey({ n: 100, expertCount: 500, seed: 1 });
    const lines = csv.split("\n").slice(1, -1);
    const matrices = Array.from({ length: 500 }, (_, k) =>
      lines.slice(k * 100, (k + 1) * 100).map((l) =>
        l
          .split(",")
          .slice(2)
          .map((c) => (c === "" ? 0 : Number(c))),
      ),
    );
    return time(() => dematel(aggregate(matrices)), { warmup: 2, runs: 7 });
  })(),
  { ms: np.dematel_n100_k500_ms },
);

machine.load_after = loadavg();
if (asJson) {
  process.stdout.write(JSON.stringify({ machine, rows }, null, 2) + "\n");
} else {
  const pad = (s, n) => String(s).padEnd(n);
  const num = (x) => (x === undefined ? "" : x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
  console.log("");
  console.log(`${pad("id", 24)} ${pad("runs", 5)} ${pad("median ms", 10)} ${pad("min ms", 9)} ${pad("numpy ms", 9)} ${pad("ratio", 6)} what`);
  for (const r of rows) {
    const numpy = r.numpy_ms === undefined ? "" : num(r.numpy_ms);
    const ratio = r.ratio === undefined ? "" : r.ratio.toFixed(2);
    console.log(`${pad(r.id, 24)} ${pad(r.runs, 5)} ${pad(num(r.median_ms), 10)} ${pad(num(r.min_ms), 9)} ${pad(numpy, 9)} ${pad(ratio, 6)} ${r.what}`);
    if (r.numpy_loop_ms !== undefined)
      console.log(
        `${pad("", 24)} ${pad("", 5)} ${pad("", 10)} ${pad("", 9)} ${pad(num(r.numpy_loop_ms), 9)} ${pad(r.ratio_loop.toFixed(2), 6)} (numpy per-replicate loop)`,
      );
  }
  console.log(np.missing ? `numpy: ${np.missing}` : `numpy ${np.numpy} (bench/numpy_reference.py); ratio = ours / numpy, < 1: faster than numpy`);
  console.log(
    `${machine.cores} cores; load average before ${machine.load_before.map((x) => x.toFixed(2)).join(" ")}, after ${machine.load_after.map((x) => x.toFixed(2)).join(" ")}`,
  );
}
