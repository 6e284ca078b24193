// The machinery of the coverage study (docs/methods.md §7.6), shared by scripts/coverage.mjs (which hands it the
// compiled package, dist/) and tests/coverageStudy.test.ts (which hands it the sources). Every function takes the
// library as its first argument (see LIBRARY_PARTS), so that the same code runs on either.
//
// One panel: the generator of §8.1 draws it, stages 1–2 of the pipeline (surveyBaseline) give its settings and
// baseline, and the bootstrap over experts is the one `layers --json` runs (§7.1: the pipeline's replicate
// evaluator, resampleExperts and the leave-one-expert-out jackknife, with the seed and B of the run). From the
// stored replicates every interval method below is computed; "percentile" and "bca" are the product's own
// (bootstrapInterval.ts, bcaLevels.ts), the others are candidates for issue 13 item 1, not in the product.

/** What the library must provide (src/ or dist/ modules): public exports and a few internals, by name. */
export const LIBRARY_PARTS = [
  "aggregate",
  "bcaLevels",
  "createRandom",
  "createReplicateEvaluator",
  "defaultModel",
  "dematel",
  "flowStatistic",
  "jackknifeExperts",
  "layerIndex",
  "normalCdf",
  "normalQuantile",
  "resampleExperts",
  "simulatePanel",
  "simulatedSurvey",
  "surveyBaseline",
  "trendStatistic",
];

/** Where each library part lives, relative to the package root's src/ or dist/ (".js" in both: NodeNext). */
export const LIBRARY_MODULES = {
  "index.js": ["aggregate", "createRandom", "defaultModel", "dematel", "simulatePanel", "simulatedSurvey"],
  "stats/bcaLevels.js": ["bcaLevels"],
  "stats/standardNormal.js": ["normalCdf", "normalQuantile"],
  "uncertainty/replicateEvaluator.js": ["createReplicateEvaluator"],
  "uncertainty/resampleExperts.js": ["resampleExperts"],
  "uncertainty/jackknifeExperts.js": ["jackknifeExperts"],
  "pipeline/analyzeSurvey.js": ["surveyBaseline"],
  "permutation/trendStatistic.js": ["trendStatistic"],
  "permutation/flowStatistic.js": ["flowStatistic"],
  "model/model.js": ["layerIndex"],
};

/** Import every library part from a folder URL ending in "/" (dist/ or src/ compiled or run by vitest). */
export async function loadLibrary(folderUrl) {
  const lib = {};
  for (const [file, names] of Object.entries(LIBRARY_MODULES)) {
    const m = await import(new URL(file, folderUrl).href);
    for (const name of names) lib[name] = m[name];
  }
  return lib;
}

/** The quantities with intervals: per component (n values) or scalar; `of` reads one from D (n), R (n), S_trend, S_flow. */
export const QUANTITIES = [
  { key: "given", label: "D", reported: true },
  { key: "received", label: "R", reported: true },
  { key: "prominence", label: "D+R", reported: true },
  { key: "relation", label: "D−R", reported: true },
  { key: "trend", label: "S_trend", reported: true, scalar: true },
  { key: "flow", label: "S_flow", reported: true, scalar: true },
  { key: "givenShare", label: "D/ΣD", reported: false },
  { key: "prominenceShare", label: "(D+R)/Σ(D+R)", reported: false },
  { key: "relationShare", label: "(D−R)/ΣD", reported: false },
];

/** Every quantity's values (arrays; scalars as one-element arrays) from D, R, S_trend and S_flow. */
export function quantityValues(D, R, trend, flow) {
  let sum = 0;
  for (const d of D) sum += d;
  const n = D.length;
  const map = (f) => Array.from({ length: n }, (_, i) => f(i));
  return {
    given: map((i) => D[i]),
    received: map((i) => R[i]),
    prominence: map((i) => D[i] + R[i]),
    relation: map((i) => D[i] - R[i]),
    trend: [trend],
    flow: [flow],
    givenShare: map((i) => D[i] / sum),
    prominenceShare: map((i) => (D[i] + R[i]) / (2 * sum)),
    relationShare: map((i) => (D[i] - R[i]) / sum),
  };
}

/**
 * The expected rating E[x_ij] of the generator of docs/methods.md §8.1, exactly: x = round(clip(μ + b + ε, 0, s))
 * with b + ε ~ N(0, σ² + τ²) for one cell (the bias b is shared by an expert's cells, which does not matter for an
 * expectation), so P(x ≥ v) = P(μ + b + ε ≥ v − ½) for v = 1..s (clipping cannot move a value across v − ½, and
 * Math.round rounds halves up), and E[x] = Σ_{v=1..s} Φ((μ − v + ½)/√(σ² + τ²)). With σ = τ = 0 it is round(clip(μ)).
 */
export function expectedRating(lib, mu, sigma, tau, scaleMax) {
  const sd = Math.sqrt(sigma * sigma + tau * tau);
  let e = 0;
  for (let v = 1; v <= scaleMax; v++) {
    const z = mu - v + 0.5;
    e += sd > 0 ? lib.normalCdf(z / sd) : z >= 0 ? 1 : 0;
  }
  return e;
}

/** Generator positions p_i = ℓ(i) + shift_i (1-based layers, §8.1; ω enters as fixed shifts, see `settingShifts`). */
export function positions(model, shifts = {}) {
  const L = model.layers?.length ?? 0;
  const layerOf = new Map();
  (model.layers ?? []).forEach((l, k) => l.components.forEach((c) => layerOf.set(c, k + 1)));
  return model.components.map((c) => (layerOf.get(c.id) ?? (L + 1) / 2) + (shifts[c.id] ?? 0));
}

/** The generator's expected ratings matrix E[x] (exact, {@link expectedRating}); diagonal 0. */
export function expectedRatings(lib, model, g) {
  const p = positions(model, g.positionShifts);
  return p.map((pi, i) => p.map((pj, j) => (i === j ? 0 : expectedRating(lib, g.c + g.delta * (pj - pi), g.sigma, g.tau, g.scaleMax))));
}

/**
 * The estimand of every interval: classic DEMATEL (max normalisation, ε = 0: the analysis's defaults) of the
 * generator's expected ratings matrix, exact (`how: "exact"`) or the mean of a seeded `panelSize`-expert panel
 * (`how: "panel"`), and each quantity's population value.
 */
export function population(lib, model, g, how = "exact", panelSize = 20000, seed = 424242) {
  const ids = model.components.map((c) => c.id);
  const A = how === "exact" ? expectedRatings(lib, model, g) : lib.aggregate(lib.simulatePanel(model, { ...g, expertCount: panelSize, seed }));
  const d = lib.dematel(A, { components: ids });
  const layerOf = lib.layerIndex(model);
  return {
    direct: A,
    spectralRadius: d.spectralRadius,
    trendPlugIn: lib.trendStatistic(layerOf, d.relation),
    values: quantityValues(d.given, d.received, lib.trendStatistic(layerOf, untied(d.relation)), lib.flowStatistic(d.total, layerOf)),
  };
}

/**
 * The relation with its exact ties broken by index (+1e-9·max(1, max|r|)·(i + 1)): the S_trend estimand is the limit of
 * the panel's S_trend as K grows, and a panel's relations are never tied, while with ω = 0 the population's
 * components of one layer are identical (tied). Tau-b ignores the order within a layer, so every tie-break
 * gives the same value: with ties the plug-in S_trend is 1, untied it is the attainable maximum (0.907 for CXM's
 * layer sizes 2, 3, 2, 3).
 */
function untied(relation) {
  const scale = Math.max(1, ...relation.map(Math.abs));
  return relation.map((r, i) => r + 1e-9 * scale * (i + 1));
}

/** Student's t quantile by the Cornish–Fisher expansion (Abramowitz & Stegun 1964, 26.7.5): error 5e-5 at ν = 7 (K = 8), 3e-4 at ν = 5. */
export function studentQuantile(lib, p, nu) {
  const z = lib.normalQuantile(p);
  const z2 = z * z;
  const g1 = (z2 * z + z) / 4;
  const g2 = ((5 * z2 + 16) * z2 * z + 3 * z) / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 * z - 15 * z) / 384;
  const g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 * z - 945 * z) / 92160;
  return z + g1 / nu + g2 / nu ** 2 + g3 / nu ** 3 + g4 / nu ** 4;
}

/** Type-7 quantile of sorted values (Hyndman & Fan 1996; the product's rule, quantileType7.ts). */
function q7(sorted, p) {
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const k = Math.floor(h);
  return k + 1 < sorted.length ? sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]) : sorted[k];
}

/** The interval methods, in table order; `product` marks the two that results.json reports. */
export const METHODS = [
  { key: "percentile", label: "percentile", product: true },
  { key: "bca", label: "BCa (else pct)", product: true },
  { key: "bc", label: "BC pct" },
  { key: "basic", label: "basic" },
  { key: "shifted", label: "pct − 2·bias" },
  { key: "normalBc", label: "normal, bc" },
  { key: "jackT", label: "jackknife t" },
  { key: "studentT", label: "bootstrap-t", optional: true },
];

/**
 * Every method's interval for one statistic: `reps` its replicate values (any order; sorted here), `estimate` the
 * full-panel value, `jack` its K leave-one-expert-out values (or null), level the coverage (0.95).
 * - percentile: type-7 quantiles at (1 ∓ level)/2 (docs/methods.md §7.2);
 * - bca: the product's bcaLevels (§7.3), or the percentile interval where it is null (`bcaMissing` says so);
 * - bc: bias-corrected percentile, BCa with â = 0 (Efron & Tibshirani 1993, §14.3): levels Φ(2z₀ + z_p);
 * - basic: [2θ̂ − q_hi, 2θ̂ − q_lo] (Davison & Hinkley 1997, eq. 5.6);
 * - shifted: the percentile interval moved by −2·bias, bias = mean(θ*) − θ̂, i.e. centred on the bias-corrected
 *   estimate θ̂ − bias (Efron & Tibshirani 1993, §10.6);
 * - normalBc: θ̂ − bias ± z·sd(θ*);
 * - jackT: the jackknife's bias-corrected estimate Kθ̂ − (K − 1)·mean(θ₍k₎) ± t_{K−1}·se_jack (Efron & Tibshirani 1993, ch. 11).
 */
export function intervals(lib, reps, estimate, jack, level = 0.95) {
  const sorted = Float64Array.from(reps).sort();
  const used = sorted.length;
  const lowP = (1 - level) / 2;
  const highP = (1 + level) / 2;
  const pct = [q7(sorted, lowP), q7(sorted, highP)];
  let below = 0;
  let equal = 0;
  let mean = 0;
  for (const v of sorted) {
    if (v < estimate) below++;
    else if (v === estimate) equal++;
    mean += v;
  }
  mean /= used;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (used - 1));
  const bias = mean - estimate;
  const out = { percentile: pct, basic: [2 * estimate - pct[1], 2 * estimate - pct[0]], shifted: [pct[0] - 2 * bias, pct[1] - 2 * bias] };
  const z = lib.normalQuantile(highP);
  out.normalBc = [estimate - bias - z * sd, estimate - bias + z * sd];
  const levels = jack ? lib.bcaLevels(below, equal, used, jack, lowP, highP) : null;
  out.bca = levels ? [q7(sorted, levels[0]), q7(sorted, levels[1])] : pct;
  out.bcaMissing = levels === null;
  const z0 = lib.normalQuantile((below + equal / 2) / used);
  out.bc = Number.isFinite(z0) ? [q7(sorted, lib.normalCdf(2 * z0 + lib.normalQuantile(lowP))), q7(sorted, lib.normalCdf(2 * z0 + z))] : pct;
  if (jack) {
    const K = jack.length;
    let jm = 0;
    for (const v of jack) jm += v;
    jm /= K;
    let js = 0;
    for (const v of jack) js += (v - jm) ** 2;
    const se = Math.sqrt(((K - 1) / K) * js);
    const centre = K * estimate - (K - 1) * jm;
    const t = studentQuantile(lib, highP, K - 1);
    out.jackT = [centre - t * se, centre + t * se];
  } else out.jackT = [NaN, NaN];
  return out;
}

/** The ω > 0 setting's fixed within-layer position shifts ω·z_i, z_i from createRandom(77), the same for the population and every panel. */
export function settingShifts(lib, model, omega) {
  if (omega === 0) return {};
  const z = lib.createRandom(77);
  return Object.fromEntries(model.components.map((c) => [c.id, omega * z.normal()]));
}

/** The seed of replicate panel r of setting number `index` (0-based) under the study seed: (seed − 1)·10⁷ + 10⁵·(index + 1) + r. */
export function panelSeed(seed, index, r) {
  return (seed - 1) * 10_000_000 + 100_000 * (index + 1) + r;
}

/**
 * One replicate panel: simulate it (§8.1), take stages 1–2 of the pipeline, bootstrap it as stage 6 does (§7.1,
 * structure tally left out: it does not touch the intervals), and return, per quantity and method, the intervals,
 * with the product's P(cause) per component.
 */
export function analysePanel(lib, model, g, { K, seed, B, bootstrapSeed = 1, level = 0.95, studentB = 0 }) {
  const survey = lib.simulatedSurvey(model, { ...g, expertCount: K, seed });
  const { matrices, settings, outcome } = lib.surveyBaseline(survey, model);
  const full = outcome.dematel;
  const n = model.components.length;
  const nn = n * n;
  const X = new Float64Array(K * nn);
  matrices.forEach((m, k) => m.forEach((row, i) => row.forEach((v, j) => (X[k * nn + i * n + j] = i === j ? 0 : v))));
  const layerOf = lib.layerIndex(model);
  const evaluator = lib.createReplicateEvaluator(X, Float64Array.from(settings.weights ?? matrices.map(() => 1)), n, layerOf, settings);
  const reps = lib.resampleExperts(evaluator, K, n, B, bootstrapSeed);
  const jack = lib.jackknifeExperts(evaluator, K, n);
  const W = reps.width;
  const row = (buf, r) => quantityValues(buf.subarray(r * W, r * W + n), buf.subarray(r * W + n, r * W + 2 * n), buf[r * W + 2 * n], buf[r * W + 2 * n + 1]);
  const repValues = Array.from({ length: reps.used }, (_, r) => row(reps.stats, r));
  const jackValues = jack ? Array.from({ length: K }, (_, k) => row(jack, k)) : null;
  const estimates = quantityValues(full.given, full.received, lib.trendStatistic(layerOf, full.relation), lib.flowStatistic(full.total, layerOf));
  const result = { intervals: {}, pCause: Array.from(reps.causeCount, (c) => c / reps.used), used: reps.used, estimates };
  for (const { key } of QUANTITIES)
    result.intervals[key] = estimates[key].map((est, i) =>
      intervals(
        lib,
        repValues.map((v) => v[key][i]),
        est,
        jackValues ? jackValues.map((v) => v[key][i]) : null,
        level,
      ),
    );
  // The product never computes BCa for S_trend (docs/methods.md §7.3): its "bca" column is the percentile interval, marked missing.
  for (const iv of result.intervals.trend) Object.assign(iv, { bca: iv.percentile, bcaMissing: true });
  if (studentB > 0 && jackValues) addStudentised(lib, result, evaluator, { K, studentB, seed: bootstrapSeed, level, jackValues });
  return result;
}

/** The current kernel outputs as quantity values (copied: the kernel reuses its arrays). */
const kernelValues = (kernel) => quantityValues(Float64Array.from(kernel.given), Float64Array.from(kernel.received), kernel.trend, kernel.flow);

/** Jackknife standard error of values with multiplicities (Efron & Tibshirani 1993, eq. 11.5): √((m − 1)/m · Σ w (θ₍k₎ − θ̄)²), m = Σ w. */
function jackknifeSe(values, weights) {
  const m = weights.reduce((a, b) => a + b, 0);
  let mean = 0;
  values.forEach((v, k) => (mean += weights[k] * v));
  mean /= m;
  let ss = 0;
  values.forEach((v, k) => (ss += weights[k] * (v - mean) ** 2));
  return Math.sqrt(((m - 1) / m) * ss);
}

/**
 * The studentised (bootstrap-t) interval with jackknife standard errors (Efron & Tibshirani 1993, ch. 12; Davison &
 * Hinkley 1997, §5.2): `studentB` replicates drawn as resampleExperts draws them, from createRandom(seed + 1) (a
 * stream of their own); in each, se* is the jackknife over its K drawn experts (one copy of each distinct expert
 * left out in turn, counted by multiplicity) and t* = (θ* − θ̂)/se*; the interval is [θ̂ − t*₍hi₎·se, θ̂ − t*₍lo₎·se]
 * with se the full panel's jackknife SE. Replicates with se* = 0 or a failed jackknife panel are left out.
 */
function addStudentised(lib, result, evaluator, { K, studentB, seed, level, jackValues }) {
  const rng = lib.createRandom(seed + 1);
  const counts = new Float64Array(K);
  const t = {};
  for (const { key } of QUANTITIES) t[key] = result.estimates[key].map(() => []);
  for (let b = 0; b < studentB; b++) {
    counts.fill(0);
    for (let k = 0; k < K; k++) counts[rng.int(K)]++;
    if (!evaluator.evaluate(counts)) continue;
    const theta = kernelValues(evaluator.kernel);
    const jack = [];
    const weights = [];
    for (let k = 0; k < K; k++) {
      if (counts[k] === 0) continue;
      counts[k]--;
      const ok = evaluator.evaluate(counts);
      counts[k]++;
      if (!ok) break;
      jack.push(kernelValues(evaluator.kernel));
      weights.push(counts[k]);
    }
    if (weights.reduce((a, c) => a + c, 0) !== K) continue;
    for (const { key } of QUANTITIES)
      theta[key].forEach((v, i) => {
        const se = jackknifeSe(
          jack.map((j) => j[key][i]),
          weights,
        );
        if (se > 0) t[key][i].push((v - result.estimates[key][i]) / se);
      });
  }
  const lowP = (1 - level) / 2;
  for (const { key } of QUANTITIES)
    result.intervals[key].forEach((iv, i) => {
      const ts = Float64Array.from(t[key][i]).sort();
      const se = jackknifeSe(
        jackValues.map((v) => v[key][i]),
        jackValues.map(() => 1),
      );
      const est = result.estimates[key][i];
      iv.studentT = ts.length > 1 ? [est - q7(ts, 1 - lowP) * se, est - q7(ts, lowP) * se] : [NaN, NaN];
    });
}

/**
 * Does [lower, upper] contain x (closed, with the project's tie tolerance 1e-12·max(1, |x|), docs/methods.md §4.1)?
 * The tolerance matters only at a boundary: S_trend's interval [0.907, 0.907] at its attainable maximum, or an
 * interval moved by a bias of rounding size (mean of 2,000 equal replicates), must count as containing 0.907.
 */
export const covers = ([lower, upper], x) => {
  const tol = 1e-12 * Math.max(1, Math.abs(x));
  return lower - tol <= x && x <= upper + tol;
};

/** Which intervals of a method are counted: all, except "bcaReported", the product's BCa where it is not null. */
const counted = (m, iv) => m !== "bcaReported" || !iv.bcaMissing;
/** The interval of method m ("bcaReported" reads the BCa interval). */
const intervalOf = (m, iv) => (m === "bcaReported" ? iv.bca : iv[m]);

/**
 * A tally of hits per (method, quantity). Per panel p: h_p intervals of n_p counted contain their estimand; the
 * coverage is Σh/Σn, and its Monte Carlo SE the ratio estimator's, √(Σ(h_p − ĉ·n_p)² / (P(P − 1))) / n̄ over the P
 * panels, so that it counts panels, not components (a panel's components are not independent). With n_p = n for
 * all panels this is the SE of the mean of the per-panel shares. Also per quantity: the share of BCa intervals that
 * are null and of percentile intervals of zero width (a statistic at a boundary, e.g. S_trend at its attainable maximum).
 */
function createTally() {
  const perPanel = {};
  const perComponent = {};
  const missing = {};
  const degenerate = {};
  const methodKeys = [...METHODS.map((m) => m.key), "bcaReported"];
  return {
    add(panel, truth) {
      for (const m of methodKeys)
        for (const { key: q } of QUANTITIES) {
          const ivs = panel.intervals[q];
          if (ivs[0][m] === undefined && m !== "bcaReported") continue;
          let h = 0;
          let n = 0;
          const pc = ((perComponent[m] ??= {})[q] ??= ivs.map(() => ({ h: 0, n: 0 })));
          ivs.forEach((iv, i) => {
            if (!counted(m, iv)) return;
            const hit = covers(intervalOf(m, iv), truth[q][i]) ? 1 : 0;
            h += hit;
            n++;
            pc[i].h += hit;
            pc[i].n++;
          });
          ((perPanel[m] ??= {})[q] ??= []).push({ h, n });
        }
      for (const { key: q } of QUANTITIES) {
        const ivs = panel.intervals[q];
        (missing[q] ??= []).push(ivs.filter((iv) => iv.bcaMissing).length / ivs.length);
        (degenerate[q] ??= []).push(ivs.filter((iv) => iv.percentile[0] === iv.percentile[1]).length / ivs.length);
      }
    },
    result() {
      const out = {};
      const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
      for (const m of methodKeys) {
        if (!perPanel[m]) continue;
        out[m] = {};
        for (const { key: q } of QUANTITIES) {
          const xs = perPanel[m][q];
          const H = xs.reduce((a, x) => a + x.h, 0);
          const N = xs.reduce((a, x) => a + x.n, 0);
          const c = N > 0 ? H / N : NaN;
          const P = xs.length;
          const ss = xs.reduce((a, x) => a + (x.h - c * x.n) ** 2, 0);
          const se = N > 0 && P > 1 ? Math.sqrt(ss / (P * (P - 1))) / (N / P) : NaN;
          const comp = perComponent[m][q].filter((x) => x.n > 0).map((x) => x.h / x.n);
          out[m][q] = {
            coverage: c,
            se,
            min: comp.length ? Math.min(...comp) : NaN,
            max: comp.length ? Math.max(...comp) : NaN,
            counted: N / (P * perComponent[m][q].length),
          };
        }
      }
      out.bcaMissing = Object.fromEntries(QUANTITIES.map(({ key: q }) => [q, mean(missing[q])]));
      out.degenerate = Object.fromEntries(QUANTITIES.map(({ key: q }) => [q, mean(degenerate[q])]));
      return out;
    },
  };
}

/**
 * The study over a grid: for each ω, δ, K, R seeded panels ({@link panelSeed}), each bootstrapped with B replicates
 * (seed `bootstrapSeed`, the tool's default 1), and per method and quantity the coverage of its estimand
 * ({@link population}) with a Monte Carlo SE over panels; and the calibration of P(cause): of the components with
 * P(cause) ≥ 0.95 (≤ 0.05), the share that are true causes (effects), population D − R > 1e-12 (≤ 1e-12).
 * `onProgress(settingIndex, settings, r, R)` is called after every panel.
 */
export function coverageStudy(lib, options = {}) {
  const o = {
    deltas: [0.1, 0.2, 0.5],
    Ks: [8, 14, 30],
    omegas: [0],
    R: 400,
    B: 2000,
    seed: 1,
    bootstrapSeed: 1,
    level: 0.95,
    estimand: "exact",
    studentB: 0,
    sigma: 0.8,
    tau: 0.3,
    c: 2,
    scaleMax: 4,
    ...options,
  };
  const model = o.model ?? lib.defaultModel();
  const grid = [];
  for (const omega of o.omegas) for (const delta of o.deltas) for (const K of o.Ks) grid.push({ omega, delta, K });
  const settings = grid.map(({ omega, delta, K }, index) => {
    const g = { delta, sigma: o.sigma, tau: o.tau, c: o.c, scaleMax: o.scaleMax, positionShifts: settingShifts(lib, model, omega) };
    const pop = population(lib, model, g, o.estimand);
    const truth = pop.values;
    const tally = createTally();
    const cal = { causes: 0, causesTrue: 0, effects: 0, effectsTrue: 0 };
    const started = performance.now();
    for (let r = 0; r < o.R; r++) {
      const panel = analysePanel(lib, model, g, {
        K,
        seed: panelSeed(o.seed, index, r),
        B: o.B,
        bootstrapSeed: o.bootstrapSeed,
        level: o.level,
        studentB: o.studentB,
      });
      tally.add(panel, truth);
      panel.pCause.forEach((p, i) => {
        const cause = truth.relation[i] > 1e-12;
        if (p >= 0.95) {
          cal.causes++;
          if (cause) cal.causesTrue++;
        }
        if (p <= 0.05) {
          cal.effects++;
          if (!cause) cal.effectsTrue++;
        }
      });
      o.onProgress?.(index, grid.length, r + 1, o.R);
    }
    return {
      omega,
      delta,
      K,
      populationSpectralRadius: pop.spectralRadius,
      populationTrendPlugIn: pop.trendPlugIn,
      population: truth,
      coverage: tally.result(),
      pCause: {
        atLeast95: cal.causes,
        trueCauseShare: cal.causes ? cal.causesTrue / cal.causes : null,
        atMost05: cal.effects,
        trueEffectShare: cal.effects ? cal.effectsTrue / cal.effects : null,
      },
      seconds: (performance.now() - started) / 1000,
    };
  });
  const { model: _m, onProgress: _p, ...recorded } = o;
  return { options: recorded, settings };
}

const f3 = (x) => (x === null || !Number.isFinite(x) ? "–" : x.toFixed(3));
const pad = (s, w) => String(s).padEnd(w);
const settingLabel = (s) => `ω ${s.omega} δ ${s.delta} K ${s.K}`;

/** The methods of the per-quantity tables: METHODS with the product's BCa where not null ("bcaReported") after "bca". */
const TABLE_METHODS = METHODS.flatMap((m) => (m.key === "bca" ? [m, { key: "bcaReported", label: "BCa (non-null)", product: true }] : [m]));

/**
 * The plain-text tables of a study: the product's intervals (percentile; BCa where the product reports one), each
 * quantity by method, P(cause) calibration.
 */
export function coverageTables(study) {
  const lines = [];
  const { R, B, seed, estimand, level } = study.options;
  lines.push(
    `Coverage of ${Math.round(100 * level)}% bootstrap intervals: R = ${R} panels per setting (study seed ${seed}), B = ${B} (bootstrap seed ${study.options.bootstrapSeed}); ` +
      `estimand = classic DEMATEL of the generator's expected ratings (${estimand === "exact" ? "exact, Σ Φ((μ − v + ½)/√(σ² + τ²))" : "mean of a 20,000-expert panel, seed 424242"}). ` +
      `Cells: coverage (Monte Carlo SE, over panels) [min–max over components]; binomial reference SE at 0.95: ${f3(Math.sqrt((0.95 * 0.05) / R))}.`,
    "",
  );
  const cell = (c) => `${f3(c.coverage)} (${f3(c.se)})${c.min !== c.max && Number.isFinite(c.min) ? ` [${c.min.toFixed(2)}–${c.max.toFixed(2)}]` : ""}`;
  const reported = QUANTITIES.filter((q) => q.reported);
  const productTable = (title, method, extra) => {
    lines.push(title);
    lines.push(pad("setting", 20) + pad("ρ(N)", 7) + pad("S_trend", 9) + reported.map((q) => pad(q.label, 34)).join(""));
    for (const s of study.settings)
      lines.push(
        pad(settingLabel(s), 20) +
          pad(s.populationSpectralRadius.toFixed(3), 7) +
          pad(s.population.trend[0].toFixed(3), 9) +
          reported.map((q) => pad(cell(s.coverage[method][q.key]) + extra(s, q), 34)).join(""),
      );
    lines.push("");
  };
  const pctPoint = (x) => `${Math.round(100 * x)}%`;
  productTable(
    "Product intervals, percentile (layers.bootstrap lower/upper in results.json; what the report and `layers` print); S_trend: {share of zero-width intervals}:",
    "percentile",
    (s, q) => (q.key === "trend" ? ` {${pctPoint(s.coverage.degenerate.trend)}}` : ""),
  );
  productTable("Product intervals, BCa where results.json reports one (bca not null; never for S_trend); {share null}:", "bcaReported", (s, q) =>
    q.key === "trend" ? "" : ` {${pctPoint(s.coverage.bcaMissing[q.key])}}`,
  );
  lines.push(
    "(ρ(N) and S_trend: the population's; S_trend is the limit of the panel statistic, untied — with ω = 0 the plug-in value of the tied population is 1, which no panel can reach.)",
  );
  lines.push("");
  const methods = TABLE_METHODS.filter((m) => study.settings.every((s) => s.coverage[m.key]));
  for (const q of QUANTITIES) {
    lines.push(
      `${q.label}${q.reported ? "" : " (not reported by the tool)"}: coverage by method (SE)${q.key === "trend" ? "; the product never computes BCa for S_trend" : ""}`,
    );
    lines.push(pad("setting", 20) + methods.map((m) => pad(m.label, 16)).join("") + "BCa null");
    for (const s of study.settings)
      lines.push(
        pad(settingLabel(s), 20) +
          methods.map((m) => pad(`${f3(s.coverage[m.key][q.key].coverage)} (${f3(s.coverage[m.key][q.key].se)})`, 16)).join("") +
          `${Math.round(100 * s.coverage.bcaMissing[q.key])}%`,
      );
    lines.push("");
  }
  lines.push("P(cause) calibration: components with P(cause) ≥ 0.95 that are true causes (population D − R > 0); ≤ 0.05 that are true effects");
  for (const s of study.settings)
    lines.push(
      pad(settingLabel(s), 20) +
        `≥ 0.95: ${pad(s.pCause.atLeast95, 6)} true causes ${pad(f3(s.pCause.trueCauseShare), 8)} ≤ 0.05: ${pad(s.pCause.atMost05, 6)} true effects ${f3(s.pCause.trueEffectShare)}`,
    );
  const seconds = study.settings.reduce((a, s) => a + s.seconds, 0);
  lines.push("", `time: ${seconds.toFixed(1)} s (${((1000 * seconds) / (R * study.settings.length)).toFixed(0)} ms per panel)`);
  return lines.join("\n");
}
