/**
 * Seeded pseudo-random numbers: the same seed gives the same stream on every
 * machine. Generator: sfc32 (Small Fast Counting, Doty-Humphrey, PractRand),
 * 32-bit integer arithmetic only, seeded through splitmix32 so nearby seeds
 * give unrelated streams.
 */

/** A seeded random source. */
export interface Random {
  /** Uniform double in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal deviate (Marsaglia polar method). */
  normal(): number;
  /** The seed this source was made with. */
  readonly seed: number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Make a seeded generator.
 * @param seed any integer (taken modulo 2³²).
 * @throws {TypeError} when the seed is not a finite integer.
 * @example
 * const rng = createRandom(42); rng.next(); // same value on every machine
 */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed) || Math.floor(seed) !== seed) throw new TypeError(`seed must be a finite integer, got ${seed}`);
  const init = splitmix32((seed >>> 0) ^ Math.floor(seed / 4294967296));
  let a = init(),
    b = init(),
    c = init(),
    d = init() | 1;
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  let spare = NaN;
  const next = (): number => u32() / 4294967296;
  return {
    seed,
    next,
    int(n: number): number {
      if (!(n >= 1) || n > 4294967296) throw new RangeError(`int(n) needs 1 ≤ n ≤ 2^32, got ${n}`);
      // Lemire-style rejection to avoid modulo bias.
      const limit = 4294967296 - (4294967296 % n);
      let x: number;
      do x = u32();
      while (x >= limit);
      return x % n;
    },
    normal(): number {
      if (!Number.isNaN(spare)) {
        const s = spare;
        spare = NaN;
        return s;
      }
      let u: number, v: number, s: number;
      do {
        u = 2 * next() - 1;
        v = 2 * next() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * f;
      return u * f;
    },
  };
}
