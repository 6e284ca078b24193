/**
 * The fast paths of the power simulation, each checked against the straightforward code it replaces on seeded
 * inputs (identical results, not within a tolerance): `fillNormal` against `normal()` one at a time,
 * `drawMeanRatings` (the ratings drawn straight into the mean matrix) against the mean of `drawRatings`' matrices,
 * `roundedRating` against Math.round(clip(x)), the assignment set handed to the workers against the one a worker
 * would build, and `shareUnits` (the main thread and workers taking units from one queue) with fake workers.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createRandom, defaultModel, layerIndex } from "../src/index.js";
import { drawRatings, meansFromPositions, panelMeans } from "../src/simulate/panelDraw.js";
import { componentPositions } from "../src/simulate/componentPositions.js";
import { createStudyMeans } from "../src/simulate/studyMeans.js";
import { deviatesPerExpert, drawMeanRatings, roundedRating } from "../src/simulate/drawMeanRatings.js";
import { powerAssignmentSet } from "../src/simulate/powerAssignmentSet.js";
import { createPowerSimulator, type PowerJob } from "../src/simulate/powerSimulation.js";
import { shareUnits } from "../src/simulate/powerThreads.js";
import { createAssignmentSet } from "../src/permutation/createAssignmentSet.js";

const model = defaultModel();

describe("createRandom(seed).fillNormal: the same deviates and the same stream as normal() one at a time", () => {
  it("on 80 seeded streams: odd and even counts, sub-ranges, a spare deviate left by normal() before and by fillNormal after", () => {
    for (let seed = 1; seed <= 80; seed++) {
      const fast = createRandom(seed * 104729 - 7);
      const ref = createRandom(seed * 104729 - 7);
      // An odd number of normal() calls first leaves a spare deviate in both.
      for (let i = 0; i < seed % 3; i++) expect(fast.normal()).toBe(ref.normal());
      const length = [0, 1, 2, 3, 91, 3640][seed % 6];
      const start = seed % 4 === 0 ? 0 : Math.min(length, seed % 5);
      const end = Math.max(start, length - (seed % 2));
      const out = new Float64Array(length).fill(-99);
      fast.fillNormal(out, start, end);
      for (let i = 0; i < length; i++) expect(out[i], `seed ${seed}, entry ${i}`).toBe(i >= start && i < end ? ref.normal() : -99);
      // Afterwards the streams go on alike: normals (the spare first when the count was odd), uniforms, integers.
      for (let i = 0; i < 5; i++) expect(fast.normal()).toBe(ref.normal());
      for (let i = 0; i < 20; i++) expect(fast.next()).toBe(ref.next());
      expect(fast.int(1000)).toBe(ref.int(1000));
    }
  });

  it("defaults to the whole array and rejects a range outside it", () => {
    const a = new Float64Array(7);
    createRandom(3).fillNormal(a);
    const r = createRandom(3);
    expect(Array.from(a)).toEqual(Array.from({ length: 7 }, () => r.normal()));
    expect(() => createRandom(1).fillNormal(a, 2, 9)).toThrow(RangeError);
    expect(() => createRandom(1).fillNormal(a, 3, 2)).toThrow(RangeError);
    expect(() => createRandom(1).fillNormal(a, 0.5, 2)).toThrow(RangeError);
  });
});

describe("roundedRating(x, s) = Math.round(clip(x, 0, s)) without branches on x", () => {
  const reference = (x: number, s: number): number => {
    if (x < 0) x = 0;
    else if (x > s) x = s;
    return Math.round(x);
  };
  it("at the edges: halves, one ulp either side of them, below 0, above s, huge values", () => {
    const xs = [0, -0, 0.5, 1.5, 2.5, 3.5, -0.5, -0.49999999999999994, 0.49999999999999994, 1.4999999999999998, 2.4999999999999996, 3.4999999999999996];
    for (const h of [0.5, 1.5, 2.5, 3.5, 4.5, 9.5]) xs.push(h, h - 2 ** -52 * h, h + 2 ** -52 * h, -h);
    xs.push(
      4,
      4.0000000000000009,
      3.9999999999999996,
      1e15 + 0.5,
      2 ** 52 + 1,
      2 ** 53 + 2,
      -(2 ** 52) - 1,
      1e300,
      -1e300,
      Number.MIN_VALUE,
      -Number.MIN_VALUE,
    );
    for (const s of [1, 4, 10])
      for (const x of xs)
        for (const y of [x, -x]) {
          expect(roundedRating(y, s), `x = ${y}, s = ${s}`).toBe(reference(y, s) + 0); // + 0: −0 and +0 add alike
        }
  });
  it("on 200,000 seeded values around the scale", () => {
    const rng = createRandom(17);
    const differ: number[] = [];
    for (let i = 0; i < 200000; i++) {
      const s = 1 + (i % 7);
      const x = (rng.next() * 1.4 - 0.2) * s + (i % 5 === 0 ? rng.normal() * 1e-15 : 0);
      if (!Object.is(roundedRating(x, s), reference(x, s) + 0)) differ.push(x);
    }
    expect(differ).toEqual([]);
  });
});

describe("drawMeanRatings: the mean of drawRatings' K matrices, without them", () => {
  it("bit for bit on 120 seeded panels (n = 1..12, K = 1..40, any σ, τ, s, means below 0 and above s), leaving the stream where drawRatings leaves it", () => {
    const setup = createRandom(2026);
    for (let t = 0; t < 120; t++) {
      const n = 1 + (t % 12);
      const K = 1 + ((t * 7) % 40);
      const scaleMax = 1 + (t % 9);
      const sigma = [0, 0.8, 2.5, 1e12][t % 4];
      const tau = [0.3, 0, 1.7][t % 3];
      const mu = new Float64Array(n * n);
      for (let c = 0; c < n * n; c++) mu[c] = c % (n + 1) === 0 ? 0 : (setup.next() * 1.6 - 0.3) * scaleMax;
      const seed = 1000 + t;
      const panels = new Float64Array(K * n * n);
      const ref = createRandom(seed);
      drawRatings(mu, n, K, sigma, tau, scaleMax, ref, panels);
      const expected = new Float64Array(n * n);
      for (let k = 0; k < K; k++) for (let c = 0; c < n * n; c++) expected[c] += panels[k * n * n + c];
      for (let c = 0; c < n * n; c++) expected[c] /= K;
      const fast = createRandom(seed);
      const A = new Float64Array(n * n).fill(Number.NaN);
      drawMeanRatings(mu, n, K, sigma, tau, scaleMax, fast, new Float64Array(K * deviatesPerExpert(n) + 3), A);
      expect(Array.from(A), `panel ${t}`).toEqual(Array.from(expected));
      for (let i = 0; i < 5; i++) expect(fast.normal()).toBe(ref.normal());
      expect(fast.next()).toBe(ref.next());
    }
  });

  it("on the CXM model's means, as the power simulation draws them (δ = 0.5, c = 2, K = 5..40)", () => {
    const n = model.components.length;
    const mu = panelMeans(model, 0.5, 2);
    const normals = new Float64Array(40 * deviatesPerExpert(n));
    for (let K = 5; K <= 40; K += 5) {
      const panels = new Float64Array(K * n * n);
      drawRatings(mu, n, K, 0.8, 0.3, 4, createRandom(K * 31), panels);
      const expected = new Float64Array(n * n);
      for (let k = 0; k < K; k++) for (let c = 0; c < n * n; c++) expected[c] += panels[k * n * n + c];
      for (let c = 0; c < n * n; c++) expected[c] /= K;
      const A = new Float64Array(n * n);
      drawMeanRatings(mu, n, K, 0.8, 0.3, 4, createRandom(K * 31), normals, A);
      expect(Array.from(A)).toEqual(Array.from(expected));
    }
  });

  it("refuses a deviate buffer too small for the panel", () => {
    expect(() => drawMeanRatings(new Float64Array(4), 2, 3, 1, 1, 4, createRandom(1), new Float64Array(8), new Float64Array(4))).toThrow(RangeError);
  });
});

describe("createStudyMeans: a study's means with within-layer heterogeneity, into one buffer", () => {
  it("equals meansFromPositions(componentPositions(model, { omega }, seed), δ, c) bit for bit on 300 seeds, also with unlayered components", () => {
    const partial = { ...model, layers: (model.layers ?? []).map((l, i) => (i === 1 ? { ...l, components: l.components.slice(1) } : l)) };
    for (const m of [model, partial])
      for (const [omega, delta, c] of [
        [0.3, 0.5, 2],
        [1, -0.05, 1.5],
        [1e-9, 3, 0],
      ]) {
        const meansOf = createStudyMeans(m, omega, delta, c);
        for (let seed = 0; seed < 50; seed++) {
          const expected = meansFromPositions(componentPositions(m, { omega }, seed * 7919 + 1), delta, c);
          expect(Array.from(meansOf(seed * 7919 + 1))).toEqual(Array.from(expected));
        }
      }
  });
});

describe("the power curve's assignment set (built once, posted to the workers, kept for the next curve)", () => {
  const layerOf = layerIndex(model);
  it("is the set createAssignmentSet builds, the same object for the same layering and options, a new one for other options", () => {
    const options = { maxExact: 1e6, samples: 100000, seed: 1 };
    const a = powerAssignmentSet(layerOf, options);
    expect(powerAssignmentSet(layerOf, { ...options })).toBe(a);
    const fresh = createAssignmentSet(layerOf, options);
    expect(a.method).toBe(fresh.method);
    const bytes = (x: Int8Array | null) => Buffer.from(x === null ? new Int8Array(0) : x);
    expect(bytes(a.rows).equals(bytes(fresh.rows))).toBe(true);
    expect(bytes(a.pairSigns).equals(bytes(fresh.pairSigns))).toBe(true);
    const mc = powerAssignmentSet(layerOf, { maxExact: 100, samples: 500, seed: 3 });
    expect(mc).not.toBe(a);
    expect(mc.method).toBe("monte-carlo");
    expect(bytes(mc.rows).equals(bytes(createAssignmentSet(layerOf, { maxExact: 100, samples: 500, seed: 3 }).rows))).toBe(true);
    expect(powerAssignmentSet(layerOf, { maxExact: 100, samples: 500, seed: 4 })).not.toBe(mc);
    expect(powerAssignmentSet(layerOf, { assignmentSet: fresh })).toBe(fresh);
  });

  it("a simulator given the set (after a structured clone, as a worker receives it) counts as one that builds its own, exact and Monte Carlo", () => {
    for (const test of [{}, { maxExact: 100, samples: 2000, seed: 5 }]) {
      const job: PowerJob = { model, delta: 0.03, omega: 0.3, sigma: 0.8, tau: 0.3, c: 2, scaleMax: 4, significanceLevel: 0.05, seed: 9, maxExperts: 12, test };
      const own = createPowerSimulator(job);
      const given = createPowerSimulator(structuredClone({ ...job, test: { ...test, assignmentSet: powerAssignmentSet(layerOf, test) } }));
      for (const K of [4, 12]) expect(given.runRange(K, 0, 60)).toEqual(own.runRange(K, 0, 60));
    }
  });
});

describe("shareUnits: the main thread and worker threads take units from one queue", () => {
  // A fake power worker speaking powerWorker.js's protocol (a job, then { ready: number }, then one answer per unit);
  // its counts are a function of the unit alone, as the real simulator's are; the job's mode makes it misbehave.
  const dir = mkdtempSync(join(tmpdir(), "cxm-share-units-"));
  const entry = pathToFileURL(join(dir, "fakeWorker.mjs"));
  writeFileSync(
    entry,
    `import { parentPort } from "node:worker_threads";
let job;
parentPort.on("message", (m) => {
  if (m.idle) return;
  if (m.job) {
    job = m.job;
    setTimeout(() => parentPort.postMessage({ ready: m.number }), job.delay ?? 0);
    return;
  }
  if (job.mode === "throw" && m.start >= 50) throw new Error("fake worker failed");
  if (job.mode === "exit") process.exit(0);
  parentPort.postMessage({ index: m.index, rejections: (m.K * 7 + m.start) % 13, failed: m.end - m.start > 40 ? 1 : 0 });
});
`,
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  type U = { index: number; K: number; start: number; end: number };
  const units: U[] = Array.from({ length: 120 }, (_, i) => ({
    index: i % 4,
    K: 5 + (i % 4) * 5,
    start: Math.floor(i / 4) * 50,
    end: Math.floor(i / 4) * 50 + 50 - (i % 3),
  }));
  const counts = (u: U) => ({ rejections: (u.K * 7 + u.start) % 13, failed: u.end - u.start > 40 ? 1 : 0 });
  const job = (extra: object) => extra as unknown as PowerJob;
  /** The main thread's share: the counts, after a little work so that the workers get units too. */
  const busy = (ms: number) => (u: U) => {
    const t = performance.now();
    while (performance.now() - t < ms);
    return counts(u);
  };
  /** Run a curve; check that every unit was recorded once with its counts; return how many the main thread ran. */
  const curve = async (workers: number, options: object = {}, list: U[] = units): Promise<number> => {
    const seen = new Map<U, number>();
    let here = 0;
    const work = busy(0.5);
    await shareUnits(
      entry,
      job(options),
      list,
      workers,
      (u) => {
        here++;
        return work(u);
      },
      (u, c) => {
        expect(c).toEqual(counts(u));
        seen.set(u, (seen.get(u) ?? 0) + 1);
      },
    );
    expect(seen.size).toBe(list.length);
    expect([...seen.values()].every((v) => v === 1)).toBe(true);
    return here;
  };

  it("runs every unit exactly once, with the same counts whoever ran it, on 0, 1 and 3 workers, again with the workers kept from the curve before", async () => {
    expect(await curve(0)).toBe(units.length);
    for (const workers of [1, 3, 3, 1]) await curve(workers);
  }, 60_000);

  it("a curve done before any worker is ready does not wait for the workers; the next curve takes those workers without mistaking their late 'ready' for its own", async () => {
    const t = performance.now();
    expect(await curve(2, { delay: 300 }, units.slice(0, 3))).toBe(3);
    expect(performance.now() - t).toBeLessThan(250);
    await curve(2);
    await new Promise((r) => setTimeout(r, 400)); // the late 'ready's of the first curve arrive now
    await curve(2);
  }, 60_000);

  it("rejects when a worker fails, when a worker stops during a curve, and when the main thread's simulation throws; a later curve still runs", async () => {
    const slow = busy(2);
    await expect(shareUnits(entry, job({ mode: "throw" }), units, 1, slow, () => {})).rejects.toThrow(/fake worker failed/);
    await expect(shareUnits(entry, job({ mode: "exit" }), units, 1, slow, () => {})).rejects.toThrow(/stopped/);
    const fails = () => {
      throw new RangeError("simulation failed here");
    };
    await expect(shareUnits(entry, job({}), units, 1, fails, () => {})).rejects.toThrow(/simulation failed here/);
    await curve(2);
  }, 60_000);
});
