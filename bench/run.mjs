// Benchmarks of the hot paths, on the compiled package:  npm run bench  (= npm run build && node bench/run.mjs)
// Each figure is the median wall-clock time of several runs after warm-up runs (the power curves, which take
// seconds, are run once after a small warm-up). Timings are not asserted by any test: they depend on the machine
// and on its load, which is printed alongside (on a shared 2-core machine, load > 2 inflates every figure).
import { availableParallelism, cpus, loadavg } from "node:os";
import { aggregate, bootstrapExperts, createTrendTest, defaultModel, dematel, examplePanels, layerIndex, powerCurve, simulatePanel } from "../dist/index.js";

const model = defaultModel();
const layerOf = layerIndex(model);
const example = examplePanels()[0];
const panel = simulatePanel(model, example.options); // = data/surveys/example-panel.csv
const direct = aggregate(panel);
const relation = dematel(direct).relation;

function time(fn, { warmup = 3, runs = 15 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  return { runs, median: median(wall), min: Math.min(...wall), cpu: median(cpu) };
}

async function timeOnce(fn) {
  const c = process.cpuUsage();
  const t = performance.now();
  const result = await fn();
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  return { runs: 1, median: wall, min: wall, cpu: (u.user + u.system) / 1000, result };
}

const rows = [];
const add = (what, r, target = "") => rows.push({ what, ...r, target });

console.error(
  `cxm-dematel bench: node ${process.version}, ${cpus()[0]?.model ?? "cpu"} × ${availableParallelism()}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);

add(
  "dematel() on a 10×10 direct matrix",
  time(() => dematel(direct), { warmup: 50, runs: 201 }),
);
add(
  "exact trend enumeration, CXM (createTrendTest: 25,200 assignments)",
  time(() => createTrendTest(layerOf), { warmup: 3, runs: 21 }),
  "≪ 100 ms",
);
const prepared = createTrendTest(layerOf);
add(
  "exact trend p-value, CXM (test(relation) over 25,200)",
  time(() => prepared.test(relation), { warmup: 20, runs: 101 }),
  "≪ 100 ms",
);
add(
  "enumeration + p-value together",
  time(() => createTrendTest(layerOf).test(relation), { warmup: 3, runs: 21 }),
  "≪ 100 ms",
);
add(
  "bootstrapExperts, B = 10,000, n = 10, K = 14, one core",
  time(() => bootstrapExperts(panel, model, { B: 10000, seed: 1 }), { warmup: 3, runs: 11 }),
  "< 100 ms",
);

// Power curves at the default settings (K = 5..40 step 5, δ = 0.5, 1,000 panels per K = 8,000 panels).
await powerCurve(model, { experts: [5], sims: 50, workers: 1 }); // warm-up
const one = await timeOnce(() => powerCurve(model, { workers: 1 }));
add("powerCurve, defaults (8 × 1,000 panels), workers = 1", one);
const all = await timeOnce(() => powerCurve(model, {}));
add(`powerCurve, defaults, workers = ${all.result.settings.workersUsed} (all)`, all);
if (JSON.stringify(one.result.rejections) !== JSON.stringify(all.result.rejections)) throw new Error("power curve differs between 1 and all workers");

const pad = (s, n) => String(s).padEnd(n);
const num = (x) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
console.log(`${pad("benchmark", 70)} ${pad("runs", 5)} ${pad("median ms", 10)} ${pad("min ms", 9)} ${pad("cpu ms*", 9)} target`);
for (const r of rows) console.log(`${pad(r.what, 70)} ${pad(r.runs, 5)} ${pad(num(r.median), 10)} ${pad(num(r.min), 9)} ${pad(num(r.cpu), 9)} ${r.target}`);
console.log(
  `power at defaults: ${one.result.power.map((p, i) => `K=${one.result.experts[i]}: ${p.toFixed(3)}`).join(", ")} (identical with ${all.result.settings.workersUsed} workers)`,
);
console.log("* cpu ms: process CPU time, all threads (median run); median/min ms: wall clock.");
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
