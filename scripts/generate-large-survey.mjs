// A large SYNTHETIC survey for timing (issue 9), never committed:
//   node scripts/generate-large-survey.mjs --n 100 --experts 500 [--seed 1] [--out build/large/n100-k500]
// writes <out>.csv (blocks layout: one row per expert and "from" component, ratings 0–4 drawn uniformly)
// and <out>.model.json (n components C001…, 4 layers of equal size, outermost first).
// The ratings come from a seeded integer generator (mulberry32), so the same arguments give the same files.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

function parseArgs(argv) {
  const o = { n: 100, expertCount: 500, seed: 1, out: undefined };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    const value = argv[i + 1];
    if (key === "out") o.out = value;
    else if (key === "n" || key === "seed") o[key] = Number(value);
    else if (key === "experts") o.expertCount = Number(value);
    else throw new Error(`generate-large-survey: unknown option ${argv[i]} (use --n, --experts, --seed, --out)`);
  }
  if (!Number.isInteger(o.n) || o.n < 4) throw new Error("generate-large-survey: --n must be an integer ≥ 4");
  if (!Number.isInteger(o.expertCount) || o.expertCount < 1) throw new Error("generate-large-survey: --experts must be a positive integer");
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

/** The model and the blocks CSV of a random panel of `expertCount` experts over `n` components. */
export function largeSurvey({ n, expertCount, seed }) {
  const ids = Array.from({ length: n }, (_, i) => `C${String(i + 1).padStart(3, "0")}`);
  const layers = [0, 1, 2, 3].map((l) => ({
    id: `L${l + 1}`,
    name: `Layer ${l + 1}`,
    components: ids.filter((_, i) => Math.floor((i * 4) / n) === l),
  }));
  const model = { title: `Synthetic timing model: ${n} components in 4 layers`, components: ids.map((id) => ({ id, name: `Component ${id}` })), layers };
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const o = parseArgs(process.argv.slice(2));
  const root = fileURLToPath(new URL("..", import.meta.url));
  const out = o.out ?? `${root}build/large/n${o.n}-k${o.expertCount}`;
  const { model, csv } = largeSurvey(o);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(`${out}.csv`, csv);
  writeFileSync(`${out}.model.json`, JSON.stringify(model, null, 2) + "\n");
  console.log(`wrote ${out}.csv (${o.expertCount} experts × ${o.n} components, seed ${o.seed}) and ${out}.model.json`);
}
