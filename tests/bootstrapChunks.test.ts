/**
 * The bootstrap in chunks (docs/methods.md §7.8): the replicates of `planBootstrap`'s chunks, evaluated by several
 * runners (as several threads do) in any order and merged in chunk order, are `bootstrapExperts`'s, exactly; the
 * shared counter of `claimChunks` hands each chunk to exactly one taker; `sharedBootstrap` merges another taker's
 * chunks and structure counts; and a restored generator continues its stream.
 */
import { describe, expect, it } from "vitest";
import { bootstrapExperts, bootstrapRunner, finishBootstrap, planBootstrap, type BootstrapOptions } from "../src/uncertainty/bootstrapExperts.js";
import { replicateChunks } from "../src/uncertainty/resampleExperts.js";
import { claimChunks, exhaust, sharedBootstrap, sharedCounters } from "../src/pipeline/sharedBootstrap.js";
import { createRandom, restoreRandom } from "../src/random.js";
import { simulatePanel } from "../src/simulate/simulatePanel.js";
import { defaultModel } from "../src/model/model.js";
import type { Replicates } from "../src/uncertainty/resampleExperts.js";

const model = defaultModel();

describe("restoreRandom", () => {
  it("continues the stream from a state, word for word, spare normal deviate included, on 50 seeds", () => {
    for (let seed = 0; seed < 50; seed++) {
      const a = createRandom(seed);
      for (let i = 0; i < seed; i++) a.int(7);
      a.normal(); // leaves a spare deviate
      const b = restoreRandom(a.state());
      const fromA = [a.normal(), a.next(), a.int(1000), a.normal()];
      expect([b.normal(), b.next(), b.int(1000), b.normal()]).toEqual(fromA);
    }
    expect(() => restoreRandom({ seed: 1, words: [1, 2, 3], spare: null })).toThrow(TypeError);
  });
});

describe("the bootstrap in chunks", () => {
  it("replicateChunks covers 0..B in chunks of 256, each starting where the one stream is after K draws per earlier replicate", () => {
    const chunks = replicateChunks(5, 1000, 3);
    expect(chunks.map((c) => [c.start, c.end])).toEqual([
      [0, 256],
      [256, 512],
      [512, 768],
      [768, 1000],
    ]);
    const rng = createRandom(3);
    for (let d = 0; d < 512 * 5; d++) rng.int(5);
    expect(restoreRandom(chunks[2].rng).int(5)).toBe(rng.int(5));
  });

  it.each<[string, BootstrapOptions]>([
    ["classic, structure tallied", { B: 900, seed: 4 }],
    ["median aggregation", { B: 700, seed: 2, settings: { aggregation: "median" } }],
    ["fuzzy defuzzify-last", { B: 600, seed: 9, settings: { method: "fuzzy", variant: { order: "defuzzify-last" } } }],
  ])("%s: chunks run by two runners in a scrambled order and merged give bootstrapExperts's result exactly", (_name, options) => {
    const matrices = simulatePanel(model, { expertCount: 9, seed: 11 });
    const whole = bootstrapExperts(matrices, model, options);
    const plan = planBootstrap(matrices, model, options);
    const [here, there] = [bootstrapRunner(plan), bootstrapRunner(plan)];
    const order = plan.chunks.map((_, c) => c).reverse();
    const parts: Replicates[] = [];
    order.forEach((c, k) => (parts[c] = (k % 2 === 0 ? here : there).run(c)));
    const elsewhere = there.tally?.counts();
    expect(finishBootstrap(plan, here, parts, elsewhere ? [elsewhere] : [])).toEqual(whole);
  });

  it("claimChunks hands every chunk to exactly one taker, and a taker that finds none left builds no evaluator", () => {
    const matrices = simulatePanel(model, { expertCount: 8, seed: 5 });
    const plan = planBootstrap(matrices, model, { B: 1300, seed: 7 });
    const shared = sharedCounters();
    const first = claimChunks(plan, () => bootstrapRunner(plan), shared);
    let built = 0;
    const second = claimChunks(
      plan,
      () => {
        built++;
        return bootstrapRunner(plan);
      },
      shared,
    );
    expect(first.parts.map((p) => p.index)).toEqual(plan.chunks.map((_, c) => c));
    expect(first.structure?.used).toBeGreaterThan(0);
    expect(second).toEqual({ parts: [] });
    expect(built).toBe(0);
    expect(Atomics.load(shared.progress, 0)).toBe(1300);
  });

  it("sharedBootstrap merges another taker's chunks and structure counts (here: all of them) into bootstrapExperts's result, and ends its progress at B", () => {
    const matrices = simulatePanel(model, { expertCount: 8, seed: 5 });
    const options = { B: 1300, seed: 7 };
    const plan = planBootstrap(matrices, model, options);
    const shared = sharedCounters();
    const theirs = claimChunks(plan, () => bootstrapRunner(plan), shared);
    const progress: number[] = [];
    const r = sharedBootstrap(plan, shared, [{ result: () => theirs, cancel: () => undefined }], (done) => progress.push(done));
    expect(r).toEqual(bootstrapExperts(matrices, model, options));
    expect(progress.at(-1)).toBe(1300);
    exhaust(shared);
    expect(claimChunks(plan, () => bootstrapRunner(plan), shared).parts).toEqual([]);
  });
});
