// A large SYNTHETIC survey for timing (issue 9), never committed:
//   node scripts/generate-large-survey.mjs --n 100 --experts 500 [--seed 1] [--layout blocks|long] [--out build/large/n100-k500]
// writes <out>.csv and <out>.model.json (n components C001…, 4 layers of equal size, outermost first). Layout blocks
// (default): one row per expert and "from" component; long: one row per expert, from and to component (expert,from,to,value),
// written a block at a time so that a file of hundreds of MB never sits in memory (n = 100, 600 experts: about 100 MB).
// The ratings (0–4, uniform) come from a seeded integer generator (mulberry32), the same draws in both layouts, so the same
// arguments give the same files and the two layouts the same survey.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

function parseArgs(argv) {
  const o = { n: 100, expertCount: 500, seed: 1, out: undefined, layout: "blocks" };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    const value = argv[i + 1];
    if (key === "out") o.out = value;
    else if (key === "layout") o.layout = value;
    else if (key === "n" || key === "seed") o[key] = Number(value);
    else if (key === "experts") o.expertCount = Number(value);
    else throw new Error(`generate-large-survey: unknown option ${argv[i]} (use --n, --experts, --seed, --layout, --out)`);
  }
  if (!Number.isInteger(o.n) || o.n < 4) throw new Error("generate-large-survey: --n must be an integer ≥ 4");
  if (!Number.isInteger(o.expertCount) || o.expertCount < 1) throw new Error("generate-large-survey: --experts must be a positive integer");
  if (o.layout !== "blocks" && o.layout !== "long") throw new Error("generate-large-survey: --layout must be blocks or long");
  return o;
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The component ids and the model of a synthetic survey over `n` components (4 layers of equal size). */
function largeModel(n) {
  const ids = Array.from({ length: n }, (_, i) => `C${String(i + 1).padStart(3, "0")}`);
  const layers = [0, 1, 2, 3].map((l) => ({
    id: `L${l + 1}`,
    name: `Layer ${l + 1}`,
    components: ids.filter((_, i) => Math.floor((i * 4) / n) === l),
  }));
  const model = { title: `Synthetic timing model: ${n} components in 4 layers`, components: ids.map((id) => ({ id, name: `Component ${id}` })), layers };
  return { ids, model };
}

/** The model and the blocks CSV of a random panel of `expertCount` experts over `n` components. */
export function largeSurvey({ n, expertCount, seed }) {
  const { ids, model } = largeModel(n);
  const random = mulberry32(seed);
  const lines = [["expert", "from", ...ids].join(",")];
  const width = String(expertCount).length;
  for (let k = 0; k < expertCount; k++) {
    const expert = `E${String(k + 1).padStart(width, "0")}`;
    for (let i = 0; i < n; i++) {
      const cells = new Array(n);
      for (let j = 0; j < n; j++) cells[j] = i === j ? "" : String(Math.floor(random() * 5));
      lines.push(`${expert},${ids[i]},${cells.join(",")}`);
    }
  }
  return { model, csv: lines.join("\n") + "\n" };
}

/**
 * Write the long-format CSV (expert,from,to,value; no diagonal rows) of the same random panel as {@link largeSurvey}
 * (the same draws in the same order) to `path`, one expert at a time; returns the model.
 */
export function writeLongSurvey(path, { n, expertCount, seed }) {
  const { ids, model } = largeModel(n);
  const random = mulberry32(seed);
  const width = String(expertCount).length;
  const fd = openSync(path, "w");
  try {
    writeSync(fd, "expert,from,to,value\n");
    for (let k = 0; k < expertCount; k++) {
      const expert = `E${String(k + 1).padStart(width, "0")}`;
      const lines = [];
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) lines.push(`${expert},${ids[i]},${ids[j]},${Math.floor(random() * 5)}\n`);
      writeSync(fd, lines.join(""));
    }
  } finally {
    closeSync(fd);
  }
  return model;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const o = parseArgs(process.argv.slice(2));
  const root = fileURLToPath(new URL("..", import.meta.url));
  const out = o.out ?? `${root}build/large/n${o.n}-k${o.expertCount}`;
  mkdirSync(dirname(resolve(out)), { recursive: true });
  let model;
  if (o.layout === "long") model = writeLongSurvey(`${out}.csv`, o);
  else {
    const survey = largeSurvey(o);
    model = survey.model;
    writeFileSync(`${out}.csv`, survey.csv);
  }
  writeFileSync(`${out}.model.json`, JSON.stringify(model, null, 2) + "\n");
  console.log(`wrote ${out}.csv (${o.layout} layout, ${o.expertCount} experts × ${o.n} components, seed ${o.seed}) and ${out}.model.json`);
}
