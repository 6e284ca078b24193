// The coverage study of the reported intervals (docs/methods.md §7.6; issue 13 item 2):
//   npm run coverage -- [--reps R] [--B B] [--seed S] [--omega 0,0.3] [--delta 0.1,0.2,0.5] [--K 8,14,30]
//                       [--estimand exact|panel] [--student-B B2] [--json-out file.json] [--check] [--from-json file.json]
// Defaults: R = 400 panels per setting, B = 2,000, study seed 1, bootstrap seed 1 (the tool's default), ω = 0,
// the exact estimand. Progress on stderr, the tables on stdout. Single-threaded; the time is printed.
// --student-B B2 adds the studentised (bootstrap-t) interval with jackknife SEs from B2 more replicates (off by
// default: about K/2 more evaluations per replicate). --from-json prints the tables of a saved study and exits.
// --check also runs the whole pipeline (analyzeSurvey, as `layers --json` does) on the first panel of every setting
// and stops if its percentile and BCa intervals differ from the study's by a single bit.
// CXM_DIST=/path/to/dist/ reads the compiled package from elsewhere (default: this repository's dist/).
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { coverageStudy, coverageTables, loadLibrary, panelSeed, analysePanel, settingShifts } from "./coverageStudy.mjs";

const { values } = parseArgs({
  options: {
    reps: { type: "string", default: "400" },
    B: { type: "string", default: "2000" },
    seed: { type: "string", default: "1" },
    omega: { type: "string", default: "0" },
    delta: { type: "string", default: "0.1,0.2,0.5" },
    K: { type: "string", default: "8,14,30" },
    estimand: { type: "string", default: "exact" },
    "json-out": { type: "string" },
    check: { type: "boolean", default: false },
    "student-B": { type: "string", default: "0" },
    "from-json": { type: "string" },
  },
});
if (values["from-json"]) {
  console.log(coverageTables(JSON.parse(readFileSync(values["from-json"], "utf8"))));
  process.exit(0);
}
const list = (s) => s.split(",").map(Number);
const int = (name) => {
  const v = Number(values[name]);
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`coverage: --${name} must be a positive integer, got ${values[name]}`);
  return v;
};
if (!["exact", "panel"].includes(values.estimand)) throw new RangeError(`coverage: --estimand must be exact or panel, got ${values.estimand}`);
const dist = process.env.CXM_DIST ? pathToFileURL(process.env.CXM_DIST.replace(/\/?$/, "/")) : new URL("../dist/", import.meta.url);
const lib = await loadLibrary(dist);
const options = {
  R: int("reps"),
  B: int("B"),
  seed: int("seed"),
  omegas: list(values.omega),
  deltas: list(values.delta),
  Ks: list(values.K),
  estimand: values.estimand,
  studentB: Number(values["student-B"]),
};
if (!Number.isInteger(options.studentB) || options.studentB < 0)
  throw new RangeError(`coverage: --student-B must be an integer ≥ 0, got ${values["student-B"]}`);

if (values.check) await checkAgainstPipeline();

const started = performance.now();
const study = coverageStudy(lib, {
  ...options,
  onProgress: (i, count, r, R) => {
    if (r % 10 === 0 || r === R)
      process.stderr.write(`\rsetting ${i + 1}/${count}: panel ${r}/${R}, ${((performance.now() - started) / 1000).toFixed(0)} s   `);
  },
});
process.stderr.write("\n");
console.log(coverageTables(study));
if (values["json-out"]) writeFileSync(values["json-out"], JSON.stringify({ ...study, wallSeconds: (performance.now() - started) / 1000 }, null, 1) + "\n");

/** The first panel of each setting through analyzeSurvey itself: its intervals must be the study's, bit for bit. */
async function checkAgainstPipeline() {
  const { analyzeSurvey } = await import(new URL("index.js", dist).href);
  const model = lib.defaultModel();
  let index = 0;
  for (const omega of options.omegas)
    for (const delta of options.deltas)
      for (const K of options.Ks) {
        const g = { delta, positionShifts: settingShifts(lib, model, omega) };
        const seed = panelSeed(options.seed, index++, 0);
        const mine = analysePanel(lib, model, g, { K, seed, B: options.B });
        const boot = analyzeSurvey(lib.simulatedSurvey(model, { ...g, expertCount: K, seed }), model, { bootstrap: options.B, seed: 1 }).layers.bootstrap;
        for (const q of ["given", "received", "prominence", "relation", "trend", "flow"]) {
          const theirs = Array.isArray(boot[q]) ? boot[q] : [boot[q]];
          theirs.forEach((iv, i) => {
            const m = mine.intervals[q][i];
            const bcaSame = iv.bca === null ? q === "trend" || m.bcaMissing : !m.bcaMissing && iv.bca.lower === m.bca[0] && iv.bca.upper === m.bca[1];
            if (iv.lower !== m.percentile[0] || iv.upper !== m.percentile[1] || !bcaSame || iv.estimate !== mine.estimates[q][i])
              throw new Error(`coverage --check: ${q}[${i}] differs from analyzeSurvey at ω ${omega} δ ${delta} K ${K}`);
          });
        }
        if (boot.pCause.some((p, i) => p !== mine.pCause[i])) throw new Error(`coverage --check: P(cause) differs at ω ${omega} δ ${delta} K ${K}`);
      }
  process.stderr.write(`check: the first panel of each of ${index} settings gives analyzeSurvey's intervals and P(cause) exactly\n`);
}
