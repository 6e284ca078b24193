import { describe, expect, it } from "vitest";
import { attainableTrendSize, createRandom, createTrendTest, defaultModel, layerIndex, type Model } from "../src/index.js";

// attainableTrendSize (src/permutation/attainableTrendSize.ts): the size of the exact trend test of docs/methods.md §5.6 under the
// null. Hand-counted small cases, the CXM model's 1,190 of 25,200 assignments, and a seeded Monte Carlo check
// against the trend test itself (createTrendTest).
describe("attainableTrendSize(model, significanceLevel)", () => {
  const chain = (sizes: number[]): Model => {
    let id = 0;
    const layers = sizes.map((k, l) => ({ id: `L${l + 1}`, name: `layer ${l + 1}`, components: Array.from({ length: k }, () => `C${++id}`) }));
    return { components: layers.flatMap((l) => l.components).map((c) => ({ id: c, name: c })), layers };
  };

  it("sizes 1, 1, 1 by hand: 6 orderings, only the proposed one has S_trend = 1 (p = 1/6), so the size is 1/6 at α = 0.2 and 0 at α = 0.1", () => {
    expect(attainableTrendSize(chain([1, 1, 1]), 0.2)).toEqual({ size: 1 / 6, significanceLevel: 0.2, assignments: 6, sizes: [1, 1, 1] });
    expect(attainableTrendSize(chain([1, 1, 1]), 0.1)!.size).toBe(0);
  });

  it("sizes 1, 2 by hand: 3 assignments; the outer component has the largest relation in one (p = 1/3), so the size is 1/3 at α = 0.5", () => {
    expect(attainableTrendSize(chain([1, 2]), 0.5)!.size).toBeCloseTo(1 / 3, 15);
  });

  it("the CXM model (2, 3, 2, 3) at α = 0.05: 1,190 of 25,200 assignments, about 4.72%, below α", () => {
    const a = attainableTrendSize(defaultModel(), 0.05)!;
    expect(a.assignments).toBe(25200);
    expect(a.size * 25200).toBeCloseTo(1190, 9);
    expect(a.size).toBeLessThan(0.05);
  });

  it("agrees with the trend test itself: random untied relation vectors (the null) are rejected at about that rate (seeded, within 4 Monte Carlo SE)", () => {
    const m = defaultModel();
    const test = createTrendTest(layerIndex(m));
    const rng = createRandom(2026);
    const draws = 1000;
    let rejected = 0;
    const r = new Float64Array(10);
    for (let d = 0; d < draws; d++) {
      for (let i = 0; i < 10; i++) r[i] = rng.normal();
      if (test.test(r).p < 0.05) rejected++;
    }
    const size = attainableTrendSize(m, 0.05)!.size;
    expect(Math.abs(rejected / draws - size)).toBeLessThan(4 * Math.sqrt((size * (1 - size)) / draws));
  });

  it("is undefined when the test would be Monte Carlo (more assignments than maxExact), and rejects misuse", () => {
    expect(attainableTrendSize(defaultModel(), 0.05, { maxExact: 1000 })).toBeUndefined();
    expect(() => attainableTrendSize(defaultModel(), 0)).toThrow(RangeError);
    expect(() => attainableTrendSize(chain([3]), 0.05)).toThrow(RangeError);
  });

  it("equals the exact trend test's rejection rate over every permutation of an untied relation vector (sizes 2, 2, 1 and 1, 2, 2, 1; α = 0.05, 0.1, 0.3)", () => {
    // Under the null every ordering of distinct relation values is equally likely, so the share of the m! orderings
    // that createTrendTest rejects is the size, computed independently of attainableTrendSize's tally.
    for (const sizes of [
      [2, 2, 1],
      [1, 2, 2, 1],
    ]) {
      const m = chain(sizes);
      const test = createTrendTest(layerIndex(m));
      const n = m.components.length;
      const perms: number[][] = [];
      const permute = (prefix: number[], rest: number[]): void => {
        if (rest.length === 0) perms.push(prefix);
        rest.forEach((x, k) => permute([...prefix, x], [...rest.slice(0, k), ...rest.slice(k + 1)]));
      };
      permute(
        [],
        Array.from({ length: n }, (_, i) => i),
      );
      for (const alpha of [0.05, 0.1, 0.3]) {
        const rejected = perms.filter((r) => test.test(r).p < alpha).length;
        expect(attainableTrendSize(m, alpha)!.size).toBeCloseTo(rejected / perms.length, 12);
      }
    }
  });
});
