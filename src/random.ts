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
  // The state lives in a typed array: unsigned 32-bit words kept in closure variables would be
  // boxed as heap numbers on every store (they exceed the small-integer range), which made each
  // draw allocate; a Uint32Array holds them unboxed. The stream is the same word for word.
  const st = new Uint32Array(4);
  st[0] = init();
  st[1] = init();
  st[2] = init();
  st[3] = init() | 1;
  const u32 = (): number => {
    const a = st[0],
      b = st[1],
      c = st[2],
      d = st[3];
    const t = (((a + b) >>> 0) + d) >>> 0;
    st[3] = d + 1;
    st[0] = b ^ (b >>> 9);
    st[1] = c + (c << 3);
    const r = (c << 21) | (c >>> 11);
    st[2] = r + t;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  // The polar method's second deviate, kept for the next call (hasSpare[0] = 1 when it is there).
  const spare = new Float64Array(1);
  const hasSpare = new Uint8Array(1);
  const next = (): number => u32() / 4294967296;
  return {
    seed,
    next,
    int(n: number): number {
      if (!(n >= 1) || n > 4294967296) throw new RangeError(`int(n) needs 1 ≤ n ≤ 2^32, got ${n}`);
      // Rejection to avoid modulo bias. The remainders are taken as a − ⌊a/n⌋·n, which is exact here (a < 2^53, so
      // the quotient's floor is exact) and equals a % n bit for bit, without the slow floating-point modulo.
      const limit = 4294967296 - (4294967296 - Math.floor(4294967296 / n) * n);
      let x: number;
      do x = u32();
      while (x >= limit);
      return x - Math.floor(x / n) * n;
    },
    normal(): number {
      if (hasSpare[0] === 1) {
        hasSpare[0] = 0;
        return spare[0];
      }
      let u: number, v: number, s: number;
      do {
        u = 2 * next() - 1;
        v = 2 * next() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare[0] = v * f;
      hasSpare[0] = 1;
      return u * f;
    },
  };
}
